-- An upload's workforce rows (the relation import_rows), marked as uploaded figures.
insert into workforce (kode_wilayah, level, period, persons, kind, source_id, method, import_id)
select kode_wilayah, level, period, persons, 'upload', $source_id, method, $import_id
from import_rows
