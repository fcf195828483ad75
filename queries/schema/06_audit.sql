-- Every change to stored data: who, when, what, and row counts before and after.
create sequence audit_seq start 1;
create table audit_log (
    audit_id bigint primary key default nextval('audit_seq'),
    changed_at timestamp not null default current_timestamp,
    actor varchar not null,
    action varchar not null,
    target_table varchar not null,
    detail varchar,
    rows_before bigint,
    rows_after bigint
);

-- Added after the first releases: the actor's scope when the change was made (null: the whole workspace).
alter table audit_log add column if not exists actor_scope varchar;
