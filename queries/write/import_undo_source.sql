-- Rolling back an upload: the source row its figures cited.
delete from source
where source_id = $source_id and kind = 'upload'
