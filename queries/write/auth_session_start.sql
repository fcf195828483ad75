-- A new signed-in session (only the token's hash is stored).
insert into user_session (token_hash, username, started_at, last_seen)
values ($token_hash, $username, $now, $now)
