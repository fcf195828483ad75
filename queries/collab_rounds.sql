-- A region's assessment rounds, oldest first, with their scope and provenance.
with rounds as (
    select * from assessment_round where kode_kab = $kode_kab
),

final as (
    select
        r.round_id, r.framework_id, r.stakeholder_id, st.nama as stakeholder, r.round_date, r.date_text,
        r.kind, s.short as source_short, r.note, r.recorded_by, r.recorded_at
    from rounds as r
    left join stakeholder as st on st.stakeholder_id = r.stakeholder_id
    left join source as s on s.source_id = r.source_id
)

select * from final
order by round_date, recorded_at, round_id
