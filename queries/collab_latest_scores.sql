-- Each region's most recent region-wide round per framework, one row per indicator: the regions side by side.
with region_rounds as (
    select *
    from assessment_round
    where stakeholder_id is null
    qualify row_number() over (
        partition by kode_kab, framework_id order by round_date desc, recorded_at desc, round_id desc
    ) = 1
),

final as (
    select
        r.kode_kab, g.slug, g.nama as region, r.round_id, r.framework_id, r.round_date, r.date_text, r.kind,
        s.short as source_short, a.indicator_id, i.position, i.label_id, i.label_en, a.score
    from region_rounds as r
    inner join region as g using (kode_kab)
    inner join assessment as a using (round_id)
    inner join framework_indicator as i using (indicator_id)
    left join source as s on s.source_id = r.source_id
)

select * from final
order by framework_id, kode_kab, position
