"""Rapat: the chosen slides on the projector (presentation mode) and as a PDF and PowerPoint pack."""

import streamlit as st

from ucj.i18n import t
from ui.layout import context
from ui.slides import presentation

ctx = context()
lang = ctx.lang
deck = presentation.deck_context(ctx)

if presentation.presenting():
    keys = presentation.url_keys()
    number = presentation.current_number(len(keys))
    presentation.show(presentation.slide(keys[number - 1], deck), deck, number, len(keys), "present")
    presentation.navigation(number, len(keys), lang, present=True)
    st.stop()

st.title(t("nav.rapat", lang))
st.caption(t("rapat.intro", lang))
keys = presentation.picker(lang)
presentation.scenario_picker(lang, ctx.kode_kab)
if not keys:
    st.info(t("rapat.pick_one", lang))
    st.stop()
number = presentation.current_number(len(keys))
presentation.navigation(number, len(keys), lang, present=False)
presentation.export_buttons(keys, deck, ctx.slug)
presentation.show(presentation.slide(keys[number - 1], deck), deck, number, len(keys), "preview")
st.caption(t("rapat.keys_help", lang))
