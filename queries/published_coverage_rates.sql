-- Coverage rates a source publishes for the region's whole workforce (they win over a computed rate).
-- Segment rates (e.g. a BPU share with an unstated denominator) are not a UCJ coverage rate.
with rates as (
    select f.*, s.short as source_short
    from published_figure as f
    inner join source as s using (source_id)
    where
        f.kode_wilayah = $kode_kab and f.indicator = 'coverage_rate' and f.segment = 'ALL'
        and f.value is not null
),

final as (
    select
        figure_id, value, period_start, period_text, source_short, quote, 'published' as kind,
        period_start as figure_start, period_end as figure_end
    from rates
)

select * from final
order by period_start
