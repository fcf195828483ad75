-- What a worklist can be made for in the newest extract: each desa and each Perisai agent, with how
-- many of their participants (alive and still in the programme) are 1 or more months behind.
with latest as (
    select import_id, extract_month
    from extract_sequence
    where kode_kab = $kode_kab and newest = 1
),

rows as (
    select p.kode_desa, p.perisai_agent, datediff('month', p.last_paid_month, latest.extract_month) as behind
    from participant as p
    inner join latest using (import_id)
    where p.status not in ('meninggal', 'keluar')
),

scopes as (
    select 'desa' as scope_by, kode_desa as scope_key, count(*) as participants,
        count(*) filter (where behind is null or behind >= 1) as behind
    from rows
    where kode_desa is not null
    group by kode_desa
    union all
    select 'agent' as scope_by, perisai_agent as scope_key, count(*) as participants,
        count(*) filter (where behind is null or behind >= 1) as behind
    from rows
    where perisai_agent is not null
    group by perisai_agent
),

final as (
    select scopes.*, coalesce(places.nama, scopes.scope_key) as scope_name
    from scopes
    left join place_name as places on places.kode = scopes.scope_key
)

select * from final
order by scope_by, scope_name
