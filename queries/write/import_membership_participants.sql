-- A staged extract's participants (the relation import_rows, streamed from the staging database), each with
-- its person_key.
insert into participant by name
select $import_id as import_id, * exclude (import_id, person_key), person_key_of(nik_hash) as person_key
from import_rows
