-- Rolling back an upload: its workforce rows, and nothing else.
delete from workforce
where kind = 'upload' and import_id = $import_id
