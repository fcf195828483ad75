-- A saved scenario; the same name in the same region replaces the earlier one (the audit log keeps both).
insert or replace into saved_scenario (kode_kab, name, encoded, saved_by, saved_at)
values ($kode_kab, $scenario_name, $encoded, $saved_by, $saved_at)
