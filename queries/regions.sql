-- The regions the app knows, in a stable order for the picker.
with final as (
    select slug, kode_kab, nama, jenis, provinsi, luas_km2, is_demo
    from region
)
select * from final
order by is_demo desc, kode_kab
