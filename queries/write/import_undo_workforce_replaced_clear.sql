-- Rolling back a DKB upload: once restored, its set-aside spread estimates leave the side table.
delete from workforce_replaced
where import_id = $import_id
