-- Rolling back an upload: its target rows, and nothing else.
delete from target
where kind = 'upload' and import_id = $import_id
