-- Retention: each region's participant extracts in order, so every retention query finds the newest
-- extract, the one before it, and the month range each extract judges (the months after the previous
-- extract's month, up to its own).
create view extract_sequence as
select
    import_id, kode_kab, file_name, extract_date, active_rule, synthetic,
    date_trunc('month', extract_date)::date as extract_month,
    lag(date_trunc('month', extract_date)::date) over (partition by kode_kab order by extract_date, import_id)
        as previous_month,
    row_number() over (partition by kode_kab order by extract_date desc, import_id desc) as newest
from participant_extract;
