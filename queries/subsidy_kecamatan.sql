-- A region's kecamatan for the subsidy calculator: desa counts, and the latest workforce and active
-- participants of each (at the latest period, an upload wins over a published figure over an estimate).
with kecamatan_rows as (
    select kode_kec, nama, jumlah_desa_kel
    from kecamatan
    where kode_kab = $kode_kab
),

desa_kinds as (
    select kode_kec, count(*) as units_listed, count(*) filter (where jenis = 'desa') as desa_listed
    from desa
    group by kode_kec
),

workforce_ranked as (
    select
        w.kode_wilayah as kode_kec, w.period, w.persons, w.kind, w.method, s.short as source_short,
        row_number() over (
            partition by w.kode_wilayah
            order by w.period desc, k.precedence
        ) as pick
    from workforce_in_use as w
    inner join kind_precedence as k using (kind)
    inner join source as s using (source_id)
    where w.level = 'kecamatan' and starts_with(w.kode_wilayah, $kode_kab || '.')
),

active_ranked as (
    select
        p.kode_wilayah as kode_kec, p.period, p.persons, p.kind, p.method, s.short as source_short,
        row_number() over (
            partition by p.kode_wilayah
            order by p.period desc, k.precedence
        ) as pick
    from participants as p
    inner join kind_precedence as k using (kind)
    inner join source as s using (source_id)
    where
        p.level = 'kecamatan' and p.segment = 'ALL' and p.status = 'active'
        and starts_with(p.kode_wilayah, $kode_kab || '.')
),

final as (
    select
        k.kode_kec,
        k.nama,
        k.jumlah_desa_kel,
        -- the desa/kelurahan split is known only where every unit of the kecamatan is listed
        case when d.units_listed = k.jumlah_desa_kel then d.desa_listed end as desa_count,
        w.persons as workforce,
        w.period as workforce_period,
        w.kind as workforce_kind,
        w.method as workforce_method,
        w.source_short as workforce_source,
        a.persons as active,
        a.period as active_period,
        a.kind as active_kind,
        a.method as active_method,
        a.source_short as active_source
    from kecamatan_rows as k
    left join desa_kinds as d using (kode_kec)
    left join workforce_ranked as w on w.kode_kec = k.kode_kec and w.pick = 1
    left join active_ranked as a on a.kode_kec = k.kode_kec and a.pick = 1
)

select * from final
order by kode_kec
