-- The newest audit entry's id: it changes with every write, since every write is audited, so it
-- tells a cache of things built from the data (meeting slides) when to build them again.
with final as (
    select coalesce(max(audit_id), 0) as version
    from audit_log
)

select * from final
