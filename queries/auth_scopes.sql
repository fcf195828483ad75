-- The areas each scoped account may change; an account with no row may change the whole workspace.
with final as (
    select username, kode_wilayah
    from user_scope
)

select * from final
order by username, kode_wilayah
