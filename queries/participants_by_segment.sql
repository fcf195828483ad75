-- The latest region-level participant count per segment: active where known, else registered.
with region_rows as (
    select *
    from participant_detail
    where kode_wilayah = $kode_kab and level = 'kabupaten'
),

ranked as (
    select
        *,
        row_number() over (
            partition by segment
            order by (status = 'active') desc, period desc, precedence
        ) as recency
    from region_rows
),

final as (
    select segment, status, period, persons, bound, kind, method, source_short, period_text, quote, figure_start, figure_end
    from ranked
    where recency = 1
)

select * from final
order by list_position(['ALL', 'PU', 'BPU', 'JAKON', 'PMI'], segment)
