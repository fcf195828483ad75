-- The kab/kota and kecamatan of the workspace: the codes an account's scope may name, with their names.
with kabkota as (
    select kode_kab as kode, 'kabupaten' as level, nama
    from region
),

kecamatan_rows as (
    select kode_kec as kode, 'kecamatan' as level, nama
    from kecamatan
),

final as (
    select * from kabkota
    union all
    select * from kecamatan_rows
)

select * from final
order by kode
