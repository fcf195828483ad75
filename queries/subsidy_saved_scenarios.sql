-- The region's saved calculator scenarios, newest first.
with final as (
    select name, encoded, saved_by, saved_at
    from saved_scenario
    where kode_kab = $kode_kab
)

select * from final
order by saved_at desc, name
