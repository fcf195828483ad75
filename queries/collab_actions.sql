-- A region's action items with the indicator they serve, the owner's contact and the text they come from.
with actions as (
    select * from action_item where kode_kab = $kode_kab
),

final as (
    select
        a.action_id, a.title, a.title_en, a.horizon, a.owner, a.owner_stakeholder_id, st.contact as owner_contact,
        a.due_date, a.status, a.indicator_id, i.framework_id, i.label_id as indicator_label_id,
        i.label_en as indicator_label_en, a.origin, s.short as source_short, a.locator, a.quote, a.meeting_ref,
        a.created_by, a.created_at
    from actions as a
    left join stakeholder as st on st.stakeholder_id = a.owner_stakeholder_id
    left join framework_indicator as i on i.indicator_id = a.indicator_id
    left join source as s on s.source_id = a.source_id
)

select * from final
order by action_id
