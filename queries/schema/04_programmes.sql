-- Contribution-subsidy programmes for vulnerable workers, as the texts report them.
create table subsidy_programme (
    programme_id varchar primary key,
    kode_kab varchar not null,
    name varchar not null,
    year integer not null,
    phase varchar,
    funding_source varchar not null check (funding_source in ('APBD', 'APBDes', 'DBHCHT', 'POKIR', 'CSR', 'APBN', 'OTHER')),
    target_group varchar,
    headcount bigint check (headcount >= 0),
    months integer check (months between 1 and 36),
    budget_rp bigint check (budget_rp >= 0),
    realised_rp bigint check (realised_rp >= 0),
    status varchar not null check (status in ('planned', 'protected', 'registered', 'quota')),
    as_of date,
    kind varchar not null check (kind in ('published', 'estimate', 'upload')),
    source_id varchar not null,
    figure_id varchar,
    note varchar
);

-- Perisai agents and the BPU participants they collect contributions from.
create table perisai_agent (
    agent_id varchar primary key,
    kode_wilayah varchar not null,
    label varchar not null,                -- initials as in the text; never a full name
    wadah varchar,
    participants bigint check (participants >= 0),
    paying_low bigint check (paying_low >= 0),
    paying_high bigint check (paying_high >= paying_low),
    as_of date,
    kind varchar not null check (kind in ('published', 'estimate', 'upload')),
    source_id varchar not null,
    figure_id varchar
);
