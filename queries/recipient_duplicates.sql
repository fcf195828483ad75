-- People on more than one list where it matters: lists of different OPD, or a subsidy list and
-- the list of those already registered. Masked forms only; the file row says where to look.
with lists as (
    select list_id, opd, list_kind, reference
    from recipient_list
    where kode_kab = $kode_kab
),

entries as (
    select r.nik_hash, r.nik_masked, r.name_masked, r.row_number, lists.*
    from recipient as r
    inner join lists using (list_id)
),

flagged as (
    select nik_hash
    from entries
    group by nik_hash
    having count(distinct case when list_kind = 'subsidy' then lower(opd) end)
        + max(case when list_kind = 'registered' then 1 else 0 end) > 1
),

final as (
    select
        dense_rank() over (order by e.nik_hash) as person,
        e.nik_masked, e.name_masked, e.list_id, e.opd, e.list_kind, e.reference, e.row_number
    from entries as e
    inner join flagged using (nik_hash)
)

select * from final
order by person, list_id, row_number
