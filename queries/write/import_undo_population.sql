-- Rolling back an upload: its population rows, and nothing else.
delete from population
where kind = 'upload' and import_id = $import_id
