-- Failures older than the back-off memory no longer count, successes older than the known-client
-- period no longer vouch for their client: both are dropped so the table stays small.
delete from login_attempt
where (outcome <> 'ok' and attempted_at < $before) or attempted_at < $known_before
