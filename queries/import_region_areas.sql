-- The kabupaten/kota, its kecamatan and its desa, for matching the area column of an upload.
with region_row as (
    select kode_kab as kode, 'kabupaten' as level, nama
    from region
    where kode_kab = $kode_kab
),

kecamatan_rows as (
    select kode_kec as kode, 'kecamatan' as level, nama
    from kecamatan
    where kode_kab = $kode_kab
),

desa_rows as (
    select d.kode_desa as kode, 'desa' as level, d.nama
    from desa as d
    inner join kecamatan as k using (kode_kec)
    where k.kode_kab = $kode_kab
),

final as (
    select * from region_row
    union all
    select * from kecamatan_rows
    union all
    select * from desa_rows
)

select * from final
order by level, kode
