-- A new assessment round entered in the app. Rounds are only ever inserted, never updated or deleted.
insert into assessment_round (round_id, kode_kab, framework_id, stakeholder_id, round_date, kind, note, recorded_by)
values ($round_id, $kode_kab, $framework_id, $stakeholder_id, $round_date, 'entered', $note, $recorded_by)
