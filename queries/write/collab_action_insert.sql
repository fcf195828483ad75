-- An action item decided in a meeting.
insert into action_item (
    action_id, kode_kab, title, horizon, owner, owner_stakeholder_id, due_date, status, indicator_id, origin,
    meeting_ref, created_by
)
values (
    $action_id, $kode_kab, $title, $horizon, $owner, $owner_stakeholder_id, $due_date, $status, $indicator_id,
    'meeting', $meeting_ref, $created_by
)
