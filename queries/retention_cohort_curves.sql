-- Share of a cohort still active k months after it started: after registration ($anchor =
-- 'registration') or after its subsidy ended ($anchor = 'subsidy_end', recipient lists only: an SK
-- is taken to cover its budget year, so the subsidy ends in December of the list's year).
-- A cohort is a registration month, a recipient list or a Perisai agent's book ($cohort_by), split
-- by segment, funding source or kecamatan ($split). Members and their attributes come from the
-- newest extract; month m is judged by the first extract taken in or after m (so a lapse an earlier
-- extract saw stays a lapse after the person paid again), by that extract's rule (participant_active).
with extracts as (
    select
        import_id, active_rule,
        date_trunc('month', extract_date)::date as extract_month,
        lag(date_trunc('month', extract_date)::date) over (order by extract_date, import_id) as previous_month,
        row_number() over (order by extract_date desc, import_id desc) as newest
    from participant_extract
    where kode_kab = $kode_kab
),

latest as (
    select import_id, extract_month from extracts where newest = 1
),

members as (
    select
        p.nik_hash, p.segment, p.kode_kec, p.perisai_agent,
        coalesce(p.funding, '-') as funding,
        date_trunc('month', p.registered_on)::date as registered_month
    from participant as p
    inner join latest using (import_id)
),

lists as (
    select r.nik_hash, l.list_id, l.opd, l.reference, l.year
    from recipient as r
    inner join recipient_list as l using (list_id)
    where l.kode_kab = $kode_kab and l.list_kind = 'subsidy'
),

cohorts as (
    select strftime(registered_month, '%Y-%m') as cohort, registered_month as anchor, *
    from members
    where $cohort_by = 'month' and $anchor = 'registration'
    union all by name
    select m.perisai_agent as cohort, m.registered_month as anchor, m.*
    from members as m
    where $cohort_by = 'agent' and $anchor = 'registration' and m.perisai_agent is not null
    union all by name
    select distinct
        coalesce(l.reference, l.opd) || ' · ' || l.opd as cohort,
        case when $anchor = 'registration' then m.registered_month else make_date(l.year, 12, 1) end as anchor,
        m.*
    from members as m
    inner join lists as l using (nik_hash)
    where $cohort_by = 'list' and ($anchor = 'registration' or l.year is not null)
),

split as (
    select
        cohort, anchor, nik_hash,
        case $split
            when 'segment' then segment
            when 'funding' then funding
            when 'kecamatan' then coalesce(kode_kec, '-')
            else '*'
        end as part
    from cohorts
),

sizes as (
    select cohort, part, min(anchor) as first_month, count(*) as members
    from split
    group by cohort, part
),

offsets as (
    select * from (values (1), (3), (6), (12), (24)) as o (k)
),

observed as (
    select s.cohort, s.part, s.nik_hash, o.k, (s.anchor + to_months(o.k))::date as month
    from split as s
    cross join offsets as o
    where (s.anchor + to_months(o.k))::date <= (select extract_month from latest)
),

judged as (
    select o.cohort, o.part, o.k, o.nik_hash, e.active_rule, p.registered_on, p.last_paid_month, o.month
    from observed as o
    inner join participant as p on p.nik_hash = o.nik_hash
    inner join extracts as e
        on p.import_id = e.import_id
        and o.month <= e.extract_month
        and (e.previous_month is null or o.month > e.previous_month)
),

at_risk as (
    select cohort, part, k, count(*) as observed
    from observed
    group by cohort, part, k
),

still_active as (
    select cohort, part, k, count(*) as active
    from judged
    where participant_active(active_rule, registered_on, last_paid_month, month)
    group by cohort, part, k
),

final as (
    select
        sizes.cohort, sizes.part, sizes.first_month, sizes.members, offsets.k,
        coalesce(at_risk.observed, 0) as observed,
        coalesce(still_active.active, 0) as active,
        case when at_risk.observed > 0 then coalesce(still_active.active, 0) / at_risk.observed end as share
    from sizes
    cross join offsets
    left join at_risk using (cohort, part, k)
    left join still_active using (cohort, part, k)
)

select * from final
order by first_month, cohort, part, k
