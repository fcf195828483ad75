-- Every account for the admin's list (never the password hash), with the areas it is limited to.
with scopes as (
    select username, string_agg(kode_wilayah, ', ' order by kode_wilayah) as scope
    from user_scope
    group by username
),

final as (
    select a.username, a.role, s.scope, a.active, a.created_by, a.created_at
    from user_account as a
    left join scopes as s using (username)
)

select * from final
order by username
