-- Boundary polygons of a region's kecamatan or desa (GeoJSON text), with names and parent kecamatan.
with areas as (
    select kode_kec as kode, nama, kode_kec, 'kecamatan' as level
    from kecamatan
    where kode_kab = $kode_kab
    union all
    select d.kode_desa as kode, d.nama, d.kode_kec, 'desa' as level
    from desa as d
    inner join kecamatan as k using (kode_kec)
    where k.kode_kab = $kode_kab
),

final as (
    select areas.kode, areas.nama, areas.kode_kec, b.geojson
    from areas
    inner join boundary as b on b.kode = areas.kode and b.level = areas.level
    where areas.level = $level
)

select * from final
order by kode
