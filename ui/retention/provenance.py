"""The line under every retention figure: kind "upload", the extract's file and date, "contoh sintetis"."""

from __future__ import annotations

import streamlit as st

from ucj.fmt import Lang
from ucj.i18n import t
from ucj.retention.extract import Extract
from ui.figures import kind_badge


def source_line(extract: Extract, lang: Lang) -> None:
    badge = f"{kind_badge('upload', lang)} {extract.provenance.citation(lang)}"
    if extract.synthetic:
        badge += f" :orange-badge[{t('ret.synthetic', lang)}]"
    st.caption(f"{badge} · {t('ret.rule', lang, rule=extract.active_rule)}")
