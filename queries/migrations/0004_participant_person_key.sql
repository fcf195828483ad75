-- Participants stored before person_key existed get it, so retention joins them across extracts.
update participant set person_key = person_key_of(nik_hash) where person_key is null;
