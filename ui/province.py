"""Streamlit glue of the province page: cached polygons, the kab/kota table, and a click on a kab/kota that
opens it."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from ucj import fmt
from ucj.auth.scope import Scope
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.map.geometry import FeatureCollection
from ucj.provenance import kind_label
from ucj.province.figures import province_features, province_rows
from ui.db import database_path, query
from ui.sortable_table import sortable_table

_OPEN = "prov_open"
_ABSENT = "prov_absent"


@st.cache_data(show_spinner=False, ttl=3600, max_entries=8)
def features(kode_prov: str) -> FeatureCollection:
    return province_features(kode_prov)


@st.cache_data(show_spinner=False, ttl=600, max_entries=64)
def _rows(db: str, kode_prov: str, scope: Scope) -> pd.DataFrame:
    # Each held kab/kota's headline costs 10–30 ms to work out; it changes only with the database.
    return province_rows(query, kode_prov, query("regions"), scope)


def kabkota_rows(kode_prov: str, scope: Scope) -> pd.DataFrame:
    """`province_rows` of the province as `scope` may see it, cached by database, province and scope."""
    return _rows(str(database_path()), kode_prov, scope)


def kabkota_table(rows: pd.DataFrame, lang: Lang) -> None:
    """The province's kab/kota with their figures: coverage and population sort as numbers, dates as dates."""
    coverage, as_of, population = (t(f"prov.col.{c}", lang) for c in ("coverage", "as_of", "population"))
    table = pd.DataFrame(
        {
            t("prov.col.kabkota", lang): rows["nama"],
            coverage: rows["coverage"],
            t("prov.col.kind", lang): rows["kind"].map(lambda k: kind_label(k, lang)).where(rows["kind"].notna()),
            as_of: rows["as_of"],
            t("prov.col.source", lang): rows["source"],
            population: rows["population"],
        }
    )
    formats = {
        coverage: lambda v: fmt.percent(v, lang),
        as_of: lambda d: fmt.date(d, lang),
        population: lambda v: fmt.number(v, lang),
    }
    sortable_table(table, "prov_table", formats=formats, missing=fmt.MISSING[lang], caption=t("nav.provinsi", lang))


def open_on_click(slugs: dict[str, str | None]) -> Callable[[str], None]:
    """The map's click: a kab/kota the database holds opens on Beranda (`opened`), else a note says why not."""

    def clicked(kode: str) -> None:
        slug = slugs.get(kode)
        if isinstance(slug, str):
            st.session_state[_OPEN] = slug
        else:
            st.session_state[_ABSENT] = kode

    return clicked


def opened() -> None:
    """Go to Beranda after a click on a held kab/kota; say why nothing opens for one not held."""
    slug = st.session_state.pop(_OPEN, None)
    if slug:
        # The region is the URL's on the next page: the frame reads it when the picker has no state.
        del st.session_state["region"]
        st.switch_page("views/region.py", query_params={"region": slug, "lang": st.session_state.get("lang", "id")})
    absent = st.session_state.pop(_ABSENT, None)
    if absent:
        st.info(t("prov.absent", st.session_state.get("lang", "id"), kode=absent))
