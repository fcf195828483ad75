-- Every open session of an account ends (disabled, new role or new password).
update user_session set ended_at = $now where username = $username and ended_at is null
