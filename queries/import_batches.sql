-- The region's uploads, newest first, with who made them and whether they were rolled back.
with batches as (
    select *
    from import_batch
    where kode_kab = $kode_kab
),

final as (
    select
        import_id, kind, file_name, sheet, file_rows, stored_rows, created_by, created_at,
        rolled_back_by, rolled_back_at, rolled_back_at is null as is_active, source_id
    from batches
)

select * from final
order by import_id desc
