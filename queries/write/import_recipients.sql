-- The people of one list (import_rows): keyed NIK hash and masked forms only.
insert into recipient (list_id, row_number, nik_hash, nik_masked, name_masked, kode_kec, group_label)
select $list_id, row_number, nik_hash, nik_masked, name_masked, kode_kec, group_label
from import_rows
