-- Rolling back an upload: its participants rows, and nothing else.
delete from participants
where kind = 'upload' and import_id = $import_id
