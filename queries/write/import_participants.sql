-- An upload's participant rows (the relation import_rows), marked as uploaded figures.
insert into participants (kode_wilayah, level, period, segment, status, persons, kind, source_id, method, import_id)
select kode_wilayah, level, period, segment, status, persons, 'upload', $source_id, method, $import_id
from import_rows
