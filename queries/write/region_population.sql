-- A kab/kota's published population from the national reference data (geo/national/kabkota_2025.csv).
insert into population (kode_wilayah, level, year, persons, kind, source_id)
values ($kode_wilayah, 'kabupaten', $year, $persons, 'published', $source_id)
