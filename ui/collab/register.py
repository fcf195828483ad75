"""The stakeholder tab: the register (contacts masked), the influence × interest map and the dependency network."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ucj import fmt
from ucj.collab.charts import dependency_network, stakeholder_map
from ucj.collab.stakeholders import mask_contact, quadrant
from ucj.fmt import Lang
from ucj.i18n import t
from ui.charts import altair_chart


def type_labels(codes: pd.Series, lang: Lang) -> dict[str, str]:
    """Words for the stakeholder types present (the codes are data, their words are labels)."""
    return {code: t(f"kolab.jenis.{code}", lang) for code in codes.unique()}


def _cited(source_short: str, locator: str) -> str:
    return f"{source_short}, {locator}"


def _table(frame: pd.DataFrame, labels: str, key: str, lang: Lang) -> None:
    """A read-only table with headers from the locale (`labels`.<column>) and missing values said so."""
    st.dataframe(
        frame.rename(columns=lambda c: t(f"{labels}.{c}", lang)),
        hide_index=True,
        placeholder=fmt.MISSING[lang],
        key=key,
    )


def render(stakeholders: pd.DataFrame, needs: pd.DataFrame, lang: Lang) -> None:
    """Register, map and network of one region; every entry cites its text."""
    labels = type_labels(stakeholders["jenis"], lang)
    st.subheader(t("kolab.register", lang))
    register = pd.DataFrame(
        {
            "nama": stakeholders["nama"],
            "jenis": stakeholders["jenis"].map(labels),
            "legal_basis": stakeholders["legal_basis"],
            "role_interest": stakeholders["role_interest"],
            "needs": stakeholders["needs"],
            "quadrant": [
                t(f"kolab.quadrant.{quadrant(i, j)}", lang)
                for i, j in zip(stakeholders["influence"], stakeholders["interest"])
            ],
            "contact": stakeholders["contact"].map(mask_contact),
            "source": list(map(_cited, stakeholders["source_short"], stakeholders["locator"])),
            "quote": stakeholders["quote"],
        }
    )
    _table(register, "kolab.register", "kolab_register", lang)
    st.caption(t("kolab.register_note", lang))

    st.subheader(t("kolab.map", lang))
    altair_chart(stakeholder_map, stakeholders, labels, lang, key="kolab_map")
    st.caption(t("kolab.map_note", lang))

    st.subheader(t("kolab.network", lang))
    if needs.empty:
        st.info(t("kolab.network_none", lang))
        return
    altair_chart(dependency_network, stakeholders, needs, labels, lang, key="kolab_network")
    table = pd.DataFrame(
        {
            "needer": needs["needer"],
            "need": needs[f"need_{lang}"],
            "provider": needs["provider"],
            "source": list(map(_cited, needs["source_short"], needs["locator"])),
            "quote": needs["quote"],
        }
    )
    _table(table, "kolab.network", "kolab_needs", lang)
