-- Calculator scenarios an editor saved for colleagues: the encoded inputs (the same text a shared
-- link carries), so a saved scenario is evaluated with the rules in force, never stale results.
create table saved_scenario (
    kode_kab varchar not null references region (kode_kab),
    name varchar not null,
    encoded varchar not null,
    saved_by varchar not null,
    saved_at timestamp not null,
    primary key (kode_kab, name)
);
