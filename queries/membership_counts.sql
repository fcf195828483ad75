-- Registered and active participants of one extract per area × segment × month, the counts an
-- extract brings to the participants table (kind 'upload'). Each participant is active over one
-- span of months (participant_active_from .. participant_active_until, the extract's rule), so a
-- +1 where a span starts and a −1 after it ends, summed over the months, counts them without
-- expanding every participant into every month. Kecamatan come from the desa column or the NIK
-- (area_basis); NIKs from outside the region count in the kab/kota total only; desa figures are
-- given only for kecamatan where every participant's desa is known.
with extract as (
    select e.import_id, e.kode_kab, e.active_rule, min(m.month) as first_month, max(m.month) as last_month
    from participant_extract as e
    inner join extract_month as m using (import_id)
    where e.import_id = $import_id
    group by e.import_id, e.kode_kab, e.active_rule
),

spans as (
    select
        p.kode_kec,
        p.kode_desa,
        p.segment,
        greatest(participant_active_from(p.registered_on), x.first_month) as registered_from,
        greatest(participant_active_from(p.registered_on), x.first_month) as active_from,
        -- never paid: no active span (least() would skip the null)
        case
            when p.last_paid_month is not null
                then least(participant_active_until(x.active_rule, p.last_paid_month), x.last_month)
        end as active_until,
        x.last_month
    from participant as p
    inner join extract as x using (import_id)
    where participant_active_from(p.registered_on) <= x.last_month
),

changes as (
    select kode_kec, kode_desa, segment, 'registered' as status, registered_from as month, 1 as delta
    from spans
    union all
    select kode_kec, kode_desa, segment, 'active', active_from, 1
    from spans
    where active_until >= active_from
    union all
    select kode_kec, kode_desa, segment, 'active', cast(active_until + interval 1 month as date), -1
    from spans
    where active_until >= active_from and active_until < last_month
),

-- millions of changes become a few thousand before the three levels are summed from them
net_changes as (
    select kode_kec, kode_desa, segment, status, month, sum(delta) as delta
    from changes
    group by all
),

complete_kecamatan as (
    select kode_kec
    from participant
    where import_id = $import_id and kode_kec is not null
    group by kode_kec
    having bool_and(kode_desa is not null)
),

by_area as (
    select x.kode_kab as kode_wilayah, 'kabupaten' as level, c.segment, c.status, c.month, sum(c.delta) as delta
    from net_changes as c, extract as x
    group by all
    union all
    select c.kode_kec, 'kecamatan', c.segment, c.status, c.month, sum(c.delta)
    from net_changes as c
    where c.kode_kec is not null
    group by all
    union all
    select c.kode_desa, 'desa', c.segment, c.status, c.month, sum(c.delta)
    from net_changes as c
    inner join complete_kecamatan using (kode_kec)
    group by all
),

with_all_segments as (
    select * from by_area
    union all
    select kode_wilayah, level, 'ALL', status, month, sum(delta)
    from by_area
    group by all
),

areas as (
    -- every kecamatan of the region (none in the extract: 0), the desa of complete kecamatan
    select x.kode_kab as kode_wilayah, 'kabupaten' as level from extract as x
    union all
    select k.kode_kec, 'kecamatan' from kecamatan as k inner join extract as x on k.kode_kab = x.kode_kab
    union all
    select d.kode_desa, 'desa' from desa as d inner join complete_kecamatan using (kode_kec)
),

grid as (
    select a.kode_wilayah, a.level, s.segment, t.status, m.month
    from areas as a
    cross join (values ('ALL'), ('PU'), ('BPU'), ('JAKON'), ('PMI')) as s (segment)
    cross join (values ('registered'), ('active')) as t (status)
    cross join (select month from extract_month where import_id = $import_id) as m
),

final as (
    select
        g.kode_wilayah,
        g.level,
        g.month as period,
        g.segment,
        g.status,
        cast(sum(coalesce(w.delta, 0)) over (
            partition by g.kode_wilayah, g.segment, g.status order by g.month
        ) as bigint) as persons
    from grid as g
    left join with_all_segments as w using (kode_wilayah, level, segment, status, month)
)

select * from final
order by level, kode_wilayah, segment, status, period
