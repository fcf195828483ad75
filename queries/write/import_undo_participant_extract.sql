-- Rolling back a participant extract: the extract's own row.
delete from participant_extract
where import_id = $import_id
