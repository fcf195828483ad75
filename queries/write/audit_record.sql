-- One entry of the audit log: who changed what, with row counts before and after.
insert into audit_log (actor, action, target_table, detail, rows_before, rows_after)
values ($actor, $action, $target_table, $detail, $rows_before, $rows_after)
