-- Every problem of the staged extract, by row and column: empty required cells, values the
-- column's rule refused, NIK problems, a NIK repeated in the file, a last-paid month before the
-- registration month, a registration after the date the extract stands at.
with cells as (
    select row, 'nik' as col, nik as raw from raw
    union all select row, 'segment', segment from raw
    union all select row, 'registered_on', registered_on from raw
    union all select row, 'status', status from raw
),

missing as (
    select row, col, 'missing_value' as code, null as params from cells where raw is null
),

refusals as (
    -- the distinct values a column's rule refused (few), so only their rows are looked up
    select 'segment' as col, raw, code, params from map_segment where code is not null
    union all select 'programmes', raw, code, params from map_programmes where code is not null
    union all select 'registered_on', raw, code, params from map_registered_on where code is not null
    union all select 'status', raw, code, params from map_status where code is not null
    union all select 'last_paid', raw, code, params from map_last_paid where code is not null
    union all select 'desa', raw, code, params from map_desa where code is not null
    union all select 'funding', raw, code, params from map_funding where code is not null
),

parsed_cells as (
    unpivot (select row, segment, programmes, registered_on, status, last_paid, desa, funding from raw)
    on segment, programmes, registered_on, status, last_paid, desa, funding
    into name col value raw
),

refused as (
    select c.row, c.col, f.code, f.params
    from parsed_cells as c
    inner join refusals as f using (col, raw)
),

nik_refused as (
    select row, 'nik' as col, code, json_object('nik', nik) as params from nik_checked where code is not null
),

repeated as (
    select row, 'nik' as col, 'duplicate_nik' as code, json_object('first', first_row) as params
    from (
        select row, min(row) over (partition by nik) as first_row
        from nik_checked
        where code is null
    )
    where row <> first_row
),

dates as (
    select r.row, reg.value::date as registered_on, paid.value::date as last_paid_month
    from raw as r
    inner join map_registered_on as reg on r.registered_on = reg.raw and reg.code is null
    left join map_last_paid as paid on r.last_paid = paid.raw and paid.code is null
),

paid_before_registration as (
    select row, 'last_paid' as col, 'paid_before_registration' as code,
        json_object('paid', strftime(last_paid_month, '%Y-%m'), 'registered', strftime(registered_on, '%Y-%m-%d')) as params
    from dates
    where last_paid_month < date_trunc('month', registered_on)
),

registered_later as (
    select row, 'registered_on' as col, 'registered_after_extract' as code,
        json_object('registered', strftime(registered_on, '%Y-%m-%d'), 'extract', strftime($extract_date, '%Y-%m-%d')) as params
    from dates
    where registered_on > $extract_date
),

too_long as (
    select row, 'name' as col, 'too_long' as code, json_object('limit', $limit) as params from raw
    where length(name) > $limit
    union all
    select row, 'kpj', 'too_long', json_object('limit', $limit) from raw where length(kpj) > $limit
    union all
    select row, 'employer', 'too_long', json_object('limit', $limit) from raw where length(employer) > $limit
    union all
    select row, 'agent', 'too_long', json_object('limit', $limit) from raw where length(agent) > $limit
),

final as (
    select * from missing
    union all select * from refused
    union all select * from nik_refused
    union all select * from repeated
    union all select * from paid_before_registration
    union all select * from registered_later
    union all select * from too_long
)

select row, col, code, params, count(*) over () as total
from final
order by row, col, code
limit $max_problems
