-- One entry of the audit log: who changed what, with row counts before and after, and the actor's
-- scope as it stood then (ucj.auth.scope; null for the whole workspace).
insert into audit_log (actor, action, target_table, detail, rows_before, rows_after, actor_scope)
select
    $actor, $action, $target_table, $detail, $rows_before, $rows_after,
    (select string_agg(kode_wilayah, ', ' order by kode_wilayah) from user_scope where username = $actor)
