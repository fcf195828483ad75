"""The agents tab: each Perisai agent's book month by month from the extracts, beside the Perisai reports."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ucj import fmt
from ucj.i18n import t
from ucj.provenance import kind_label
from ucj.retention.charts import BOOK_MEASURES, book_chart
from ucj.retention.export import public_csv
from ucj.retention.extract import Extract
from ui.db import query
from ui.layout import Context
from ui.retention.data import perisai_reports


def render(ctx: Context, extract: Extract) -> None:
    lang = ctx.lang
    books = query("retention_agent_books", kode_kab=ctx.kode_kab)
    if books.empty:
        st.info(t("ret.book.none", lang))
    else:
        st.altair_chart(book_chart(books, lang), width="content")
        # The newest month's book, and everyone who came back over the whole window.
        last = books.sort_values("month").groupby("agent").tail(1).set_index("agent")
        last["recovered"] = books.groupby("agent")["recovered"].sum()
        shown = pd.DataFrame({t("ret.col.agent", lang): last.index})
        shown[t("kalk.col.month", lang)] = [fmt.month(pd.Timestamp(m).date(), lang) for m in last["month"]]
        for measure in BOOK_MEASURES:
            label = t("ret.book.recovered_window", lang) if measure == "recovered" else t(f"ret.book.{measure}", lang)
            shown[label] = [fmt.number(n, lang) for n in last[measure]]
        st.dataframe(shown, hide_index=True, key="ret_books_table")
        st.download_button(
            t("ret.export.csv", lang),
            public_csv(books, list(BOOK_MEASURES), extract.label(lang), lang),
            file_name=f"buku-agen-{ctx.slug}.csv",
            mime="text/csv",
            key="ret_books_csv",
        )
    reports = perisai_reports(ctx.kode_kab)
    if not reports.empty:
        st.markdown(f"**{t('ret.book.reports', lang)}**")
        st.dataframe(
            pd.DataFrame(
                {
                    t("ret.col.agent", lang): reports["label"],
                    t("ret.col.desa", lang): reports["nama"],
                    t("ret.book.registered", lang): reports["participants"].map(lambda n: fmt.number(n, lang)),
                    t("ret.book.paying", lang): [
                        f"{fmt.number(lo, lang)}–{fmt.number(hi, lang)}"
                        for lo, hi in zip(reports["paying_low"], reports["paying_high"])
                    ],
                    t("ret.book.kind", lang): [
                        f"{kind_label(k, lang)} · {s}" for k, s in zip(reports["kind"], reports["source_short"])
                    ],
                }
            ),
            hide_index=True,
            key="ret_books_reports",
        )
