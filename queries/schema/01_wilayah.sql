-- Administrative areas keyed by Kemendagri codes (not BPS codes: see geo/PROVENANCE.md).
create table region (
    kode_kab varchar primary key,          -- '13.71'
    slug varchar not null unique,          -- 'padang', used in URLs
    nama varchar not null,                 -- 'Kota Padang'
    jenis varchar not null check (jenis in ('kota', 'kabupaten')),
    kode_prov varchar not null,
    provinsi varchar not null,
    luas_km2 double,
    is_demo boolean not null default true  -- shipped example, not a Pemda's own upload
);

create table kecamatan (
    kode_kec varchar primary key,          -- '13.71.01'
    kode_kab varchar not null references region (kode_kab),
    nama varchar not null,
    luas_km2 double check (luas_km2 > 0),
    jumlah_desa_kel integer check (jumlah_desa_kel >= 0)
);

create table desa (
    kode_desa varchar primary key,         -- '35.09.11.2004'
    kode_kec varchar not null references kecamatan (kode_kec),
    nama varchar not null,
    jenis varchar not null check (jenis in ('desa', 'kelurahan')),
    luas_km2 double check (luas_km2 > 0)
);

-- Simplified polygons as GeoJSON geometry text (DuckDB's spatial extension is a download, and
-- the app must work offline). One row per area and level.
create table boundary (
    kode varchar not null,
    level varchar not null check (level in ('kecamatan', 'desa')),
    geojson varchar not null,
    source varchar not null,
    primary key (kode, level)
);
