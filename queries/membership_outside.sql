-- Participants whose NIK was issued outside the region and whose desa is not given, by the NIK's kab/kota.
with final as (
    select kode_kab_nik, count(*) as participants
    from participant
    where import_id = $import_id and area_basis = 'luar'
    group by kode_kab_nik
)

select * from final
order by participants desc, kode_kab_nik
