-- The region's participant extracts, newest first: what every retention figure cites (file, date,
-- the active rule, and whether the extract is a synthetic training file).
with extracts as (
    select import_id, file_name, extract_date, active_rule, synthetic, extract_month
    from extract_sequence
    where kode_kab = $kode_kab
),

counted as (
    select import_id, count(*) as participants
    from participant
    where import_id in (select import_id from extracts)
    group by import_id
),

final as (
    select extracts.*, coalesce(counted.participants, 0) as participants
    from extracts
    left join counted using (import_id)
)

select * from final
order by extract_date desc, import_id desc
