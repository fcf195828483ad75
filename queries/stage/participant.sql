-- The checked extract as participant rows (import_id 0 until the commit numbers it): the NIK only as
-- its keyed hash and region part, name and KPJ number encrypted; the kecamatan from the desa column,
-- else from the NIK ('nik'), and NIKs of another kab/kota apart ('luar').
insert into participant by name
select
    0 as import_id,
    keyed_hash(n.nik) as nik_hash,
    substr(n.nik, 1, 6) as nik_region,
    seal(r.name) as name_enc,
    seal(r.kpj) as kpj_enc,
    keyed_hash(r.kpj) as kpj_hash,
    seg.value as segment,
    prog.value as programmes,
    reg.value::date as registered_on,
    st.value as status,
    paid.value::date as last_paid_month,
    d.value as kode_desa,
    case
        when d.value is not null then dk.kode_kec
        when n.kode_kab = $kode_kab then nk.kode_kec
    end as kode_kec,
    case when d.value is not null then 'desa' when n.kode_kab = $kode_kab then 'nik' else 'luar' end as area_basis,
    n.kode_kab as kode_kab_nik,
    fund.value as funding,
    r.employer,
    r.agent as perisai_agent
from raw as r
inner join nik_checked as n using (row)
inner join map_segment as seg on r.segment = seg.raw
inner join map_registered_on as reg on r.registered_on = reg.raw
inner join map_status as st on r.status = st.raw
left join map_programmes as prog on r.programmes = prog.raw
left join map_last_paid as paid on r.last_paid = paid.raw
left join map_desa as d on r.desa = d.raw
left join desa as dk on d.value = dk.kode_desa
left join kecamatan as nk on n.kode_kec = nk.kode_kec
left join map_funding as fund on r.funding = fund.raw
