-- Every stored row of the region's active uploads, keyed as the import checks key them, so a new
-- upload never silently overwrites an earlier one.
with in_region as (
    select $kode_kab as region_code
),

participants_cells as (
    select 'participants' as target_table, concat_ws('|', kode_wilayah, period, segment, status) as cell, import_id
    from participants, in_region
    where kind = 'upload' and (kode_wilayah = region_code or starts_with(kode_wilayah, region_code || '.'))
),

workforce_cells as (
    select 'workforce' as target_table, concat_ws('|', kode_wilayah, period) as cell, import_id
    from workforce, in_region
    where kind = 'upload' and (kode_wilayah = region_code or starts_with(kode_wilayah, region_code || '.'))
),

population_cells as (
    select 'population' as target_table, concat_ws('|', kode_wilayah, year) as cell, import_id
    from population, in_region
    where kind = 'upload' and (kode_wilayah = region_code or starts_with(kode_wilayah, region_code || '.'))
),

target_cells as (
    select 'target' as target_table, concat_ws('|', kode_wilayah, year, segment, metric) as cell, import_id
    from target, in_region
    where kind = 'upload' and (kode_wilayah = region_code or starts_with(kode_wilayah, region_code || '.'))
),

perisai_cells as (
    -- uploaded agents' ids are kode|agent|period; perisai_agent has no import_id, its source says which
    select 'perisai_agent' as target_table, p.agent_id as cell, b.import_id
    from perisai_agent as p
    inner join import_batch as b using (source_id)
    cross join in_region
    where p.kind = 'upload' and (p.kode_wilayah = region_code or starts_with(p.kode_wilayah, region_code || '.'))
),

final as (
    select * from participants_cells
    union all
    select * from workforce_cells
    union all
    select * from population_cells
    union all
    select * from target_cells
    union all
    select * from perisai_cells
)

select * from final
order by target_table, cell
