-- Rows per table that imports write, for the audit log's before/after counts.
with final as (
    select 'participants' as target_table, count(*) as row_count from participants
    union all select 'workforce', count(*) from workforce
    union all select 'population', count(*) from population
    union all select 'population_age', count(*) from population_age
    union all select 'target', count(*) from target
    union all select 'perisai_agent', count(*) from perisai_agent
    union all select 'recipient', count(*) from recipient
    union all select 'recipient_list', count(*) from recipient_list
    union all select 'source', count(*) from source
    union all select 'region', count(*) from region
    union all select 'kecamatan', count(*) from kecamatan
    union all select 'desa', count(*) from desa
    union all select 'participant', count(*) from participant
    union all select 'participant_extract', count(*) from participant_extract
    union all select 'boundary', count(*) from boundary
)

select * from final
order by target_table
