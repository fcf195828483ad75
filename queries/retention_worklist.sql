-- Daftar kerja: a desa's ($scope_by = 'desa') or a Perisai agent's ($scope_by = 'agent') participants whose last
-- paid month lies 1 or more months behind the month of the newest extract, longest lapsed first;
-- with the previous extract beside it, those who were behind then and have paid since (the agent's
-- result). Nobody who died or left the programme is sent a visitor. Names and KPJ numbers stay encrypted here; the screen masks them, an editor's export
-- decrypts them.
with extracts as (
    select import_id, extract_month, newest
    from extract_sequence
    where kode_kab = $kode_kab
),

latest as (
    select import_id, extract_month from extracts where newest = 1
),

earlier as (
    select import_id, extract_month from extracts where newest = 2
),

scope as (
    select p.*, (select extract_month from latest) as extract_month
    from participant as p
    where p.import_id = (select import_id from latest)
        and p.status not in ('meninggal', 'keluar')
        and (($scope_by = 'desa' and p.kode_desa = $scope_key) or ($scope_by = 'agent' and p.perisai_agent = $scope_key))
),

before as (
    select p.person_key, p.last_paid_month as earlier_paid_month, e.extract_month as earlier_month
    from participant as p
    inner join earlier as e using (import_id)
),

behind as (
    select
        s.*, b.earlier_paid_month,
        coalesce(datediff('month', s.last_paid_month, s.extract_month), 999) as months_behind,
        datediff('month', b.earlier_paid_month, b.earlier_month) as earlier_behind
    from scope as s
    left join before as b using (person_key)
),

final as (
    select
        behind.nik_hash, behind.nik_region, behind.name_enc, behind.kpj_enc, behind.segment,
        behind.kode_desa, coalesce(places.nama, behind.kode_desa) as desa, behind.perisai_agent,
        behind.registered_on, behind.last_paid_month, behind.months_behind, behind.earlier_behind,
        coalesce(behind.earlier_behind >= 1 and behind.last_paid_month > behind.earlier_paid_month, false)
            as paid_again
    from behind
    left join place_name as places on places.kode = behind.kode_desa
    where behind.months_behind >= 1 or (behind.earlier_behind >= 1 and behind.last_paid_month > behind.earlier_paid_month)
)

select * from final
order by months_behind desc, last_paid_month nulls first, nik_hash
