-- Removing the spread estimates a DKB upload set aside (workforce_replaced), to make room for its own.
delete from workforce as w
using workforce_replaced as r
where
    r.import_id = $import_id and w.kode_wilayah = r.kode_wilayah and w.period = r.period
    and w.kind = 'estimate' and w.import_id is null
