-- Sign out, or a session that expired.
update user_session set ended_at = $now where token_hash = $token_hash and ended_at is null
