-- Every score of a region's rounds, one row per round and indicator, with the evidence for it.
with rounds as (
    select * from assessment_round where kode_kab = $kode_kab
),

final as (
    select
        r.round_id, r.framework_id, r.stakeholder_id, r.round_date, r.recorded_at, r.kind,
        a.indicator_id, i.position, i.label_id, i.label_en, a.score, a.evidence, a.document_ref, a.quote
    from rounds as r
    inner join assessment as a using (round_id)
    inner join framework_indicator as i using (indicator_id)
)

select * from final
order by round_date, recorded_at, round_id, position
