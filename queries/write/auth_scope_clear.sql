-- An account's scope is replaced whole: first its codes go.
delete from user_scope where username = $username
