-- Masked NIKs down to the region code (ucj.imports.recipients.mask_nik), for rows an earlier release masked.
update recipient
set nik_masked = substr(nik_masked, 1, 4) || repeat('*', length(nik_masked) - 4)
where regexp_matches(substr(nik_masked, 5), '[0-9]')
