-- Rolling back an uploaded region: the region itself (a demo region is never removed).
delete from region
where kode_kab = $kode_kab and not is_demo
