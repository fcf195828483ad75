-- What each score from 1 to 5 means, per indicator.
with final as (
    select indicator_id, level, text_id, text_en
    from rubric_level
)

select * from final
order by indicator_id, level
