-- Rolling back a participant extract: its participants (their counts go with import_undo_participants).
delete from participant
where import_id = $import_id
