-- Every kecamatan with its desa/kelurahan count: the weights of an even spread.
with final as (
    select kode_kec, kode_kab, jumlah_desa_kel
    from kecamatan
)

select * from final
order by kode_kec
