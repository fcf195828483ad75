"""The TPAK beside a DKB age-table upload: prefilled from BPS's published figure where one is stored."""

from __future__ import annotations

import streamlit as st

from ucj import fmt
from ucj.i18n import t
from ui.db import query
from ui.layout import Context


def tpak_options(ctx: Context) -> dict[str, object]:
    """The kab/kota TPAK (%) and its source, as the import's options (checked by the import itself)."""
    lang = ctx.lang
    published = query("import_tpak_default", kode_kab=ctx.kode_kab)
    rate = float(published["value"].iloc[0]) if not published.empty else None
    source = str(published["source_short"].iloc[0]) if not published.empty else ""
    left, right = st.columns([1, 3])
    tpak = left.number_input(
        t("data.tpak.rate", lang), 0.0, 100.0, value=rate, step=0.01, format="%.2f", key=f"data_tpak_{ctx.kode_kab}"
    )
    tpak_source = right.text_input(
        t("data.tpak.source", lang), value=source, max_chars=200, key=f"data_tpak_source_{ctx.kode_kab}"
    )
    if rate is None:
        st.caption(t("data.tpak.none", lang))
    else:
        st.caption(t("data.tpak.prefilled", lang, source=f"{fmt.number(rate, lang, decimals=2)} %, {source}"))
    return {"tpak": tpak, "tpak_source": tpak_source}
