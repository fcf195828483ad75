-- Workforce figures of every kind for a region's kecamatan or desa (or the region at 'kabupaten').
with final as (
    select w.kode_wilayah as kode, w.period, w.persons, w.bound, w.kind, k.precedence, w.method, s.short as source_short
    from workforce_in_use as w
    inner join kind_precedence as k using (kind)
    inner join source as s using (source_id)
    where w.level = $level and (w.kode_wilayah = $kode_kab or starts_with(w.kode_wilayah, $kode_kab || '.'))
)

select * from final
order by kode, period, kind
