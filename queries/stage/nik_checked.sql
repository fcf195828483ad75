-- Each row's NIK cleaned (spaces and Excel's leading apostrophe dropped), its problem, and its
-- kab/kota and kecamatan codes.
create table nik_checked as
with cleaned as (
    select row, nik_clean(nik) as nik, nik_problem(nik) as code
    from raw
    where nik is not null
)

select
    row,
    nik,
    code,
    substr(nik, 1, 2) || '.' || substr(nik, 3, 2) as kode_kab,
    substr(nik, 1, 2) || '.' || substr(nik, 3, 2) || '.' || substr(nik, 5, 2) as kode_kec
from cleaned
