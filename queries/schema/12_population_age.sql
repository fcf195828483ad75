-- Population by age group from Disdukcapil's DKB tables (an import of kind 'population_age'), and the
-- build's spread estimates that the workforce such an import derives had to displace.

-- One row per area, DKB semester and age group, as the file gives it; `age_high` null for an open group ("75+").
create table population_age (
    kode_wilayah varchar not null,
    level varchar not null check (level in ('kecamatan', 'desa')),
    period date not null,                  -- first day of the DKB reference month: June (semester 1), December (2)
    age_low integer not null check (age_low >= 0),
    age_high integer check (age_high >= age_low),
    persons bigint not null check (persons >= 0),
    source_id varchar not null,
    import_id integer not null,
    primary key (kode_wilayah, period, age_low)
);

-- A DKB import's workforce estimate replaces the build's spread estimate of the same area; where both stand
-- at the same period (workforce's key is area, period, kind) the spread row is moved here, and rolling the
-- import back puts it back exactly.
create table workforce_replaced (
    import_id integer not null,
    kode_wilayah varchar not null,
    level varchar not null,
    period date not null,
    persons bigint not null,
    kind varchar not null,
    source_id varchar not null,
    figure_id varchar,
    method varchar,
    bound varchar,
    primary key (kode_wilayah, period, kind)
);
