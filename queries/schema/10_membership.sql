-- Participant extracts (issue 13 owns this file; this is the shared contract's version so that the
-- retention pages can be built beside it, and it gives way to issue 13's file on merge).
create table participant_extract (
    import_id integer primary key,
    kode_kab varchar not null,
    file_name varchar not null,
    extract_date date not null,            -- the date the data stand at
    active_rule varchar not null,
    synthetic boolean not null
);

create table participant (
    import_id integer not null,
    nik_hash varchar not null,
    nik_region varchar not null,           -- the NIK's first 6 digits
    name_enc blob,
    kpj_enc blob,
    kpj_hash varchar,
    segment varchar not null,              -- PU BPU JAKON PMI
    programmes varchar,                    -- 'JKK,JKM,JHT'
    registered_on date not null,
    status varchar not null,
    last_paid_month date,                  -- first day of the last month paid
    kode_desa varchar,
    kode_kec varchar,
    area_basis varchar not null,           -- 'desa' | 'nik' | 'luar'
    kode_kab_nik varchar,
    funding varchar,                       -- APBD APBDES DBHCHT POKIR CSR MANDIRI PEMBERI_KERJA
    employer varchar,
    perisai_agent varchar,
    primary key (import_id, nik_hash)
);

-- Active in month m (its first day): registered by the month's end and paid for it.
create or replace macro participant_active(registered_on, last_paid_month, m) as
    registered_on <= last_day(m) and last_paid_month >= m;
