"""The form that records a new assessment round: one score per indicator, with its evidence."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from ucj.collab import scoring, store
from ucj.collab.rules import SCORE_MAX, SCORE_MIN, RoundDraft
from ucj.i18n import t
from ui import access
from ui.collab.save import save
from ui.collab.scorecard import Reference
from ui.collab.state import next_choice
from ui.layout import Context

LEVELS = list(range(SCORE_MIN, SCORE_MAX + 1))
# A score nobody has given yet starts in the middle of the scale.
NEUTRAL = 3


def _start_scores(framework: str, rounds: pd.DataFrame, scores: pd.DataFrame) -> dict[str, int]:
    """The latest region-wide round's scores, so a meeting changes only what moved."""
    region_rounds = rounds[(rounds["framework_id"] == framework) & rounds["stakeholder_id"].isna()]
    latest = scoring.latest_round(region_rounds)
    found = scores[scores["round_id"] == latest]
    return dict(zip(found["indicator_id"], found["score"].astype(int)))


def render(
    ctx: Context,
    ref: Reference,
    framework: str,
    rounds: pd.DataFrame,
    scores: pd.DataFrame,
    stakeholders: pd.DataFrame,
    today: dt.date,
) -> None:
    """The form for editors; viewers are told how editing opens."""
    lang = ctx.lang
    editor = access.current_editor()
    if editor is None:
        st.caption(t("kolab.edit_hint", lang))
        return
    indicators = ref.of(framework)
    start = _start_scores(framework, rounds, scores)
    scopes = dict(zip(stakeholders["stakeholder_id"], stakeholders["nama"]))
    region_scope = t("kolab.scope.region", lang)
    first = rounds[rounds["framework_id"] == framework].empty
    with st.expander(t("kolab.round.new", lang), expanded=first), st.form("kolab_round_form"):
        left, right = st.columns(2)
        round_date = left.date_input(
            t("kolab.round.date", lang), value=today, max_value=today, key="kolab_new_date", format="DD/MM/YYYY"
        )
        scope = right.selectbox(
            t("kolab.round.scope", lang),
            [None, *scopes],
            format_func=lambda s: scopes.get(s, region_scope),
            key="kolab_new_scope",
        )
        picked: dict[str, int] = {}
        evidence: dict[str, str] = {}
        for row in indicators.itertuples():
            levels = "\n".join(f"- **{level}**: {ref.level_text(row.indicator_id, level, lang)}" for level in LEVELS)
            score_col, evidence_col = st.columns([2, 3])
            picked[row.indicator_id] = score_col.select_slider(
                getattr(row, f"label_{lang}"),
                options=LEVELS,
                value=start.get(row.indicator_id, NEUTRAL),
                help=levels,
                key=f"kolab_new_score_{row.indicator_id}",
            )
            evidence[row.indicator_id] = evidence_col.text_input(
                t("kolab.evidence", lang), key=f"kolab_new_evidence_{row.indicator_id}"
            )
        document_ref = st.text_input(t("kolab.round.document", lang), key="kolab_new_document")
        note = st.text_area(t("kolab.round.note", lang), key="kolab_new_note")
        submitted = st.form_submit_button(t("kolab.round.submit", lang), key="kolab_round_submit", type="primary")
    if not submitted:
        return
    draft = RoundDraft(
        kode_kab=ctx.kode_kab,
        framework_id=framework,
        round_date=round_date,
        scores=picked,
        evidence=evidence,
        document_ref=document_ref,
        stakeholder_id=scope,
        note=note,
    )
    save(
        lambda con: store.record_round(con, draft, slug=ctx.slug, actor=editor, today=today),
        lang,
        lambda new_id: t("kolab.round.saved", lang, round=new_id),
        before_rerun=lambda new_id: next_choice("kolab_round", new_id),
    )
