-- Collaboration: who takes part, the frameworks that judge it, scored assessment rounds, action items.
-- Frameworks, indicators and their 1–5 rubrics are data seeded from the research texts, not code.

create table framework (
    framework_id varchar primary key,      -- 'cgr', 'ansell_gash', 'factors', 'jones', 'paritrana'
    position integer not null unique,
    name_id varchar not null,
    name_en varchar not null,
    description_id varchar not null,
    description_en varchar not null,
    source_id varchar not null references source (source_id),  -- the text that applies the framework
    locator varchar not null
);

create table framework_indicator (
    indicator_id varchar primary key,      -- prefixed by framework: 'cgr_leadership', 'par_regulation'
    framework_id varchar not null references framework (framework_id),
    position integer not null,             -- order within the framework (radar spokes, tables)
    dimension_id varchar not null,
    dimension_en varchar not null,
    label_id varchar not null,
    label_en varchar not null,
    description_id varchar not null,
    description_en varchar not null,
    unique (framework_id, position)
);

-- What each score means for each indicator: every indicator has exactly the levels 1 to 5.
create table rubric_level (
    indicator_id varchar not null references framework_indicator (indicator_id),
    level integer not null check (level between 1 and 5),
    text_id varchar not null,
    text_en varchar not null,
    primary key (indicator_id, level)
);

-- The research's recommendation for an indicator, quoted from the text that makes it.
create table indicator_recommendation (
    indicator_id varchar not null references framework_indicator (indicator_id),
    source_id varchar not null references source (source_id),
    locator varchar not null,
    quote varchar not null,
    text_id varchar not null,
    text_en varchar not null
);

-- Institutions and roles only: never a person's name.
create table stakeholder (
    stakeholder_id varchar primary key,
    kode_kab varchar not null references region (kode_kab),
    nama varchar not null,
    short_name varchar not null,           -- for chart labels: 'Disnakerin', 'PT Damko'
    jenis varchar not null check (jenis in (
        'bpjstk', 'opd', 'kepala_daerah', 'kecamatan_desa', 'dprd', 'wadah_perisai', 'bumn', 'community', 'employer'
    )),
    legal_basis varchar,
    role_interest varchar,
    needs varchar,
    influence integer not null check (influence between 1 and 5),  -- read from the text, see map_basis
    interest integer not null check (interest between 1 and 5),
    map_basis varchar not null,
    contact varchar,                       -- personal data: masked on screen and in exports; never seeded from the texts
    source_id varchar not null references source (source_id),
    locator varchar not null,
    quote varchar
);

-- Who needs what from whom (the Padang article's Tabel 3 and its like in the other texts).
create table stakeholder_need (
    kode_kab varchar not null references region (kode_kab),
    needer_id varchar not null references stakeholder (stakeholder_id),
    provider_id varchar not null references stakeholder (stakeholder_id),
    need_id varchar not null,
    need_en varchar not null,
    source_id varchar not null references source (source_id),
    locator varchar not null,
    quote varchar,
    primary key (needer_id, provider_id),
    check (needer_id <> provider_id)
);

-- Assessment rounds are append-only. The primary key makes a second write of a round fail, and no
-- update or delete statement for these two tables exists in queries/write/.
create table assessment_round (
    round_id varchar primary key,
    kode_kab varchar not null references region (kode_kab),
    framework_id varchar not null references framework (framework_id),
    stakeholder_id varchar references stakeholder (stakeholder_id),  -- null: the round scores the region as a whole
    round_date date not null,
    date_text varchar,                     -- the date as the source words it, when it is vaguer than a day
    kind varchar not null check (kind in ('derived', 'entered')),  -- read from a research text, or entered in a meeting
    source_id varchar references source (source_id),
    note varchar,
    recorded_by varchar not null,
    recorded_at timestamp not null default current_timestamp,
    check (kind = 'entered' or source_id is not null)
);

create table assessment (
    round_id varchar not null references assessment_round (round_id),
    indicator_id varchar not null references framework_indicator (indicator_id),
    score integer not null check (score between 1 and 5),
    evidence varchar,
    document_ref varchar,                  -- where in the text, or the meeting document (e.g. notulen number)
    quote varchar,
    primary key (round_id, indicator_id)
);

create table action_item (
    action_id varchar primary key,
    kode_kab varchar not null references region (kode_kab),
    title varchar not null,
    title_en varchar,                      -- research items only; meeting items keep the words of the meeting
    horizon varchar check (horizon in ('short', 'medium', 'long')),  -- null when the text gives none
    owner varchar,                         -- an institution or role, never a person's name
    owner_stakeholder_id varchar references stakeholder (stakeholder_id),
    due_date date,
    status varchar not null check (status in ('open', 'in_progress', 'done', 'dropped')),
    indicator_id varchar references framework_indicator (indicator_id),
    origin varchar not null check (origin in ('research', 'meeting')),
    source_id varchar references source (source_id),
    locator varchar,
    quote varchar,
    meeting_ref varchar,
    created_by varchar not null,
    created_at timestamp not null default current_timestamp,
    check (origin = 'meeting' or (source_id is not null and locator is not null))
);
