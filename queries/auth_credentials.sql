-- Every account with its password hash, for signing in (the caller picks the one account it needs).
with final as (
    select username, role, password_hash, active
    from user_account
)

select * from final
order by username
