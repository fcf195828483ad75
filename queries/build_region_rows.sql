-- The region-level rows of a measure table (workforce or participants): what the build spreads over kecamatan.
with final as (
    select *
    from query_table($table_name)
    where level = 'kabupaten'
)

select * from final
order by all
