"""A headline figure on screen: the number, and under it its kind, date and source."""

from __future__ import annotations

import streamlit as st

from ucj.figures import Figure
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.markup import plain
from ucj.provenance import Kind, kind_label

BADGE_COLOUR = {"published": "green", "estimate": "orange", "upload": "blue"}


def kind_badge(kind: Kind, lang: Lang) -> str:
    """Markdown: a figure's kind as a badge in its colour, the one every figure's provenance starts with."""
    return f":{BADGE_COLOUR[kind]}-badge[{kind_label(kind, lang)}]"


def provenance_line(figure: Figure, lang: Lang) -> str:
    """Markdown: a coloured kind badge, then the date and the source."""
    prov = figure.provenance
    if prov is None:
        return f":gray-badge[{t('figure.no_data', lang)}] {t('figure.no_source', lang)}"
    return f"{kind_badge(prov.kind, lang)} {plain(prov.citation(lang))}"


def figure_card(figure: Figure, lang: Lang, label_key: str | None = None) -> None:
    """st.metric with the provenance under it; the quote or the estimate's rule on hover."""
    help_text = plain(figure.provenance.detail()) if figure.provenance else None
    with st.container(border=True):
        value = figure.text(lang) if figure.value is not None else "—"
        label = t(label_key or f"home.{figure.key}", lang)
        if figure.qualifier:
            label = f"{label} · {t(figure.qualifier, lang)}"
        st.metric(label, value, help=help_text)
        st.caption(provenance_line(figure, lang))
