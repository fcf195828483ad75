-- Rolling back a DKB upload: its age rows, and nothing else.
delete from population_age
where import_id = $import_id
