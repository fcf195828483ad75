-- Perisai agents' books: participants and how many still pay (Dukuhdempok), every region, with the
-- name of the place the book covers.
with agents as (
    select a.*, s.short as source_short
    from perisai_agent as a
    inner join source as s using (source_id)
    where a.participants is not null
),

final as (
    select
        agents.agent_id, agents.kode_wilayah, coalesce(places.nama, agents.kode_wilayah) as nama, agents.label,
        agents.participants, agents.paying_low, agents.paying_high, agents.as_of, agents.kind, agents.source_short
    from agents
    left join place_name as places on places.kode = agents.kode_wilayah
)

select * from final
order by agent_id
