-- Rolling back an uploaded region: its kecamatan.
delete from kecamatan
where kode_kab = $kode_kab
