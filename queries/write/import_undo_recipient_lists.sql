-- Rolling back an upload: its recipient lists (after their people).
delete from recipient_list
where import_id = $import_id
