"""The Data page's participant-extract import: example files, options, upload with progress, preview, commit.

Reading and checking run outside the database's write lock (in the extract's own staging database),
so other users keep reading while a long file is checked; only the final copy takes the lock.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.imports import membership, membership_store
from ucj.imports.problems import ImportRejected
from ucj.imports.store import load_region, safe_file_name
from ucj.membership import masking, summary, synthetic
from ucj.membership.active import RULES
from ui.db import database, install_key, write
from ui.deferred_download import deferred_download
from ui.imports import upload_round
from ui.imports.problems import show_problems
from ui.layout import Context

_STAGED = "membership_staged"  # (upload id, Staged) of the file on screen


@st.cache_data(show_spinner=False, max_entries=2)
def _example(key: str, kode_kab: str) -> bytes:
    with database().reading() as con:
        areas = load_region(con, kode_kab)
    _, text = synthetic.extract(key, synthetic.desa_by_kecamatan(areas.kecamatan, areas.desa))
    return text.encode("utf-8")


def examples(ctx: Context) -> None:
    """The synthetic example of the region on screen, if it has one."""
    found = [r for r in synthetic.REGIONS.values() if r.kode_kab == ctx.kode_kab]
    if not found:
        return
    box = st.expander(t("membership.examples", ctx.lang))
    box.caption(t("membership.example_note", ctx.lang))
    for region in found:
        deferred_download(
            box,
            t(f"membership.example.{region.key}", ctx.lang),
            lambda key=region.key: _example(key, ctx.kode_kab),
            region.file_name,
            "text/csv",
            f"membership_example_{region.key}",
        )


def _options(lang: Lang) -> membership.Options:
    left, right = st.columns(2)
    date = left.date_input(
        t("membership.extract_date", lang),
        value=None,
        help=t("membership.extract_date_help", lang),
        key="membership_date",
    )
    rule = right.selectbox(
        t("membership.rule", lang), RULES, format_func=lambda r: t(f"membership.rule.{r}", lang), key="membership_rule"
    )
    return membership.Options(extract_date=date, active_rule=rule)


def _stage(upload, options: membership.Options, ctx: Context) -> membership.Staged:
    """Stage the uploaded file with a progress bar (rows read, checked); kept for the reruns that follow."""
    previous = st.session_state.get(_STAGED)
    if previous is not None and previous[0] == (upload.file_id, options):
        return previous[1]
    if previous is not None:
        previous[1].discard()
        del st.session_state[_STAGED]
    bar = st.progress(0.0, text=t("membership.progress.read", ctx.lang, rows=0))
    steps = {"read": 0.4, "checked": 0.8}

    def progress(stage: str, rows: int) -> None:
        bar.progress(steps[stage], text=t(f"membership.progress.{stage}", ctx.lang, rows=fmt.number(rows, ctx.lang)))

    name = safe_file_name(upload.name)
    with tempfile.TemporaryDirectory(prefix="ucj-upload-") as folder:
        path = Path(folder) / "upload"
        path.write_bytes(upload.getvalue())
        with database().reading() as con:
            region = load_region(con, ctx.kode_kab)
        staged = membership.stage(path, name, region, options, install_key(), progress=progress)
    bar.empty()
    st.session_state[_STAGED] = ((upload.file_id, options), staged)
    return staged


def _preview(staged: membership.Staged, ctx: Context) -> None:
    lang, facts = ctx.lang, staged.facts
    if facts.synthetic:
        st.warning(t("membership.synthetic_banner", lang))
    rule = t(f"membership.rule.{facts.active_rule}", lang)
    rows, date = fmt.number(staged.file_rows, lang), fmt.date(facts.extract_date, lang)
    st.success(t("membership.staged", lang, rows=rows, date=date, rule=rule))
    if staged.warnings:
        show_problems(staged.warnings, lang, key="membership_warnings")
    with database().reading() as con:
        names = load_region(con, ctx.kode_kab).kecamatan
    month = fmt.month(staged.counts["period"].max(), lang)
    st.caption(t("membership.by_kecamatan", lang, month=month))
    table = summary.last_month_by_kecamatan(staged.counts, names, lang)
    st.dataframe(table, hide_index=True, key="membership_by_kecamatan")
    outside = int(staged.outside["participants"].sum())
    if outside:
        st.caption(t("membership.outside", lang, count=fmt.number(outside, lang)))
        shown = staged.outside.rename(
            columns={
                "kode_kab_nik": t("membership.col.kab_nik", lang),
                "participants": t("membership.col.participants", lang),
            }
        )
        st.dataframe(shown, hide_index=True, key="membership_outside")
    st.caption(t("membership.sample", lang))
    st.dataframe(masking.masked(membership.sample(staged), lang), hide_index=True, key="membership_sample")


def render(ctx: Context, editor: str) -> None:
    """The extract import, below the kind's guide and template."""
    lang = ctx.lang
    examples(ctx)
    options = _options(lang)
    limit = membership.MAX_EXTRACT_BYTES // 2**20
    upload = st.file_uploader(
        t("data.upload", lang, limit=limit),
        type=["csv", "txt", "xlsx"],
        key=f"membership_file_{upload_round.number()}",
        max_upload_size=limit,
    )
    if upload is None:
        return
    try:
        membership.check_size(upload.name, upload.size)
        staged = _stage(upload, options, ctx)
    except ImportRejected as exc:
        show_problems(exc.problems, lang, key="data_problems")
        return
    _preview(staged, ctx)
    if st.button(t("data.commit", lang), key="data_commit", type="primary"):
        try:
            with st.spinner(t("membership.progress.stored", lang, rows=fmt.number(staged.file_rows, lang))):
                committed = write(lambda con: membership_store.commit(con, staged, editor))
        except ImportRejected as exc:
            show_problems(exc.problems, lang, key="data_commit_problems")
            return
        staged.discard()
        del st.session_state[_STAGED]
        upload_round.end(committed)
