-- Region-level workforce figures (published or estimated), for pairing with participants.
with final as (
    select
        w.period, w.persons, w.bound, w.kind, w.method,
        s.short as source_short, f.period_text, f.quote, f.period_start as figure_start, f.period_end as figure_end
    from workforce_in_use as w
    inner join source as s using (source_id)
    left join published_figure as f using (figure_id)
    where w.kode_wilayah = $kode_kab and w.level = 'kabupaten'
)

select * from final
order by period
