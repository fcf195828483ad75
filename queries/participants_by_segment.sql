-- The latest region-level participant count per segment: active where known, else registered.
with region_rows as (
    select
        p.segment, p.status, p.period, p.persons, p.kind, p.method,
        s.short as source_short, f.period_text, f.quote, f.period_start as figure_start, f.period_end as figure_end
    from participants as p
    inner join source as s using (source_id)
    left join published_figure as f using (figure_id)
    where p.kode_wilayah = $kode_kab and p.level = 'kabupaten'
),

ranked as (
    select
        *,
        row_number() over (
            partition by segment
            order by (status = 'active') desc, period desc, (kind = 'published') desc
        ) as recency
    from region_rows
),

final as (
    select segment, status, period, persons, kind, method, source_short, period_text, quote, figure_start, figure_end
    from ranked
    where recency = 1
)

select * from final
order by list_position(['ALL', 'PU', 'BPU', 'JAKON', 'PMI'], segment)
