-- Measures per area. Every row carries its provenance:
--   kind        'published' (stated by a source), 'estimate' (made by the build, see method),
--               or 'upload' (imported by a Pemda user, see import_id)
--   figure_id   the published statement it is, or was derived from
--   method      for estimates: the rule, in words, e.g. spread by population weight
--   bound       null for a point value; 'lower' when the source gives only "more than" (the true value
--               is above `persons`), 'upper' for "less than"; a value computed from a bound carries the
--               bound it implies (Probolinggo: more than 46.000 participants ÷ 36 % = more than 127.778)
create table population (
    kode_wilayah varchar not null,
    level varchar not null check (level in ('kabupaten', 'kecamatan', 'desa')),
    year integer not null,
    persons bigint not null check (persons >= 0),
    kind varchar not null check (kind in ('published', 'estimate', 'upload')),
    source_id varchar not null,
    figure_id varchar,
    method varchar,
    import_id integer,
    primary key (kode_wilayah, year, kind)
);

create table workforce (
    kode_wilayah varchar not null,
    level varchar not null check (level in ('kabupaten', 'kecamatan', 'desa')),
    period date not null,                  -- first day of the reference month
    persons bigint not null check (persons >= 0),
    kind varchar not null check (kind in ('published', 'estimate', 'upload')),
    source_id varchar not null,
    figure_id varchar,
    method varchar,
    import_id integer,
    bound varchar check (bound in ('lower', 'upper')),
    primary key (kode_wilayah, period, kind)
);

create table participants (
    kode_wilayah varchar not null,
    level varchar not null check (level in ('kabupaten', 'kecamatan', 'desa')),
    period date not null,                  -- first day of the month
    segment varchar not null check (segment in ('ALL', 'PU', 'BPU', 'JAKON', 'PMI')),
    status varchar not null check (status in ('registered', 'active')),
    persons bigint not null check (persons >= 0),
    kind varchar not null check (kind in ('published', 'estimate', 'upload')),
    source_id varchar not null,
    figure_id varchar,
    method varchar,
    import_id integer,
    bound varchar check (bound in ('lower', 'upper')),
    primary key (kode_wilayah, period, segment, status, kind)
);

create table target (
    kode_wilayah varchar not null,
    level varchar not null check (level in ('nasional', 'kabupaten', 'kecamatan')),
    year integer,                          -- null when the source names no year (Probolinggo's 60 %)
    segment varchar not null check (segment in ('ALL', 'PU', 'BPU', 'JAKON', 'PMI')),
    metric varchar not null check (metric in ('coverage_rate', 'participants')),
    value double not null check (value >= 0),
    kind varchar not null check (kind in ('published', 'estimate', 'upload')),
    source_id varchar not null,
    figure_id varchar,
    method varchar,
    import_id integer,
    unique (kode_wilayah, year, segment, metric, kind)
);

-- Added after the first release: a Pemda's database made before it gets the column at start-up.
alter table workforce add column if not exists bound varchar;
alter table participants add column if not exists bound varchar;
