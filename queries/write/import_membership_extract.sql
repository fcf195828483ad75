-- The extract's own row: the date its data stand at, its active rule, whether it is synthetic.
insert into participant_extract (import_id, kode_kab, file_name, extract_date, active_rule, synthetic)
values ($import_id, $kode_kab, $file_name, $extract_date, $active_rule, $synthetic)
