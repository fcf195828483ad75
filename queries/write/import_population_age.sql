-- A DKB upload's age rows (the relation import_rows), as the file gives them.
insert into population_age (kode_wilayah, level, period, age_low, age_high, persons, source_id, import_id)
select kode_wilayah, level, period, age_low, age_high, persons, $source_id, $import_id
from import_rows
