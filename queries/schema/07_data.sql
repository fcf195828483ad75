-- Data issue: versioned imports, recipient lists, accounts, login attempts and sessions.

-- One row per upload. Its rows carry import_id (measure tables) or its source_id (perisai_agent);
-- rolling back deletes exactly those rows and the upload's source row, and keeps this row.
create table import_batch (
    import_id integer primary key,
    kode_kab varchar not null,
    kind varchar not null check (kind in ('participants', 'workforce', 'population', 'population_age', 'target', 'recipients', 'perisai', 'boundaries', 'membership')),
    file_name varchar not null,
    file_sha256 varchar not null,
    sheet varchar,
    source_id varchar not null,            -- the upload's row in source (deleted on rollback)
    file_rows integer not null check (file_rows >= 0),
    stored_rows integer not null check (stored_rows >= 0),  -- file rows plus totals derived from them
    created_by varchar not null,
    created_at timestamp not null default current_timestamp,
    rolled_back_by varchar,
    rolled_back_at timestamp
);

-- A recipient list (an OPD's SK) or a list of people already registered with BPJSTK.
create table recipient_list (
    list_id integer primary key,
    import_id integer not null,
    kode_kab varchar not null,
    opd varchar not null,
    list_kind varchar not null check (list_kind in ('subsidy', 'registered')),
    reference varchar,                     -- SK number or report name
    year integer
);

-- Never a NIK or a name in clear: a keyed hash (HMAC-SHA256, per-install secret outside the
-- database) to find duplicates, and masked forms to show.
create table recipient (
    list_id integer not null,
    row_number integer not null,           -- the row in the uploaded file (header = row 1)
    nik_hash varchar not null,
    nik_masked varchar not null,
    name_masked varchar not null,
    kode_kec varchar,
    group_label varchar,
    primary key (list_id, row_number)
);

create table user_account (
    username varchar primary key,          -- lowercase
    role varchar not null check (role in ('viewer', 'editor', 'admin')),
    password_hash varchar not null,        -- argon2id with its own salt; never the password
    active boolean not null default true,
    created_by varchar not null,
    created_at timestamp not null default current_timestamp
);

-- Every login attempt, for the throttle (ucj.auth.throttle: per client and account, per client, overall).
create table login_attempt (
    username varchar not null,             -- an account's name; a name that is no account only as '?' + keyed hash
    session_key varchar not null,          -- the client: keyed hash of its address, else its browser session
    attempted_at timestamp not null,
    outcome varchar not null check (outcome in ('ok', 'failed', 'throttled'))
);

-- Signed-in sessions; the token itself stays in the browser session, only its SHA-256 is stored.
create table user_session (
    token_hash varchar primary key,
    username varchar not null,
    started_at timestamp not null,
    last_seen timestamp not null,
    ended_at timestamp
);

-- The areas an account may change and, where login is required, see: kab/kota ('35.09') or kecamatan
-- ('35.09.11') codes (ucj.auth.scope). An account without a row has the whole workspace, as every
-- account made before scopes existed and every admin.
create table user_scope (
    username varchar not null,
    kode_wilayah varchar not null,
    primary key (username, kode_wilayah)
);
