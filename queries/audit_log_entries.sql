-- The audit log, newest first: who changed what, when, with row counts before and after.
with final as (
    select audit_id, changed_at, actor, action, target_table, detail, rows_before, rows_after
    from audit_log
)

select * from final
order by audit_id desc
