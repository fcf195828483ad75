-- Every desa/kelurahan and its kecamatan, for spreading a kecamatan's figure over its desa.
with final as (
    select kode_desa, kode_kec
    from desa
)

select * from final
order by kode_desa
