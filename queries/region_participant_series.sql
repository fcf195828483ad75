-- Region-level participant counts per month, segment and status, for a trend: where several kinds
-- exist for one month an upload wins over a published figure, which wins over an estimate.
with region_rows as (
    select *
    from participant_detail
    where kode_wilayah = $kode_kab and level = 'kabupaten'
),

ranked as (
    select
        *,
        row_number() over (partition by period, segment, status order by precedence) as pick
    from region_rows
),

final as (
    select period, segment, status, persons, kind, method, source_short, period_text, quote, figure_start, figure_end
    from ranked
    where pick = 1
)

select * from final
order by list_position(['ALL', 'PU', 'BPU', 'JAKON', 'PMI'], segment), status, period
