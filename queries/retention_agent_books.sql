-- Each Perisai agent's book month by month over the 24 months up to the newest extract: registered,
-- paying (the active rule), lapsed, and recovered (paying again after a month unpaid). Month m is
-- judged by the first extract taken in or after it, so a return shows once a later extract sees it.
with extracts as (
    select import_id, active_rule, extract_month, previous_month
    from extract_sequence
    where kode_kab = $kode_kab
),

months as (
    select unnest(generate_series(max(extract_month) - interval 24 month, max(extract_month), interval 1 month))::date
        as month
    from extracts
),

judged as (
    select
        p.perisai_agent as agent, p.person_key, m.month,
        participant_active_from(p.registered_on) <= m.month as registered,
        participant_active(e.active_rule, p.registered_on, p.last_paid_month, m.month) as paying
    from months as m
    inner join extracts as e on m.month <= e.extract_month and (e.previous_month is null or m.month > e.previous_month)
    inner join participant as p on p.import_id = e.import_id
    where p.perisai_agent is not null
),

with_before as (
    select
        *,
        lag(paying) over (partition by agent, person_key order by month) as paying_before,
        lag(registered) over (partition by agent, person_key order by month) as registered_before
    from judged
),

final as (
    select
        agent, month,
        count(*) filter (where registered) as registered,
        count(*) filter (where paying) as paying,
        count(*) filter (where registered and not paying) as lapsed,
        count(*) filter (where paying and registered_before and not paying_before) as recovered
    from with_before
    where month > (select min(month) from months)
    group by agent, month
)

select * from final
order by agent, month
