-- The upload stays in the history, marked as rolled back, by whom and when.
update import_batch
set rolled_back_by = $actor, rolled_back_at = current_timestamp
where import_id = $import_id and rolled_back_at is null
