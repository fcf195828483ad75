"""A new region on the Data page: any kab/kota of the national list, or uploaded kecamatan (and desa)
boundaries, checked and stored."""

from __future__ import annotations

import streamlit as st

from ucj import fmt
from ucj.errors import Explained
from ucj.i18n import t
from ucj.imports import boundaries, boundary_store
from ucj.imports.problems import ImportRejected
from ucj.imports.store import safe_file_name
from ucj.markup import plain
from ucj.workspace import national
from ucj.workspace.regions import add_kabkota
from ui.db import query, write
from ui.imports.problems import show_problems
from ui.layout import Context

_DONE = "data_region_done"
_ROUND = "data_region_round"


def _file(label: str, key: str) -> tuple[str, bytes] | None:
    upload = st.file_uploader(label, type=["geojson", "json"], key=key, max_upload_size=boundaries.MAX_BYTES // 2**20)
    return None if upload is None else (safe_file_name(upload.name), upload.getvalue())


def _national(lang: str, editor: str) -> None:
    """Pick any kab/kota the workspace does not hold yet; everything it needs comes from geo/national."""
    st.subheader(t("workspace.national_title", lang))
    st.caption(t("workspace.national_help", lang))
    listed = national.kabkota()
    choices = sorted(set(listed.index) - set(query("regions")["kode_kab"]))
    label = {k: f"{k} {listed.at[k, 'nama']} ({listed.at[k, 'provinsi']})" for k in choices}
    kode = st.selectbox(
        t("workspace.national_pick", lang), choices, index=None, format_func=label.__getitem__, key="data_national_kab"
    )
    if st.button(t("workspace.national_add", lang), key="data_national_add", type="primary", disabled=kode is None):
        try:
            added = write(lambda con: add_kabkota(con, kode, editor))
        except Explained as exc:
            st.error(exc.message(lang))
            return
        numbers = {"kecamatan": added.kecamatan, "desa": added.desa, "polygons": added.polygons}
        shown = {k: fmt.number(v, lang) for k, v in numbers.items()}
        st.session_state[_DONE] = t("workspace.national_done", lang, name=plain(added.nama), **shown)
        st.rerun()


def render(ctx: Context, editor: str) -> None:
    lang = ctx.lang
    done = st.session_state.pop(_DONE, None)
    if done is not None:
        st.success(done)
    _national(lang, editor)
    st.subheader(t("workspace.upload_title", lang))
    st.caption(t("data.region_help", lang))
    round_ = st.session_state.setdefault(_ROUND, 0)
    kecamatan = _file(t("data.region_kecamatan", lang), f"data_region_kec_{round_}")
    desa = _file(t("data.region_desa", lang), f"data_region_desa_{round_}")
    if kecamatan is None:
        return
    existing = set(query("regions")["kode_kab"])
    try:
        upload = boundaries.validate(kecamatan, desa, existing)
    except ImportRejected as exc:
        show_problems(exc.problems, lang, key="data_region_problems")
        return
    if upload.warnings:
        show_problems(upload.warnings, lang, key="data_region_warnings")
    counts = {"kode": upload.kode_kab, "kec": fmt.number(len(upload.kecamatan), lang)}
    st.success(t("data.region_checked", lang, desa=fmt.number(len(upload.desa), lang), **counts))
    nama = st.text_input(
        t("data.region_name", lang), upload.property_value("nama_kab", "wadmkk") or "", key="data_region_name"
    )
    provinsi = st.text_input(
        t("data.region_province", lang), upload.property_value("provinsi", "wadmpr") or "", key="data_region_prov"
    )
    ready = boundaries.is_plain_name(nama) and boundaries.is_plain_name(provinsi)
    if (nama or provinsi) and not ready:
        st.warning(t("data.region_name_rule", lang))
    if st.button(t("data.region_commit", lang), key="data_region_commit", type="primary", disabled=not ready):
        files = [kecamatan] + ([desa] if desa else [])
        try:
            names, data = [f[0] for f in files], [f[1] for f in files]
            write(lambda con: boundary_store.commit(con, upload, nama.strip(), provinsi.strip(), names, data, editor))
        except ImportRejected as exc:
            show_problems(exc.problems, lang, key="data_region_commit_problems")
            return
        st.session_state[_DONE] = t("data.region_done", lang, name=plain(nama.strip()))
        st.session_state[_ROUND] = round_ + 1
        st.rerun()
