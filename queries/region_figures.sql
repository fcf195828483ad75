-- Every published figure about a region and its kecamatan/desa, with its citation.
with figures as (
    select f.*, s.short as source_short, s.url_or_path
    from published_figure as f
    inner join source as s using (source_id)
    where f.kode_wilayah = $kode_kab or starts_with(f.kode_wilayah, $kode_kab || '.')
),

final as (
    select
        figure_id, kode_wilayah, indicator, segment, group_label, value, value_low, value_high, unit,
        period_start, period_text, source_short, locator, quote, note, url_or_path
    from figures
)

select * from final
order by period_start nulls last, indicator, figure_id
