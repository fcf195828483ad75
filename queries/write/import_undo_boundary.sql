-- Rolling back an uploaded region: its polygons.
delete from boundary
where starts_with(kode, $kode_kab || '.')
