-- Every assessment round id in use, in any region: a new round must not take one of them.
with final as (
    select round_id from assessment_round
)

select * from final
order by round_id
