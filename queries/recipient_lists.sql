-- The region's recipient lists with their size and upload.
with lists as (
    select l.*, b.file_name, b.created_by, b.created_at
    from recipient_list as l
    inner join import_batch as b using (import_id)
    where l.kode_kab = $kode_kab
),

sizes as (
    select list_id, count(*) as recipients
    from recipient
    group by list_id
),

final as (
    select
        lists.list_id, lists.import_id, lists.opd, lists.list_kind, lists.reference, lists.year,
        coalesce(sizes.recipients, 0) as recipients, lists.file_name, lists.created_by, lists.created_at
    from lists
    left join sizes using (list_id)
)

select * from final
order by list_id desc
