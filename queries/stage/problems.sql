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

refused as (
    select r.row, 'segment' as col, m.code, m.params from raw as r inner join map_segment as m on r.segment = m.raw
    where m.code is not null
    union all
    select r.row, 'programmes', m.code, m.params from raw as r inner join map_programmes as m on r.programmes = m.raw
    where m.code is not null
    union all
    select r.row, 'registered_on', m.code, m.params from raw as r inner join map_registered_on as m on r.registered_on = m.raw
    where m.code is not null
    union all
    select r.row, 'status', m.code, m.params from raw as r inner join map_status as m on r.status = m.raw
    where m.code is not null
    union all
    select r.row, 'last_paid', m.code, m.params from raw as r inner join map_last_paid as m on r.last_paid = m.raw
    where m.code is not null
    union all
    select r.row, 'desa', m.code, m.params from raw as r inner join map_desa as m on r.desa = m.raw
    where m.code is not null
    union all
    select r.row, 'funding', m.code, m.params from raw as r inner join map_funding as m on r.funding = m.raw
    where m.code is not null
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
