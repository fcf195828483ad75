-- The first participants of an extract as the preview shows them (masked on screen by
-- ucj.membership.masking): NIK region part only, encrypted name and KPJ, and where the kecamatan came from.
with final as (
    select
        p.nik_hash,
        p.nik_region,
        p.name_enc,
        p.kpj_enc,
        p.segment,
        p.status,
        p.registered_on,
        p.last_paid_month,
        p.area_basis,
        coalesce(p.kode_kec, p.kode_kab_nik) as kode_area
    from participant as p
    where p.import_id = $import_id
    order by p.registered_on, p.nik_hash
    limit 20
)

select * from final
order by registered_on, nik_hash
