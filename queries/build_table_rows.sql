-- How many rows one table holds (the name comes from the catalogue, bound as a value).
with final as (
    select count(*) as row_count
    from query_table($table_name)
)

select * from final
