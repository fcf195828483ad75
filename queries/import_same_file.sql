-- The region's active uploads of exactly this file (same SHA-256): a second import of it is refused.
with batches as (
    select import_id, file_name, created_at, rolled_back_at
    from import_batch
    where kode_kab = $kode_kab and file_sha256 = $file_sha256
),

final as (
    select import_id, file_name, created_at
    from batches
    where rolled_back_at is null
)

select * from final
order by import_id
