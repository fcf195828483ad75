-- The audit log, newest first: who changed what, when, with row counts before and after, and the
-- areas the actor's account was limited to (empty: the whole workspace).
with final as (
    select audit_id, changed_at, actor, actor_scope, action, target_table, detail, rows_before, rows_after
    from audit_log
)

select * from final
order by audit_id desc
