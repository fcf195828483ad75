-- A DKB upload's workforce (working age × TPAK, the relation import_rows), marked as estimates with their rule.
insert into workforce (kode_wilayah, level, period, persons, kind, source_id, method, import_id)
select kode_wilayah, level, period, persons, 'estimate', $source_id, method, $import_id
from import_rows
