-- The database's tables in the order the schema creates them, so seeds load before what refers to them.
with final as (
    select table_name
    from duckdb_tables()
    order by table_oid
)

select * from final
