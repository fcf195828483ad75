"""The action tracker tab: overdue items stand out, the list exports for the minutes, editors add and update items."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from ucj.collab import store
from ucj.collab.export import minutes_frame
from ucj.collab.rules import HORIZONS, STATUSES, ActionDraft
from ucj.i18n import t
from ucj.table_export import XLSX_MIME, to_csv, to_xlsx
from ui import access
from ui.collab.save import save
from ui.deferred_download import deferred_download
from ui.layout import Context

OVERDUE_STYLE = "background-color: #fde2e1; color: #8a1c13; font-weight: 600"


def _highlight_overdue(frame: pd.DataFrame, overdue_column: str) -> Styler:
    """A Styler that paints overdue rows red: the same table is shown and exported."""
    return frame.style.apply(lambda row: [OVERDUE_STYLE if row[overdue_column] else ""] * len(row), axis=1)


def render(
    ctx: Context, actions: pd.DataFrame, indicators: pd.DataFrame, stakeholders: pd.DataFrame, today: dt.date
) -> None:
    """The region's items as the minutes will read them, the downloads, and for editors the two forms."""
    lang = ctx.lang
    minutes = minutes_frame(actions, lang, today)
    overdue_column = t("kolab.export.overdue", lang)
    late = int((minutes[overdue_column] != "").sum())
    if late:
        st.error(t("kolab.actions.late", lang, n=late))
    else:
        st.caption(t("kolab.actions.none_late", lang))
    st.dataframe(_highlight_overdue(minutes, overdue_column), hide_index=True, key="kolab_actions")
    name = f"tindak-lanjut-{ctx.slug}-{today:%Y%m%d}"
    left, right = st.columns(2)
    deferred_download(
        left, t("kolab.export.csv", lang), lambda: to_csv(minutes), f"{name}.csv", "text/csv", "kolab_export_csv"
    )
    sheet = t("kolab.export.sheet", lang)
    deferred_download(
        right,
        t("kolab.export.xlsx", lang),
        lambda: to_xlsx(minutes, sheet),
        f"{name}.xlsx",
        XLSX_MIME,
        "kolab_export_xlsx",
    )
    editor = access.current_editor()
    if editor is None:
        st.caption(t("kolab.edit_hint", lang))
        return
    _add_form(ctx, editor, indicators, stakeholders)
    _status_form(ctx, editor, actions)


def _add_form(ctx: Context, editor: str, indicators: pd.DataFrame, stakeholders: pd.DataFrame) -> None:
    lang = ctx.lang
    owners = dict(zip(stakeholders["stakeholder_id"], stakeholders["nama"]))
    # Indicator names repeat across frameworks ("Kepemimpinan"), so each says which framework it belongs to.
    indicator_names = {
        row.indicator_id: f"{getattr(row, f'label_{lang}')} — {getattr(row, f'framework_name_{lang}')}"
        for row in indicators.itertuples()
    }
    unset = t("kolab.owner_unset", lang)
    with st.form("kolab_action_form", clear_on_submit=True):
        st.markdown(f"**{t('kolab.actions.new', lang)}**")
        title = st.text_input(t("kolab.export.title", lang), key="kolab_action_title")
        left, right = st.columns(2)
        owner = left.selectbox(
            t("kolab.export.owner", lang),
            [None, *owners],
            format_func=lambda o: owners.get(o, unset),
            key="kolab_action_owner",
        )
        due = right.date_input(
            t("kolab.export.due_date", lang), value=None, key="kolab_action_due", format="DD/MM/YYYY"
        )
        horizon = left.selectbox(
            t("kolab.export.horizon", lang),
            [None, *HORIZONS],
            format_func=lambda h: t(f"kolab.horizon.{h}", lang) if h else "—",
            key="kolab_action_horizon",
        )
        indicator = right.selectbox(
            t("kolab.export.indicator", lang),
            [None, *indicator_names],
            format_func=lambda i: indicator_names.get(i, "—"),
            key="kolab_action_indicator",
        )
        meeting_ref = st.text_input(t("kolab.actions.meeting_ref", lang), key="kolab_action_meeting")
        submitted = st.form_submit_button(t("kolab.actions.add", lang), key="kolab_action_submit", type="primary")
    if not submitted:
        return
    draft = ActionDraft(
        kode_kab=ctx.kode_kab,
        title=title,
        horizon=horizon,
        owner=owners.get(owner),
        owner_stakeholder_id=owner,
        due_date=due,
        indicator_id=indicator,
        meeting_ref=meeting_ref,
    )
    save(
        lambda con: store.add_action(con, draft, slug=ctx.slug, actor=editor),
        lang,
        lambda action_id: t("kolab.actions.added", lang, action=action_id),
    )


def _status_form(ctx: Context, editor: str, actions: pd.DataFrame) -> None:
    lang = ctx.lang
    titles = dict(zip(actions["action_id"], actions["title"]))
    with st.form("kolab_status_form"):
        st.markdown(f"**{t('kolab.actions.status_change', lang)}**")
        action_id = st.selectbox(
            t("kolab.export.title", lang), list(titles), format_func=titles.__getitem__, key="kolab_status_action"
        )
        status = st.selectbox(
            t("kolab.export.status", lang),
            STATUSES,
            format_func=lambda s: t(f"kolab.status.{s}", lang),
            key="kolab_status_new",
        )
        submitted = st.form_submit_button(t("kolab.actions.save_status", lang), key="kolab_status_submit")
    if not submitted or action_id is None:
        return
    save(
        lambda con: store.set_action_status(con, ctx.kode_kab, action_id, status, actor=editor),
        lang,
        lambda before: t(
            "kolab.actions.status_saved",
            lang,
            action=titles[action_id],
            before=t(f"kolab.status.{before}", lang),
            status=t(f"kolab.status.{status}", lang),
        ),
    )
