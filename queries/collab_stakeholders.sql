-- A region's stakeholder register with the text each entry cites.
with stakeholders as (
    select st.*, s.short as source_short
    from stakeholder as st
    inner join source as s using (source_id)
    where st.kode_kab = $kode_kab
),

final as (
    select
        stakeholder_id, nama, short_name, jenis, legal_basis, role_interest, needs, influence, interest, map_basis,
        contact, source_short, locator, quote
    from stakeholders
)

select * from final
order by influence desc, interest desc, stakeholder_id
