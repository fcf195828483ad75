-- NIK hashes already on the region's lists, with the list they are on (no NIK in clear exists).
with lists as (
    select list_id, opd, list_kind, reference
    from recipient_list
    where kode_kab = $kode_kab
),

final as (
    select r.nik_hash, lists.list_id, lists.opd, lists.list_kind, lists.reference
    from recipient as r
    inner join lists using (list_id)
)

select * from final
order by list_id
