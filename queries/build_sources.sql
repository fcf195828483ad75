-- Each source's short name, for the citations of estimates.
with final as (
    select source_id, short
    from source
)

select * from final
order by source_id
