-- Open sessions with their account's current role and state, by the hash of their token.
with open_sessions as (
    select *
    from user_session
    where ended_at is null
),

final as (
    select s.token_hash, s.username, a.role, a.active, s.started_at, s.last_seen
    from open_sessions as s
    inner join user_account as a using (username)
)

select * from final
order by started_at
