-- An upload's target rows (the relation import_rows), marked as uploaded figures.
insert into target (kode_wilayah, level, year, segment, metric, value, kind, source_id, method, import_id)
select kode_wilayah, level, year, segment, metric, value, 'upload', $source_id, method, $import_id
from import_rows
