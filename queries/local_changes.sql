-- How many changes people made to this database after it was built (imports, accounts, rounds,
-- actions): a rebuild would throw them away, so `python -m ucj.build` refuses without --force.
with final as (
    select count(*) as changes
    from audit_log
    where actor <> 'build'
)

select * from final
