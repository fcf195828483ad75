-- The areas the rows of one upload name, so that rolling it back is refused to an account whose scope
-- does not cover them all.
with measure_rows as (
    select kode_wilayah from participants where kind = 'upload' and import_id = $import_id
    union all
    select kode_wilayah from workforce where kind = 'upload' and import_id = $import_id
    union all
    select kode_wilayah from population where kind = 'upload' and import_id = $import_id
    union all
    select kode_wilayah from target where kind = 'upload' and import_id = $import_id
),

perisai_rows as (
    select p.kode_wilayah
    from perisai_agent as p
    inner join import_batch as b using (source_id)
    where p.kind = 'upload' and b.import_id = $import_id
),

recipient_rows as (
    select coalesce(r.kode_kec, l.kode_kab) as kode_wilayah
    from recipient as r
    inner join recipient_list as l using (list_id)
    where l.import_id = $import_id
),

region_rows as (
    -- a boundary upload is a whole kab/kota
    select kode_kab as kode_wilayah
    from import_batch
    where kind = 'boundaries' and import_id = $import_id
),

final as (
    select distinct kode_wilayah
    from (
        select * from measure_rows
        union all
        select * from perisai_rows
        union all
        select * from recipient_rows
        union all
        select * from region_rows
    )
)

select * from final
order by kode_wilayah
