-- The session was used: the idle timeout counts from now.
update user_session set last_seen = $now where token_hash = $token_hash and ended_at is null
