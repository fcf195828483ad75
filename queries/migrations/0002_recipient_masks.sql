-- Masked NIKs of earlier releases showed the kecamatan code and the last digits (8 of 16), enough to
-- recover a NIK from its hash with the key file: cut every stored mask to the region code, as
-- ucj.imports.recipients.mask_nik now writes them.
update recipient
set nik_masked = substr(nik_masked, 1, 4) || repeat('*', length(nik_masked) - 4)
where regexp_matches(substr(nik_masked, 5), '[0-9]');
