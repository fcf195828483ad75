-- Contribution-subsidy programmes of a region, newest first.
with programmes as (
    select p.*, s.short as source_short, f.quote, f.period_text, f.period_start as figure_start, f.period_end as figure_end
    from subsidy_programme as p
    inner join source as s using (source_id)
    left join published_figure as f using (figure_id)
    where p.kode_kab = $kode_kab
),

final as (
    select
        programme_id, name, year, phase, funding_source, target_group, headcount, months,
        budget_rp, realised_rp, status, as_of, kind, source_short, period_text, quote, note,
        figure_start, figure_end
    from programmes
)

select * from final
order by as_of desc nulls last, programme_id
