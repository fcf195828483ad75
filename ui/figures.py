"""A headline figure on screen: the number, and under it its kind, date and source."""

from __future__ import annotations

import streamlit as st

from ucj.fmt import Lang
from ucj.headline import Figure
from ucj.i18n import t

BADGE_COLOUR = {"published": "green", "estimate": "orange", "upload": "blue"}


def provenance_line(figure: Figure, lang: Lang) -> str:
    """Markdown: a coloured kind badge, then the date and the source."""
    prov = figure.provenance
    if prov is None:
        return f":gray-badge[{t('figure.no_data', lang)}] {t('figure.no_source', lang)}"
    colour = BADGE_COLOUR[prov.kind]
    return f":{colour}-badge[{t(f'kind.{prov.kind}', lang)}] {prov.citation(lang)}"


def figure_card(figure: Figure, lang: Lang, label_key: str | None = None) -> None:
    """st.metric with the provenance under it; the quote or the estimate's rule on hover."""
    prov = figure.provenance
    help_text = None
    if prov is not None:
        help_text = prov.method if prov.kind == "estimate" else prov.quote
    with st.container(border=True):
        value = figure.text(lang) if figure.value is not None else "—"
        st.metric(t(label_key or f"home.{figure.key}", lang), value, help=help_text)
        st.caption(provenance_line(figure, lang))
