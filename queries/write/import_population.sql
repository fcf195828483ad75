-- An upload's population rows (the relation import_rows), marked as uploaded figures.
insert into population (kode_wilayah, level, year, persons, kind, source_id, method, import_id)
select kode_wilayah, level, year, persons, 'upload', $source_id, method, $import_id
from import_rows
