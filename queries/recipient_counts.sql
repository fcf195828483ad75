-- Recipients per list and kecamatan, for the public summary (small counts are suppressed in code).
with lists as (
    select list_id, opd, list_kind, reference, year
    from recipient_list
    where kode_kab = $kode_kab
),

counted as (
    select r.list_id, r.kode_kec, count(*) as recipients
    from recipient as r
    group by r.list_id, r.kode_kec
),

final as (
    select
        lists.opd, lists.list_kind, lists.reference, lists.year,
        coalesce(k.nama, '') as kecamatan, counted.recipients
    from counted
    inner join lists using (list_id)
    left join kecamatan as k on k.kode_kec = counted.kode_kec
)

select * from final
order by opd, reference, kecamatan
