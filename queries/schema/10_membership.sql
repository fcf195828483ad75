-- Kepesertaan: a participant extract (rekonsiliasi data kepesertaan) and the people in it.
-- Never a NIK, a name or a KPJ number in clear: the NIK as the keyed hash recipient lists use
-- (so both match) plus its 6-digit region part; names and KPJ numbers encrypted (ucj.membership.crypto).

-- One extract: its import (import_batch), the date its data stand at and the active rule it states.
create table participant_extract (
    import_id integer primary key,         -- the import_batch that brought it (rolled back as one)
    kode_kab varchar not null,
    file_name varchar not null,
    extract_date date not null,            -- the date the data stand at
    active_rule varchar not null check (active_rule in ('paid', 'paid_3m')),
    synthetic boolean not null             -- a training file ("contoh sintetis"), never real people
);

create table participant (
    import_id integer not null,
    nik_hash varchar not null,             -- HMAC-SHA256 under the install's secret (ucj.imports.recipients)
    nik_region varchar not null,           -- the NIK's digits 1–6: where it was issued
    name_enc blob,
    kpj_enc blob,
    kpj_hash varchar,                      -- keyed hash of the KPJ card number, to match across extracts
    segment varchar not null check (segment in ('PU', 'BPU', 'JAKON', 'PMI')),
    programmes varchar,                    -- 'JKK,JKM,JHT'
    registered_on date not null,
    status varchar not null check (status in ('aktif', 'nonaktif', 'meninggal', 'keluar')),
    last_paid_month date,                  -- first day of the last month paid; null: never paid
    kode_desa varchar,
    kode_kec varchar,                      -- from the desa column, else from the NIK; null for 'luar'
    area_basis varchar not null check (area_basis in ('desa', 'nik', 'luar')),
    kode_kab_nik varchar,                  -- the NIK's kab/kota code 'pp.kk' (for 'luar': counted apart)
    funding varchar check (funding in ('APBD', 'APBDES', 'DBHCHT', 'POKIR', 'CSR', 'MANDIRI', 'PEMBERI_KERJA')),
    employer varchar,
    perisai_agent varchar,
    person_key hugeint,                    -- person_key_of(nik_hash): the same person across extracts, joined fast
    primary key (import_id, nik_hash)
);

-- Added after the first extracts were stored: those get their key from migration 0004.
alter table participant add column if not exists person_key hugeint;

-- A person's key for joins across extracts: 124 bits of a SHA-256 of the keyed NIK hash as one integer
-- (positive, so NumPy and Arrow carry it), which DuckDB joins and partitions several times faster than the
-- 64-character text (a collision among 10^7 people has odds of about 10^-23).
create or replace macro person_key_of(nik_hash) as cast('0x' || substr(sha256(nik_hash), 1, 31) as hugeint);

-- The active-in-month rule, written once (ucj.membership.active says it in words and in Python):
-- a participant is active in month M when registered by M's last day and paid for M ('paid') or
-- for M or one of the two months before it ('paid_3m'). Each participant is therefore active over
-- one span of months, from the month of registration to the month the payments reach.
create or replace macro participant_active_from(registered_on) as
    cast(date_trunc('month', registered_on) as date);

create or replace macro participant_active_until(rule, last_paid_month) as
    cast(last_paid_month + case when rule = 'paid_3m' then interval 2 month else interval 0 month end as date);

create or replace macro participant_active(rule, registered_on, last_paid_month, month) as
    coalesce(
        month between participant_active_from(registered_on) and participant_active_until(rule, last_paid_month),
        false
    );

-- The months an extract speaks for: the 24 months up to the one of its date.
create view extract_month as
select e.import_id, cast(m.month as date) as month
from participant_extract as e,
    lateral (
        select unnest(generate_series(
            date_trunc('month', e.extract_date) - interval 23 month,
            date_trunc('month', e.extract_date),
            interval 1 month
        )) as month
    ) as m;

-- Every participant in every month of their extract from the month they registered, with the
-- extract's rule applied: the one place 'active' is decided (coverage, retention and cohorts read it).
create view participant_month as
select
    p.import_id, p.nik_hash, m.month, p.segment, p.kode_kec, p.kode_desa, p.area_basis, p.kode_kab_nik,
    p.funding, p.perisai_agent, p.registered_on, p.last_paid_month,
    participant_active(e.active_rule, p.registered_on, p.last_paid_month, m.month) as active
from participant as p
inner join participant_extract as e using (import_id)
inner join extract_month as m using (import_id)
where participant_active_from(p.registered_on) <= m.month;
