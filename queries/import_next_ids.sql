-- The next free import and recipient-list numbers (read inside the writing transaction).
with final as (
    select
        (select coalesce(max(import_id), 0) + 1 from import_batch) as import_id,
        (select coalesce(max(list_id), 0) + 1 from recipient_list) as list_id
)

select * from final
