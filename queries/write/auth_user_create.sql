-- A new account; the password arrives already hashed (argon2id).
insert into user_account (username, role, password_hash, created_by)
values ($username, $role, $password_hash, $created_by)
