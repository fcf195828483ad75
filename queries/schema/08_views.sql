-- Which figure wins where several kinds stand for the same cell (area, period, segment, status):
-- an upload (the Pemda's own data) over a published figure over an estimate. The one statement of
-- that rule: queries join it and order by `precedence`, the map's Python reads the column they return.
create view kind_precedence as
select * from (values ('upload', 1), ('published', 2), ('estimate', 3)) as rule (kind, precedence);

-- Participant counts with what a screen needs to cite them: the source's short name and, for a
-- published row, the figure's own wording and period. Shared by the headline and the trend queries.
create view participant_detail as
select
    p.kode_wilayah, p.level, p.period, p.segment, p.status, p.persons, p.kind, p.method, p.bound,
    k.precedence, s.short as source_short, f.period_text, f.quote, f.period_start as figure_start,
    f.period_end as figure_end
from participants as p
inner join kind_precedence as k using (kind)
inner join source as s using (source_id)
left join published_figure as f using (figure_id);

-- Every place's name by its Kemendagri code (kab/kota, kecamatan, desa/kelurahan), for queries that
-- name the place a figure or a book stands for.
create view place_name as
select kode_kab as kode, nama from region
union all
select kode_kec as kode, nama from kecamatan
union all
select kode_desa as kode, nama from desa;

-- The workforce rows screens use. An import's estimate (a DKB age table × TPAK, kind 'estimate' with an
-- import_id) takes the place of the build's spread estimates (kind 'estimate', no import_id) for its area at
-- every period: the spread only shares out a regional total, the DKB rule follows where people live. Every
-- query that reads workforce for a screen reads this view; kind_precedence still orders what is left.
create view workforce_in_use as
with dkb_areas as (
    select distinct kode_wilayah
    from workforce
    where kind = 'estimate' and import_id is not null
)

select w.*
from workforce as w
where not (w.kind = 'estimate' and w.import_id is null and w.kode_wilayah in (select kode_wilayah from dkb_areas));
