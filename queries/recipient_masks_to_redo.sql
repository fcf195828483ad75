-- Stored masked NIKs that show more than the region code (written by releases that showed 8 digits).
with stored as (
    select nik_masked
    from recipient
),

final as (
    select count(*) as rows_to_redo
    from stored
    where regexp_matches(substr(nik_masked, 5), '[0-9]')
)

select * from final
