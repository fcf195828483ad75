-- An admin disables (or re-enables) an account; it is never deleted, so the audit log keeps its meaning.
update user_account set active = $active where username = $username
