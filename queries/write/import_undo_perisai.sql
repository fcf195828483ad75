-- Rolling back an upload: its Perisai agent rows (found by the upload's own source).
delete from perisai_agent
where kind = 'upload' and source_id = $source_id
