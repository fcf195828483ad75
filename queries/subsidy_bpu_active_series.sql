-- Published region-level counts of active BPU participants, every region: the research's evidence of
-- how fast self-paying workers stop paying (Padang: January and June 2024).
with published as (
    select p.kode_wilayah, p.period, p.persons, p.figure_id, s.short as source_short
    from participants as p
    inner join source as s using (source_id)
    where
        p.level = 'kabupaten' and p.segment = 'BPU' and p.status = 'active' and p.kind = 'published'
),

final as (
    select published.kode_wilayah, r.nama, published.period, published.persons, published.figure_id, published.source_short
    from published
    inner join region as r on r.kode_kab = published.kode_wilayah
)

select * from final
order by kode_wilayah, period
