"""The cohorts tab: share still active 1–24 months on, cohorts side by side, split by segment, funding or kecamatan."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.retention.charts import curve_chart
from ucj.retention.cohorts import COHORT_KINDS, OFFSETS, SPLITS, check_choice
from ucj.retention.export import public_csv
from ucj.retention.extract import Extract
from ui.db import query
from ui.layout import Context

SHOWN_COHORTS = 6


def _choices(lang: Lang) -> tuple[str, str, str]:
    c1, c2, c3 = st.columns([2, 2, 2])
    cohort_by = c1.radio(
        t("ret.cohort_by", lang), COHORT_KINDS, key="ret_cohort_by", format_func=lambda k: t(f"ret.cohort.{k}", lang)
    )
    split = c2.selectbox(t("ret.split", lang), SPLITS, key="ret_split", format_func=lambda s: t(f"ret.split.{s}", lang))
    after = c3.checkbox(
        t("ret.after_subsidy", lang),
        key="ret_after_subsidy",
        disabled=cohort_by != "list",
        help=t("ret.after_help", lang),
    )
    return cohort_by, split, "subsidy_end" if after and cohort_by == "list" else "registration"


def _table(curves: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """One row per cohort (and part): members, then the share at each offset ('—' where not yet reached)."""
    wide = curves.pivot_table(index=["cohort", "part", "members"], columns="k", values="share", aggfunc="first")
    out = wide.reset_index()
    shown = pd.DataFrame(
        {
            t("ret.col.cohort", lang): out["cohort"],
            t("ret.col.part", lang): out["part"],
            t("ret.col.members", lang): out["members"].map(lambda n: fmt.number(n, lang)),
        }
    )
    for k in OFFSETS:
        values = out[k] if k in out else pd.Series([None] * len(out))
        shown[t("ret.col.after_k", lang, k=k)] = [fmt.percent(v, lang) for v in values]
    return shown


def render(ctx: Context, extract: Extract) -> None:
    lang = ctx.lang
    cohort_by, split, anchor = _choices(lang)
    check_choice(cohort_by, split, anchor)
    curves = query("retention_cohort_curves", kode_kab=ctx.kode_kab, cohort_by=cohort_by, split=split, anchor=anchor)
    if curves.empty:
        st.info(t(f"ret.no_cohorts.{cohort_by}", lang))
        return
    cohorts = list(dict.fromkeys(curves["cohort"]))
    reached = list(dict.fromkeys(curves[curves["observed"] > 0]["cohort"]))
    default = (reached or cohorts)[-SHOWN_COHORTS:] if split == "none" else (reached or cohorts)[-1:]
    picked = st.multiselect(t("ret.cohorts_shown", lang), cohorts, default=default, key=f"ret_cohorts_{cohort_by}")
    shown = curves[curves["cohort"].isin(picked)]
    if split != "none":
        shown = shown.assign(part=shown["cohort"] + " · " + shown["part"])
    if not shown.empty:
        st.altair_chart(curve_chart(shown, "cohort" if split == "none" else "part", lang), width="stretch")
    st.dataframe(_table(curves[curves["cohort"].isin(picked)], lang), hide_index=True, key="ret_cohort_table")
    st.caption(t(f"ret.anchor_note.{anchor}", lang))
    counts = curves[["cohort", "part", "k", "members", "observed", "active"]]
    st.download_button(
        t("ret.export.csv", lang),
        public_csv(counts, ["members", "observed", "active"], extract.label(lang), lang),
        file_name=f"retensi-{ctx.slug}-{cohort_by}.csv",
        mime="text/csv",
        key="ret_cohort_csv",
    )
