-- One uploaded recipient list (an OPD's SK, or BPJSTK's list of those already registered).
insert into recipient_list (list_id, import_id, kode_kab, opd, list_kind, reference, year)
values ($list_id, $import_id, $kode_kab, $opd, $list_kind, $reference, $year)
