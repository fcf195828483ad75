-- An action item's new status; the change and the old status go to the audit log in the same transaction.
update action_item set status = $status
where action_id = $action_id and kode_kab = $kode_kab
