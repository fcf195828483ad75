-- An upload's Perisai agent reports; the id kode|agent|month keeps one row per agent and month.
insert into perisai_agent (agent_id, kode_wilayah, label, wadah, participants, paying_low, paying_high, as_of, kind, source_id)
select concat_ws('|', kode_wilayah, agent_key, period), kode_wilayah, agent, wadah, participants, paying, paying, period, 'upload', $source_id
from import_rows
