-- A new password hash (after a reset, or a rehash with stronger parameters).
update user_account set password_hash = $password_hash where username = $username
