-- Rolling back a DKB upload: the workforce estimates it derived, and nothing else.
delete from workforce
where kind = 'estimate' and import_id = $import_id
