-- Stakeholders, collaboration frameworks, scored assessment rounds and action items.
create table stakeholder (
    stakeholder_id varchar primary key,
    kode_kab varchar not null,
    nama varchar not null,
    jenis varchar not null,                -- BPJSTK, OPD, kecamatan/desa, DPRD, wadah/Perisai, BUMN, community, employer
    legal_basis varchar,
    role_interest varchar,
    needs varchar,
    contact varchar,                       -- personal data: masked on screen and in exports
    source_id varchar not null,
    locator varchar
);

create table framework_indicator (
    framework varchar not null,            -- 'cgr' (Emerson–Nabatchi–Balogh), 'ansell_gash', 'factors', 'paritrana'
    indicator_id varchar not null,
    dimension varchar not null,
    label_id varchar not null,
    label_en varchar not null,
    description varchar not null,
    primary key (framework, indicator_id)
);

-- Assessment rounds are append-only: a new round is new rows, an old round is never updated.
create table assessment (
    round_id varchar not null,
    kode_kab varchar not null,
    round_date date not null,
    framework varchar not null,
    indicator_id varchar not null,
    stakeholder_id varchar,
    score integer not null check (score between 1 and 5),
    evidence varchar,
    document_ref varchar,
    kind varchar not null check (kind in ('published', 'estimate', 'upload')),
    source_id varchar,
    recorded_by varchar not null,
    recorded_at timestamp not null default current_timestamp
);

create table action_item (
    action_id varchar primary key,
    kode_kab varchar not null,
    title varchar not null,
    horizon varchar check (horizon in ('short', 'medium', 'long')),
    owner varchar,
    due_date date,
    status varchar not null check (status in ('open', 'in_progress', 'done', 'dropped')),
    indicator_id varchar,
    source_id varchar,
    created_at timestamp not null default current_timestamp
);
