-- A staged extract's participants (the relation import_rows, streamed from the staging database).
insert into participant
select $import_id as import_id, * exclude (import_id)
from import_rows
