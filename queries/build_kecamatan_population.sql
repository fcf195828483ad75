-- Published kecamatan population: the weights of a spread by population.
with final as (
    select kode_wilayah, year, persons, source_id
    from population
    where level = 'kecamatan'
)

select * from final
order by kode_wilayah, year
