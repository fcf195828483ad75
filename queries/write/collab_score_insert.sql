-- One indicator's score in a new round, written in the same transaction as the round.
insert into assessment (round_id, indicator_id, score, evidence, document_ref)
values ($round_id, $indicator_id, $score, $evidence, $document_ref)
