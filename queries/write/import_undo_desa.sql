-- Rolling back an uploaded region: its desa/kelurahan.
delete from desa
where starts_with(kode_desa, $kode_kab || '.')
