-- One login attempt, for the back-off.
insert into login_attempt (username, session_key, attempted_at, outcome)
values ($username, $session_key, $attempted_at, $outcome)
