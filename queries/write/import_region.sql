-- A kabupaten/kota a Pemda uploads (never a demo region): the picker lists it from here on.
insert into region (kode_kab, slug, nama, jenis, kode_prov, provinsi, luas_km2, is_demo)
values ($kode_kab, $slug, $nama, $jenis, $kode_prov, $provinsi, $luas_km2, false)
