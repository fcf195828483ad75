-- The uploaded region's desa/kelurahan (the relation import_rows).
insert into desa (kode_desa, kode_kec, nama, jenis, luas_km2)
select kode_desa, kode_kec, nama, jenis, luas_km2
from import_rows
