-- Every figure names where it comes from: a row here, cited on screen by `short`.
create table source (
    source_id varchar primary key,
    kind varchar not null check (kind in ('research_article', 'thesis', 'regulation', 'statistics', 'dataset', 'news', 'upload', 'method')),
    short varchar not null,
    title varchar,
    year integer,
    url_or_path varchar,
    seed_file varchar,
    note varchar
);

-- Each quantitative statement of the research texts, verbatim, with where it stands.
create table published_figure (
    figure_id varchar primary key,
    kode_wilayah varchar not null,
    indicator varchar not null,
    segment varchar,
    value double,
    value_low double,
    value_high double,
    unit varchar not null,
    period_start date,
    period_end date,
    period_text varchar,
    source_id varchar not null references source (source_id),
    locator varchar,
    quote varchar,
    note varchar,
    group_label varchar,
    check (value is not null or value_low is not null)
);

-- Places where two texts state different values for the same thing; both are kept and shown.
create table figure_discrepancy (
    figure_a varchar not null references published_figure (figure_id),
    figure_b varchar not null references published_figure (figure_id),
    topic_id varchar not null,
    topic_en varchar not null,
    primary key (figure_a, figure_b)
);

-- Legal instruments the texts name for each region (laws, regulations, decrees, MoUs).
create table regulation_cited (
    kode_wilayah varchar not null,
    instrument varchar not null,
    kind varchar not null,
    number varchar,
    year integer,
    subject varchar,
    source_id varchar not null references source (source_id),
    locator varchar,
    quote varchar
);
