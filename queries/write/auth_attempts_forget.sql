-- Attempts older than the back-off memory no longer count; they are dropped so the table stays small.
delete from login_attempt where attempted_at < $before
