-- Which numbered migrations a database has had, when, and the backup written before them. A database
-- without this table was made by a release before numbered migrations (version 0).
create table schema_version (
    version integer not null,              -- the migration's number; 0 for a refresh of the schema files
    name varchar not null,                 -- its file name
    schema_sha256 varchar not null,        -- of queries/schema/*.sql when it ran (views follow those files)
    applied_at timestamp not null default current_timestamp,
    backup varchar                         -- the copy written before the upgrade began
);
