-- Every account for the admin's list (never the password hash).
with final as (
    select username, role, active, created_by, created_at
    from user_account
)

select * from final
order by username
