-- Rolling back a DKB upload: the spread estimates it displaced go back into workforce as they were.
insert into workforce (kode_wilayah, level, period, persons, kind, source_id, figure_id, method, import_id, bound)
select kode_wilayah, level, period, persons, kind, source_id, figure_id, method, null, bound
from workforce_replaced
where import_id = $import_id
