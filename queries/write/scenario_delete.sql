-- Remove one saved scenario of a region.
delete from saved_scenario
where kode_kab = $kode_kab and name = $scenario_name
