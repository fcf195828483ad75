-- Rolling back an upload: the people of its recipient lists.
delete from recipient
where list_id in (select list_id from recipient_list where import_id = $import_id)
