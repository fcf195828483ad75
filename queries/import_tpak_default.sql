-- The kab/kota's latest TPAK published by BPS (a statistics source), to prefill the DKB import form.
-- Secondary datasets are left out: the user types their figure, and its source, deliberately.
with rates as (
    select f.value, f.period_start, s.short as source_short
    from published_figure as f
    inner join source as s using (source_id)
    where f.kode_wilayah = $kode_kab and f.indicator = 'tpak_rate' and s.kind = 'statistics' and f.value is not null
),

final as (
    select value, period_start, source_short
    from rates
    order by period_start desc
    limit 1
)

select * from final
