-- The uploaded region's polygons (the relation import_rows), citing the upload.
insert into boundary (kode, level, geojson, source)
select kode, level, geojson, $source
from import_rows
