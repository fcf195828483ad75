-- Pairs of published figures that disagree, both kept with their citations.
with pairs as (
    select d.topic_id, d.topic_en, d.figure_a, d.figure_b
    from figure_discrepancy as d
    inner join published_figure as a on a.figure_id = d.figure_a
    where a.kode_wilayah = $kode_kab or starts_with(a.kode_wilayah, $kode_kab || '.')
),

final as (
    select
        pairs.topic_id, pairs.topic_en,
        a.value as value_a, a.value_low as value_low_a, a.value_high as value_high_a, a.unit as unit_a,
        sa.short as source_a, a.locator as locator_a, a.quote as quote_a,
        b.value as value_b, b.value_low as value_low_b, b.value_high as value_high_b, b.unit as unit_b,
        sb.short as source_b, b.locator as locator_b, b.quote as quote_b
    from pairs
    inner join published_figure as a on a.figure_id = pairs.figure_a
    inner join source as sa on sa.source_id = a.source_id
    inner join published_figure as b on b.figure_id = pairs.figure_b
    inner join source as sb on sb.source_id = b.source_id
)

select * from final
order by topic_id
