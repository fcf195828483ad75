-- Recent login attempts (older ones are forgotten at each login), for the back-off.
with final as (
    select username, session_key, attempted_at, outcome
    from login_attempt
)

select * from final
order by attempted_at
