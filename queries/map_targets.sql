-- Coverage-rate targets that can apply to a region's kecamatan: their own, the region's, the nation's.
with targets as (
    select
        t.kode_wilayah as kode, t.level, t.year, t.value / 100 as ratio, t.kind, k.precedence, t.method,
        s.short as source_short
    from target as t
    inner join kind_precedence as k using (kind)
    inner join source as s using (source_id)
    where
        t.metric = 'coverage_rate' and t.segment = 'ALL'
        and (t.kode_wilayah in ($kode_kab, 'ID') or starts_with(t.kode_wilayah, $kode_kab || '.'))
),

final as (
    select *
    from targets
)

select * from final
order by kode, year nulls first, kind
