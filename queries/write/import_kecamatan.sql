-- The uploaded region's kecamatan (the relation import_rows).
insert into kecamatan (kode_kec, kode_kab, nama, luas_km2, jumlah_desa_kel)
select kode_kec, kode_kab, nama, luas_km2, jumlah_desa_kel
from import_rows
