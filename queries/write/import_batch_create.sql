-- The record of one upload; its rows carry the same import_id (or its source_id).
insert into import_batch (import_id, kode_kab, kind, file_name, file_sha256, sheet, source_id, file_rows, stored_rows, created_by)
values ($import_id, $kode_kab, $kind, $file_name, $file_sha256, $sheet, $source_id, $file_rows, $stored_rows, $created_by)
