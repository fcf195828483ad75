-- Workspaces made before participant extracts (and Disdukcapil's population by age) were importable
-- hold an import_batch whose kind check refuses them: rebuild the table with the check of
-- queries/schema/07_data.sql, keeping every row.
create table import_batch_0003 as select * from import_batch;
drop table import_batch;
create table import_batch (
    import_id integer primary key,
    kode_kab varchar not null,
    kind varchar not null check (kind in ('participants', 'workforce', 'population', 'population_age', 'target', 'recipients', 'perisai', 'boundaries', 'membership')),
    file_name varchar not null,
    file_sha256 varchar not null,
    sheet varchar,
    source_id varchar not null,
    file_rows integer not null check (file_rows >= 0),
    stored_rows integer not null check (stored_rows >= 0),
    created_by varchar not null,
    created_at timestamp not null default current_timestamp,
    rolled_back_by varchar,
    rolled_back_at timestamp
);
insert into import_batch by name select * from import_batch_0003;
drop table import_batch_0003;
