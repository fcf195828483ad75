-- An admin changes an account's role.
update user_account set role = $role where username = $username
