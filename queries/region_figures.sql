-- Every published figure for the region and the places inside it, with where it stands and its source.
with figures as (
    select f.*, s.short as source_short, s.url_or_path
    from published_figure as f
    inner join source as s using (source_id)
    where f.kode_wilayah = $kode_kab or starts_with(f.kode_wilayah, $kode_kab || '.')
),

final as (
    select
        figures.figure_id, figures.kode_wilayah, coalesce(places.nama, figures.kode_wilayah) as place,
        figures.indicator, figures.segment, figures.group_label, figures.value, figures.value_low,
        figures.value_high, figures.unit, figures.period_start, figures.period_text, figures.source_short,
        figures.locator, figures.quote, figures.note, figures.url_or_path
    from figures
    left join place_name as places on places.kode = figures.kode_wilayah
)

select * from final
order by period_start nulls last, indicator, figure_id
