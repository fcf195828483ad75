"""The scorecard tab: a framework and a round, its radar and change since the previous round, the
history heat map, the weakest indicators with the research's recommendations, and the regions side by side."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any

import pandas as pd
import streamlit as st

from ucj import fmt
from ucj.collab import scoring
from ucj.collab.charts import comparison_heatmap, history_heatmap, radar_chart
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.markup import plain
from ui.charts import altair_chart
from ui.collab.state import url_select
from ui.db import query
from ui.layout import Context
from ui.sortable_table import sortable_table

KIND_BADGE = {"derived": "orange", "entered": "blue"}
ARROWS = {"up": "▲", "down": "▼", "same": "=", "new": ""}


@dataclass(frozen=True)
class Reference:
    """The frameworks' data, the same for every region."""

    frameworks: pd.DataFrame
    indicators: pd.DataFrame
    rubric: pd.DataFrame
    recommendations: pd.DataFrame

    @classmethod
    def load(cls) -> Reference:
        return cls(
            query("collab_frameworks"),
            query("collab_indicators"),
            query("collab_rubric"),
            query("collab_indicator_recommendations"),
        )

    def of(self, framework_id: str) -> pd.DataFrame:
        """The framework's indicators in their order."""
        return self.indicators[self.indicators["framework_id"] == framework_id]

    @cached_property
    def _levels(self) -> dict[tuple[str, int], dict[str, object]]:
        # One lookup table instead of a filtered frame per indicator and level (the weakest list asks ~20 times).
        rows = self.rubric.drop_duplicates(["indicator_id", "level"])
        return {(r["indicator_id"], int(r["level"])): r for r in rows.to_dict("records")}

    def level_text(self, indicator_id: str, level: int, lang: Lang) -> str:
        return str(self._levels[(indicator_id, int(level))][f"text_{lang}"])


def numbered(rounds: pd.DataFrame) -> pd.DataFrame:
    """Rounds oldest first, numbered within their framework (#1, #2 …)."""
    ordered = scoring.ordered(rounds)
    return ordered.assign(number=ordered.groupby("framework_id").cumcount() + 1)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def short_label(row: pd.Series, lang: Lang) -> str:
    """'#2 · 23 November 2026': the round's number and date."""
    return f"#{row['number']} · {fmt.date(pd.Timestamp(row['round_date']).date(), lang)}"


def round_label(row: pd.Series, lang: Lang) -> str:
    """'#2 · 23 November 2026 · Seluruh wilayah · Dicatat dalam rapat'."""
    scope = _text(row["stakeholder"]) or t("kolab.scope.region", lang)
    kind = t("kolab.kind." + row["kind"], lang)
    return f"{short_label(row, lang)} · {scope} · {kind}"


def kind_badge(kind: str, lang: Lang) -> str:
    return f":{KIND_BADGE[kind]}-badge[{t('kolab.kind.' + kind, lang)}]"


def provenance(row: pd.Series, lang: Lang) -> str:
    """Markdown: the round's kind as a badge, its date as the source words it, and where it comes from."""
    if row["kind"] == "derived":
        said = plain(f"{row['date_text']} · {row['source_short']}. {_text(row['note'])}")
        return f"{kind_badge('derived', lang)} {said}"
    who = t("kolab.recorded_by", lang, who=plain(row["recorded_by"]))
    return f"{kind_badge('entered', lang)} {fmt.date(pd.Timestamp(row['round_date']).date(), lang)} · {who}"


def framework_choice(ref: Reference, rounds: pd.DataFrame, lang: Lang) -> str:
    """The framework picker; it opens on the first framework the region has a round for."""
    options = ref.frameworks["framework_id"].tolist()
    scored = [f for f in options if f in set(rounds["framework_id"])]
    names = dict(zip(ref.frameworks["framework_id"], ref.frameworks[f"name_{lang}"]))
    framework = url_select(
        t("kolab.framework", lang),
        options,
        key="kolab_framework",
        url_key="framework",
        default=(scored or options)[0],
        format_func=names.__getitem__,
    )
    row = ref.frameworks.set_index("framework_id").loc[framework]
    st.caption(
        f"{row[f'description_{lang}']} — {t('kolab.framework_source', lang)}: {plain(row['source_short'])}, "
        f"{plain(row['locator'])}"
    )
    return framework


def render(
    ctx: Context, ref: Reference, framework: str, rounds: pd.DataFrame, scores: pd.DataFrame, actions: pd.DataFrame
) -> None:
    """The chosen round of `framework`, compared with the round before it."""
    lang = ctx.lang
    history = numbered(rounds[rounds["framework_id"] == framework]).set_index("round_id")
    if history.empty:
        st.info(t("kolab.no_round", lang, region=plain(ctx.region_name)))
        return
    labels = {round_id: round_label(row, lang) for round_id, row in history.iterrows()}
    round_id = url_select(
        t("kolab.round", lang),
        list(labels),
        key="kolab_round",
        url_key="round",
        default=scoring.latest_round(history.reset_index()),
        format_func=labels.__getitem__,
    )
    st.markdown(provenance(history.loc[round_id], lang))
    previous_id = scoring.previous_round(history.reset_index(), round_id)
    indicators = ref.of(framework).set_index("indicator_id")
    change = scoring.change_since(scores, round_id, previous_id)
    change = change.assign(label=change["indicator_id"].map(indicators[f"label_{lang}"]))

    left, right = st.columns([5, 4])
    with left:
        series = {t("kolab.this_round", lang, n=history.at[round_id, "number"]): change["score"].tolist()}
        if previous_id is not None and change["previous_score"].notna().all():
            previous = t("kolab.previous_round", lang, n=history.at[previous_id, "number"])
            series[previous] = change["previous_score"].tolist()
        altair_chart(radar_chart, change["label"].tolist(), series, lang, key="kolab_radar")
    with right:
        _change_panel(change, lang)

    st.subheader(t("kolab.weakest", lang))
    st.caption(t("kolab.weakest_help", lang))
    _weakest(ref, scoring.weakest_first(change, indicators["position"]), scores, round_id, actions, lang)

    st.subheader(t("kolab.history", lang))
    cells = scores.loc[scores["framework_id"] == framework, ["round_id", "position", f"label_{lang}", "score"]]
    short = {round_id: short_label(row, lang) for round_id, row in history.iterrows()}
    cells = cells.assign(
        label=cells[f"label_{lang}"],
        round_order=cells["round_id"].map(history["number"]),
        round_label=cells["round_id"].map(short),
    )
    altair_chart(history_heatmap, cells, lang, key="kolab_history")
    with st.expander(t("kolab.rubric", lang), key="kolab_rubric", on_change="rerun") as rubric:
        if rubric.open:  # the whole rubric is a wide table: built and sent only once asked for
            _rubric_table(ref, framework, lang)


def _change_panel(change: pd.DataFrame, lang: Lang) -> None:
    """The average score with its change, and per indicator: before, now, and the change."""
    mean = scoring.mean_score(change)
    before = change["previous_score"].mean() if change["previous_score"].notna().all() else None
    delta, colour = None, "normal"
    if before is not None:
        difference = round(mean - before, 1)
        sign = "+" if difference > 0 else "-" if difference < 0 else ""
        delta, colour = f"{sign}{fmt.number(abs(difference), lang, decimals=1)}", "normal" if difference else "off"
    st.metric(t("kolab.mean", lang), fmt.number(mean, lang, decimals=1), delta=delta, delta_color=colour)
    st.markdown(f"**{t('kolab.change', lang)}**")
    if before is None:
        st.caption(t("kolab.no_previous", lang))
    # The app's sortable table, not st.dataframe: a fresh browser drew the tab 0,15 s later while it fetched and
    # ran the grid's code for these few rows (issue 17); and the scores sort as numbers, the change by how far
    # it moved, where the grid sorted their text.
    before_name, now_name, change_name = (t(f"kolab.{c}", lang) for c in ("before", "now", "change"))
    table = pd.DataFrame(
        {
            t("kolab.chart.indicator", lang): change["label"],
            before_name: change["previous_score"],
            now_name: change["score"],
            change_name: change["change"],
        }
    )
    score = partial(fmt.number, lang=lang)
    formats = {
        before_name: score,
        now_name: score,
        change_name: lambda c: f"{ARROWS[scoring.direction(c)]} {fmt.number(abs(c), lang)}",
    }
    missing = {before_name: fmt.MISSING[lang], change_name: t("kolab.change.new", lang)}
    sortable_table(table, "kolab_change", formats=formats, missing=missing, caption=t("kolab.change", lang))


@st.fragment
def _weakest(
    ref: Reference, ranked: pd.DataFrame, scores: pd.DataFrame, round_id: str, actions: pd.DataFrame, lang: Lang
) -> None:
    """Each indicator, weakest first: its level now, what the next level looks like, and what to do.

    The three weakest open; the others send their text only once opened (a rerun of this fragment alone):
    twelve indicators' text was half a second of a fresh browser's work. The keys carry the round, so every
    round opens on its own three weakest."""
    evidence = scores[scores["round_id"] == round_id].set_index("indicator_id")
    recommendations, linked = _by_indicator(ref.recommendations), _by_indicator(actions)
    for rank, row in enumerate(ranked.itertuples()):
        title = f"{plain(row.label)} — {fmt.number(row.score, lang)}/5 {ARROWS[row.direction]}".rstrip()
        key = f"kolab_weak_{round_id}_{row.indicator_id}"
        with st.expander(title, expanded=rank < 3, key=key, on_change="rerun") as box:
            if not box.open:
                continue
            # One Markdown element per part, not one per line: a fresh browser renders every element on its own.
            levels = [
                f"**{t('kolab.level_now', lang, n=row.score)}** {ref.level_text(row.indicator_id, row.score, lang)}"
            ]
            if row.score < 5:
                next_text = ref.level_text(row.indicator_id, row.score + 1, lang)
                levels.append(f"**{t('kolab.level_next', lang, n=row.score + 1)}** {next_text}")
            st.markdown("\n\n".join(levels))
            found = evidence.loc[row.indicator_id]
            said = " · ".join(filter(None, (_text(found[c]) for c in ("evidence", "document_ref", "quote"))))
            if said:
                st.caption(f"{t('kolab.evidence', lang)}: {plain(said)}")
            steps = [_recommendation(rec, lang) for rec in recommendations.get(row.indicator_id, [])]
            for item in linked.get(row.indicator_id, []):
                due = item["due_date"]
                due = fmt.date(due.date(), lang) if pd.notna(due) else t("kolab.no_due", lang)
                status = t(f"kolab.status.{item['status']}", lang)
                steps.append(f"- {t('kolab.linked_action', lang)}: {plain(item['title'])} · {status} · {due}")
            if steps:
                st.markdown("\n".join(steps))


def _recommendation(rec: dict[str, Any], lang: Lang) -> str:
    """A recommendation as a list item, with the source it cites and its own words."""
    cited = plain(f"{rec['source_short']}, {rec['locator']}")
    return f"- {rec[f'text_{lang}']} — *{cited}*: “{plain(rec['quote'])}”"


def _by_indicator(frame: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    """The rows of `frame` per indicator, in order: one pass, where a filter per indicator cost 5–10 ms each."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for record in frame.to_dict("records"):
        rows.setdefault(record["indicator_id"], []).append(record)
    return rows


def _rubric_table(ref: Reference, framework: str, lang: Lang) -> None:
    indicators = ref.of(framework)
    levels = ref.rubric.pivot(index="indicator_id", columns="level", values=f"text_{lang}")
    table = indicators[["indicator_id", f"label_{lang}"]].join(levels, on="indicator_id").drop(columns="indicator_id")
    table.columns = [t("kolab.chart.indicator", lang), *(str(level) for level in levels.columns)]
    st.dataframe(table, hide_index=True, key="kolab_rubric_table")


def render_comparison(ref: Reference, framework: str, regions: pd.DataFrame, lang: Lang) -> None:
    """Every region's latest region-wide round of `framework`, side by side."""
    latest = query("collab_latest_scores")
    latest = latest[latest["framework_id"] == framework]
    missing = regions.loc[~regions["kode_kab"].isin(latest["kode_kab"]), "nama"].tolist()
    if latest.empty:
        st.info(t("kolab.compare_none", lang))
        return
    cells = latest.assign(
        label=latest[f"label_{lang}"],
        round_label=[fmt.date(pd.Timestamp(d).date(), lang) for d in latest["round_date"]],
    )
    altair_chart(comparison_heatmap, cells, lang, key="kolab_compare")
    rounds = cells.drop_duplicates("round_id")
    for row in rounds.itertuples():
        source = f"{row.date_text} · {row.source_short}" if row.kind == "derived" else row.round_label
        st.caption(f"**{plain(row.region)}**: {kind_badge(row.kind, lang)} {plain(source)}")
    if missing:
        st.caption(t("kolab.compare_missing", lang, regions=plain(", ".join(missing)), none=fmt.MISSING[lang]))
