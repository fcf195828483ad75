-- Share of a cohort still active k months after it started: after registration ($anchor =
-- 'registration') or after its subsidy ended ($anchor = 'subsidy_end', recipient lists only: an SK
-- is taken to cover its budget year, so the subsidy ends in December of the list's year).
-- A cohort is a registration month, a recipient list or a Perisai agent's book ($cohort_by), split
-- by segment, funding source or kecamatan ($split). Members and their attributes come from the
-- newest extract; month m is judged by the first extract taken in or after m (so a lapse an earlier
-- extract saw stays a lapse after the person paid again), by that extract's rule (participant_active).
-- People are first counted by (cohort, months, extract) so that millions of rows become a few
-- thousand before the offsets are applied.
with extracts as (
    select import_id, active_rule, extract_month, previous_month, newest
    from extract_sequence
    where kode_kab = $kode_kab
),

latest as (
    select import_id, extract_month from extracts where newest = 1
),

members as (
    select
        p.nik_hash, p.person_key, p.segment, p.kode_kec, p.perisai_agent, p.last_paid_month,
        coalesce(p.funding, '-') as funding,
        date_trunc('month', p.registered_on)::date as registered_month
    from participant as p
    where p.import_id = (select import_id from latest)
),

lists as (
    select r.nik_hash, l.list_id, l.opd, l.reference, l.year
    from recipient as r
    inner join recipient_list as l using (list_id)
    where l.kode_kab = $kode_kab and l.list_kind = 'subsidy'
),

cohorts as (
    -- A month cohort's label is written after counting (null here), so millions of rows skip strftime.
    select null::varchar as cohort, registered_month as anchor, *
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
        cohort, anchor, person_key, registered_month, last_paid_month,
        case $split
            when 'segment' then segment
            when 'funding' then funding
            when 'kecamatan' then coalesce(kode_kec, '-')
            else '*'
        end as part
    from cohorts
),

-- Each member's record in every extract: the newest from the member row itself, earlier ones by person_key.
older as (
    select p.person_key, p.last_paid_month, p.import_id
    from participant as p
    where p.import_id in (select import_id from extracts where newest > 1)
),

records as (
    select cohort, part, anchor, registered_month, last_paid_month, (select import_id from latest) as import_id
    from split
    union all
    select s.cohort, s.part, s.anchor, s.registered_month, o.last_paid_month, o.import_id
    from older as o
    inner join split as s using (person_key)
),

grouped as (
    select
        coalesce(cohort, strftime(anchor, '%Y-%m')) as cohort, part, anchor, registered_month, last_paid_month,
        import_id, persons
    from (
        select cohort, part, anchor, registered_month, last_paid_month, import_id, count(*) as persons
        from records
        group by all
    )
),

member_counts as (
    select coalesce(cohort, strftime(anchor, '%Y-%m')) as cohort, part, anchor, persons
    from (select cohort, part, anchor, count(*) as persons from split group by all)
),

offsets as (
    select * from (values (1), (3), (6), (12), (24)) as o (k)
),

at_risk as (
    select c.cohort, c.part, o.k, sum(c.persons)::bigint as observed
    from member_counts as c
    cross join offsets as o
    where (c.anchor + to_months(o.k))::date <= (select extract_month from latest)
    group by all
),

still_active as (
    select g.cohort, g.part, o.k, sum(g.persons)::bigint as active
    from grouped as g
    inner join extracts as e using (import_id)
    cross join offsets as o
    where (g.anchor + to_months(o.k))::date <= e.extract_month
        and (e.previous_month is null or (g.anchor + to_months(o.k))::date > e.previous_month)
        and participant_active(e.active_rule, g.registered_month, g.last_paid_month, (g.anchor + to_months(o.k))::date)
    group by all
),

sizes as (
    select cohort, part, min(anchor) as first_month, sum(persons)::bigint as members
    from member_counts
    group by cohort, part
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
