"""The frame every page shares: region and language pickers, and navigation that keeps them."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from ucj.auth.scope import opens
from ucj.auth.scope_store import label
from ucj.errors import Explained
from ucj.fmt import Lang
from ucj.i18n import LANGS, t
from ui import url_state
from ui.access import sign_in_panel, visible_scope
from ui.db import query

log = logging.getLogger(__name__)
RAISE_ENV = "UCJ_RAISE_ERRORS"  # set by the tests (and a developer): let a failure surface, traceback and all
DEFAULT_REGION = "padang"
# (url path, label key, script); the order is the order in the sidebar.
PAGES: tuple[tuple[str, str, str], ...] = (
    ("", "nav.home", "views/region.py"),
    ("peta", "nav.peta", "views/map.py"),
    ("provinsi", "nav.provinsi", "views/province.py"),
    ("kalkulator", "nav.kalkulator", "views/subsidy.py"),
    ("retensi", "nav.retensi", "views/retention.py"),
    ("kolaborasi", "nav.kolaborasi", "views/collab.py"),
    ("data", "nav.data", "views/imports.py"),
    ("rapat", "nav.rapat", "views/slides.py"),
)


@dataclass(frozen=True)
class Context:
    """What every page needs to know about the current view."""

    lang: Lang
    kode_kab: str
    slug: str
    region_name: str


def _in_scope(regions: pd.DataFrame, lang: Lang) -> tuple[pd.DataFrame, str | None]:
    """The regions this session may look at, and what to say when the link named another one.

    Only where viewing needs an account does the account's scope limit what it sees (ucj.auth.scope).
    """
    scope = visible_scope()
    shown = regions[[opens(scope, kode) for kode in regions["kode_kab"]]]
    if shown.empty:  # its kab/kota was removed since the scope was set
        st.error(t("nav.region_none", lang))
        st.stop()
    asked = url_state.read("region")
    if asked not in set(regions["slug"]) - set(shown["slug"]):
        return shown, None
    return shown, label(query("auth_scope_areas"), scope)


def frame() -> st.navigation:  # type: ignore[valid-type]
    """Lay out the sidebar and return the page to run."""
    try:
        regions = query("regions")
    except Explained as exc:  # no workspace where configuration says, a failed migration, …
        st.error(exc.message(url_state.choice("lang", list(LANGS), "id")))  # type: ignore[arg-type]
        st.stop()
    # The URL wins on first load (a shared link); afterwards the widget's state does.
    url_state.init_widget("lang", "lang", list(LANGS), "id")
    lang: Lang = st.session_state["lang"]
    regions, outside = _in_scope(regions, lang)
    slugs = regions["slug"].tolist()
    url_state.init_widget("region", "region", slugs, DEFAULT_REGION if DEFAULT_REGION in slugs else slugs[0])
    names = dict(zip(regions["slug"], regions["nama"]))
    if outside is not None:
        st.warning(t("nav.region_out_of_scope", lang, areas=outside, region=names[st.session_state["region"]]))

    pages = [
        st.Page(script, title=t(label, lang), url_path=path or None, default=not path) for path, label, script in PAGES
    ]
    current = st.navigation(pages, position="hidden")
    with st.sidebar:
        st.markdown(f"### {t('app.title', lang)}")
        st.selectbox(t("nav.region", lang), slugs, key="region", format_func=names.__getitem__)
        st.segmented_control(
            t("nav.language", lang), list(LANGS), key="lang", format_func=str.upper, selection_mode="single"
        )
        if not st.session_state.get("lang"):
            st.session_state["lang"] = "id"
        params = {"region": st.session_state["region"], "lang": st.session_state["lang"]}
        url_state.write(params)
        st.divider()
        for page in pages:
            st.page_link(page, query_params=params)
        st.divider()
        sign_in_panel(lang)
    row = regions.set_index("slug").loc[st.session_state["region"]]
    st.session_state["ctx"] = Context(st.session_state["lang"], row["kode_kab"], row.name, row["nama"])
    return current


def main() -> None:
    """Draw the frame, then the chosen page; a failure is logged in full and shown as one plain sentence.

    A viewer never sees a traceback (its file paths and values help an attacker, not them); st.rerun
    and st.stop are BaseExceptions and pass through.
    """
    try:
        frame().run()
    except Exception:
        if os.environ.get(RAISE_ENV):
            raise
        log.exception("page run failed: %s", st.context.url)
        st.error(t("app.error", st.session_state.get("lang") or "id"))


def context() -> Context:
    """The current view's context, set by the frame before the page runs."""
    return st.session_state["ctx"]
