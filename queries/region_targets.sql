-- Targets for the region, with the national targets after them as the fallback.
with targets as (
    select
        t.kode_wilayah, t.level, t.year, t.segment, t.metric, t.value, t.kind, t.method,
        s.short as source_short, f.period_text, f.quote, f.period_start as figure_start, f.period_end as figure_end
    from target as t
    inner join source as s using (source_id)
    left join published_figure as f using (figure_id)
    where t.kode_wilayah in ($kode_kab, 'ID')
),

final as (
    select *, kode_wilayah = $kode_kab as is_regional
    from targets
)

select * from final
order by is_regional desc, year desc, segment
