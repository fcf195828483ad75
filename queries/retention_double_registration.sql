-- Double registration on the region's subsidy lists: for each person on each list, how many lists of
-- another OPD hold them too (and how many of those were imported before this one), and who already
-- paid for them when the list's cover began (January of its year, or the newest extract's month if
-- that is earlier): their employer (segment PU), a desa, a partner or themselves, as the newest
-- extract records it. Only keyed hashes are matched; nothing here names a person.
with lists as (
    select list_id, opd, reference, year
    from recipient_list
    where kode_kab = $kode_kab and list_kind = 'subsidy'
),

entries as (
    select r.list_id, r.nik_hash, min(r.kode_kec) as kode_kec, min(r.group_label) as group_label
    from recipient as r
    inner join lists using (list_id)
    group by r.list_id, r.nik_hash
),

other_lists as (
    select
        e.list_id, e.nik_hash,
        count(distinct o.list_id) as other_lists,
        count(distinct o.list_id) filter (where o.list_id < e.list_id) as earlier_other_lists
    from entries as e
    inner join lists as le on le.list_id = e.list_id
    inner join entries as o on o.nik_hash = e.nik_hash and o.list_id <> e.list_id
    inner join lists as lo on lo.list_id = o.list_id
    where lower(trim(lo.opd)) <> lower(trim(le.opd))
    group by e.list_id, e.nik_hash
),

latest as (
    select import_id, active_rule, extract_month
    from extract_sequence
    where kode_kab = $kode_kab and newest = 1
),

cover as (
    select lists.list_id, least(make_date(coalesce(lists.year, year(latest.extract_month)), 1, 1), latest.extract_month)
        as judged_month
    from lists
    cross join latest
),

already as (
    select
        e.list_id, e.nik_hash, p.kode_kec as participant_kec,
        case when p.segment = 'PU' then 'PEMBERI_KERJA' else coalesce(upper(p.funding), '-') end as payer
    from entries as e
    inner join cover using (list_id)
    inner join participant as p on p.nik_hash = e.nik_hash and p.import_id = (select import_id from latest)
    where participant_active((select active_rule from latest), p.registered_on, p.last_paid_month, cover.judged_month)
),

final as (
    select
        lists.list_id, lists.opd, lists.reference, lists.year, entries.nik_hash, entries.group_label,
        coalesce(entries.kode_kec, already.participant_kec) as kode_kec,
        coalesce(places.nama, entries.kode_kec, already.participant_kec) as kecamatan,
        coalesce(other_lists.other_lists, 0) as other_lists,
        coalesce(other_lists.earlier_other_lists, 0) as earlier_other_lists,
        already.payer
    from entries
    inner join lists using (list_id)
    left join other_lists using (list_id, nik_hash)
    left join already using (list_id, nik_hash)
    left join place_name as places on places.kode = coalesce(entries.kode_kec, already.participant_kec)
)

select * from final
order by list_id, kode_kec, nik_hash
