-- Area and period cells of the region that already hold a DKB upload's workforce estimate: a second
-- upload of the same semester must roll that one back first (never a silent overwrite).
with final as (
    select kode_wilayah, period, import_id
    from workforce
    where
        kind = 'estimate' and import_id is not null
        and (kode_wilayah = $kode_kab or starts_with(kode_wilayah, $kode_kab || '.'))
)

select * from final
order by kode_wilayah, period
