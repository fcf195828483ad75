"""The import history of the Data page: every upload of the region, and rolling one back."""

from __future__ import annotations

import streamlit as st

from ucj import fmt
from ucj.i18n import t
from ucj.imports.problems import ImportRejected
from ucj.imports.rollback import roll_back
from ui.db import clear_cache, database, query
from ui.imports.problems import show_problems
from ui.layout import Context

_DONE = "data_rollback_done"


def render(ctx: Context, editor: str) -> None:
    lang = ctx.lang
    done = st.session_state.pop(_DONE, None)
    if done is not None:
        st.success(t("data.rolled_back", lang, import_id=done))
    batches = query("import_batches", kode_kab=ctx.kode_kab)
    if batches.empty:
        st.info(t("data.no_imports", lang))
        return
    shown = batches.drop(columns=["source_id"]).assign(
        kind=batches["kind"].map(lambda k: t(f"data.kind.{k}", lang)),
        created_at=batches["created_at"].map(lambda d: fmt.date(d, lang)),
        rolled_back_at=batches["rolled_back_at"].map(lambda d: fmt.date(d, lang) if d is not None else ""),
    )
    st.dataframe(shown.rename(columns=lambda c: t(f"data.batch.{c}", lang)), hide_index=True, key="data_batches")
    active = batches[batches["is_active"]]
    if active.empty:
        return
    labels = {
        int(r.import_id): f"#{r.import_id} · {t(f'data.kind.{r.kind}', lang)} · {r.file_name}"
        for r in active.itertuples()
    }
    chosen = st.selectbox(t("data.rollback_pick", lang), list(labels), format_func=labels.get, key="data_rollback_id")
    # keyed by the import, so the tick does not carry over to the next one
    sure = st.checkbox(t("data.rollback_confirm", lang), key=f"data_rollback_sure_{chosen}")
    if st.button(t("data.rollback", lang), key="data_rollback", disabled=not sure):
        try:
            roll_back(database(), ctx.kode_kab, chosen, editor)
        except ImportRejected as exc:
            show_problems(exc.problems, lang, key="data_rollback_problems")
            return
        clear_cache()
        st.session_state[_DONE] = chosen
        st.rerun()
