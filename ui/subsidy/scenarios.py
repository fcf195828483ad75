"""The scenario tab: save under a name, compare two or three side by side, share a link, export."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode, urlsplit, urlunsplit

import pandas as pd
import streamlit as st

from ucj.auth.guard import OutOfScope
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.markup import plain
from ucj.slides.registry import SLIDES
from ucj.subsidy import scenario_store
from ucj.subsidy.evaluate import SUMMARY_KEYS, Results, evaluate, summary
from ucj.subsidy.headcount import Region
from ucj.subsidy.report import summary_cell
from ucj.subsidy.retention import Evidence
from ucj.subsidy.rules import RuleBook
from ucj.subsidy.scenario import NAME_MAX, PARAM, Scenario, decode, encode
from ucj.table_export import XLSX_MIME
from ui import access, url_state
from ui.db import query, write
from ui.deferred_download import deferred_download
from ui.subsidy import state
from ui.subsidy.state import key

SESSION = key("saved")  # {kode_kab: {name: encoded scenario}}: a viewer's scenarios, this session only
COMPARE_MAX = 3


def _session(kode_kab: str) -> dict[str, str]:
    return st.session_state.setdefault(SESSION, {}).setdefault(kode_kab, {})


def _shared(kode_kab: str) -> dict[str, str]:
    rows = query("subsidy_saved_scenarios", kode_kab=kode_kab)
    return dict(zip(rows["name"], rows["encoded"]))


def saved(kode_kab: str) -> dict[str, str]:
    """Scenarios editors saved for everyone, then this session's own (which win on the same name)."""
    return _shared(kode_kab) | _session(kode_kab)


def _save(s: Scenario, book: RuleBook, lang: Lang) -> None:
    """Keep the scenario under the name typed now (the name field may have changed with the click):
    for every colleague when an editor is signed in, else for this session."""
    name = str(st.session_state[key("name")]).strip() or t("kalk.unnamed", lang)
    encoded = encode(s.named(name))
    editor = access.current_editor()
    if editor is None:
        _session(s.region)[name] = encoded
        return
    try:
        write(lambda con: scenario_store.save(con, encoded, book, actor=editor, now=dt.datetime.now()))
    except OutOfScope as refused:
        st.error(plain(refused.message(lang)))
        return
    _session(s.region).pop(name, None)


def _delete(kode_kab: str, lang: Lang) -> None:
    name = st.session_state[key("load_pick")]
    if _session(kode_kab).pop(name, None) is not None:
        return
    editor = access.current_editor()
    if editor is not None and name in _shared(kode_kab):
        try:
            write(lambda con: scenario_store.delete(con, kode_kab, name, actor=editor))
        except OutOfScope as refused:
            st.error(plain(refused.message(lang)))


def keep_choices() -> None:
    """The name typed, the plan picked and the comparison chosen stay while another tab is open."""
    state.keep("name", "load_pick", "compare")


def save_and_load(book: RuleBook, region: Region, evidence: list[Evidence], scenario: Scenario, lang: Lang) -> None:
    c1, c2 = st.columns(2)
    editor = access.current_editor()
    with c1:
        st.text_input(t("kalk.name", lang), key=key("name"), max_chars=NAME_MAX)
        st.button(t("kalk.save", lang), key=key("save"), on_click=_save, args=(scenario, book, lang))
        st.caption(t("kalk.saves_shared" if editor else "kalk.saves_session", lang))
    mine = saved(scenario.region)
    with c2:
        if not mine:
            st.caption(t("kalk.none_saved", lang))
            return
        shared, own = _shared(scenario.region), _session(scenario.region)
        st.selectbox(
            t("kalk.saved", lang),
            list(mine),
            key=key("load_pick"),
            format_func=lambda n: f"{n} ({t('kalk.this_session', lang)})" if n in own else n,
        )
        st.button(
            t("kalk.load", lang),
            key=key("load"),
            on_click=lambda: state.apply(
                decode(mine[st.session_state[key("load_pick")]], book), book, region, evidence
            ),
        )
        pick = st.session_state[key("load_pick")]
        if pick in own or (editor and pick in shared):
            st.button(t("kalk.delete", lang), key=key("delete"), on_click=_delete, args=(scenario.region, lang))


def compare(current: Results, book: RuleBook, region: Region, kode_kab: str, lang: Lang) -> None:
    """The current scenario and up to three saved ones, figure by figure."""
    mine = saved(kode_kab)
    picks = []
    if mine:
        picks = st.multiselect(t("kalk.compare", lang), list(mine), key=key("compare"), max_selections=COMPARE_MAX)
    columns = {t("kalk.current", lang): summary(current)}
    for name in picks:
        columns[name] = summary(evaluate(decode(mine[name], book), book, region))
    table = pd.DataFrame(
        {name: [summary_cell(k, figures[k], lang) for k in SUMMARY_KEYS] for name, figures in columns.items()},
        index=[t(f"kalk.sum.{k}", lang) for k in SUMMARY_KEYS],
    )
    st.dataframe(table, key=key("compare_table"))


def share_link(encoded: str) -> str:
    """This page's address with the region, language and scenario: what a colleague should open."""
    parts = urlsplit(st.context.url or "")
    query = urlencode(url_state.link_params(**{PARAM: encoded}))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def share_and_export(r: Results, book: RuleBook, region: Region, encoded: str, lang: Lang) -> None:
    st.markdown(f"**{t('kalk.share', lang)}**")
    st.code(share_link(encoded), language=None, wrap_lines=True)
    st.page_link(
        "views/slides.py",
        label=t("kalk.show_in_meeting", lang),
        icon=":material/co_present:",
        query_params=url_state.link_params(
            lang=lang, **{PARAM: encoded, "slide": str(list(SLIDES).index("budget") + 1)}
        ),
    )
    stem = f"kalkulator_{r.scenario.region}_{r.scenario.start:%Y%m}"
    c1, c2 = st.columns(2)
    deferred_download(
        c1,
        t("kalk.export_xlsx", lang),
        lambda: _xlsx(r, book, region, lang),
        f"{stem}.xlsx",
        XLSX_MIME,
        key("xlsx"),
    )
    deferred_download(
        c2,
        t("kalk.export_pdf", lang),
        lambda: _pdf(r, book, region, lang),
        f"{stem}.pdf",
        "application/pdf",
        key("pdf"),
    )


# The writers are imported when a file is asked for: openpyxl and fpdf cost 0,5 s of CPU to import, which the
# first calculator view after a start would otherwise pay for files few download.
def _xlsx(r: Results, book: RuleBook, region: Region, lang: Lang) -> bytes:
    from ucj.subsidy.export_xlsx import scenario_xlsx

    return scenario_xlsx(r, book, region, lang)


def _pdf(r: Results, book: RuleBook, region: Region, lang: Lang) -> bytes:
    from ucj.subsidy.export_pdf import scenario_pdf

    return scenario_pdf(r, book, region, lang)
