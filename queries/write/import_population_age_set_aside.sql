-- The build's spread estimates standing where a DKB upload's workforce estimates (import_rows) go: kept
-- aside under the upload's number, so that rolling it back restores them.
insert into workforce_replaced (import_id, kode_wilayah, level, period, persons, kind, source_id, figure_id, method, bound)
select $import_id, w.kode_wilayah, w.level, w.period, w.persons, w.kind, w.source_id, w.figure_id, w.method, w.bound
from workforce as w
inner join import_rows as r using (kode_wilayah, period)
where w.kind = 'estimate' and w.import_id is null
