-- Participant counts of every kind for a region's kecamatan or desa (and the region itself at
-- level 'kabupaten'); Perisai agents' registered BPU participants count at desa level.
with counts as (
    select
        kode_wilayah as kode, period, segment, status, persons, kind, method, source_id, figure_id, bound
    from participants
    where level = $level and (kode_wilayah = $kode_kab or starts_with(kode_wilayah, $kode_kab || '.'))
),

agents as (
    select
        kode_wilayah as kode,
        date_trunc('month', as_of)::date as period,
        'BPU' as segment,
        'registered' as status,
        sum(participants) as persons,
        kind,
        'jumlah peserta ' || count(*) || ' agen Perisai (' || string_agg(label, ', ' order by label) || ')' as method,
        min(source_id) as source_id,
        null as figure_id,
        null as bound
    from perisai_agent
    where $level = 'desa' and starts_with(kode_wilayah, $kode_kab || '.') and as_of is not null
    group by kode_wilayah, date_trunc('month', as_of), kind
),

combined as (
    select * from counts
    union all
    select * from agents
),

final as (
    select c.kode, c.period, c.segment, c.status, c.persons, c.bound, c.kind, k.precedence, c.method, s.short as source_short
    from combined as c
    inner join kind_precedence as k using (kind)
    inner join source as s using (source_id)
)

select * from final
order by kode, period, segment, status, kind
