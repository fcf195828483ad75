"""What one element costs a fresh browser: a page of N elements of one kind beside the bare page.

Run: .venv/bin/python bench/element_costs.py [--n 8] [--kinds markdown:20,expander:12]

Issue 17 measures a page against a bare Streamlit page (a title and one line of text). Once the server's
share is small (bench_pages: 0,02–0,07 s of CPU a view), what is left is the browser drawing Streamlit's
elements on the same two cores, and that cost is Streamlit's, not the app's: this script measures it
without the app (but for "sortable", the app's own table, to set beside st.dataframe). One server serves
a synthetic page that draws, after the bare page's title and line, N elements of the kind its URL names
(`?kind=expander&n=12`); with n=0 it is the bare page. Every kind, with one element and with N, is opened
--n times in fresh headless-chromium contexts, alternating with the bare page. The script prints what the
first element adds to the medians of "load" and "drawn" (bench_pages' two tests) and what each further
element adds. "drawn" is what a viewer sees: a kind whose code Streamlit fetches only on its first arrival
(a selectbox, a metric, a chart, a table, st.html) is a skeleton at "load", and pays that fetch once. Both
are looked for on every animation frame, not every 50 ms as in bench_pages, as a few milliseconds matter here.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.async_api import Browser, async_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_pages import DESKTOP, Load, load_once  # noqa: E402
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, run_streamlit  # noqa: E402

# Each kind is one element as the app's pages draw it, with text of the app's length.
PAGE = """import altair as alt
import pandas as pd
import streamlit as st

from ui.sortable_table import sortable_table

kind, n = st.query_params.get("kind", ""), int(st.query_params.get("n", "0"))
st.title("Halaman kosong")
st.write("Satu baris teks.")
table = pd.DataFrame({"Kecamatan": ["Koto Tangah", "Kuranji", "Pauh"], "Cakupan": [12.3, 45.6, 78.9]})
for i in range(n):
    if kind == "markdown":
        st.markdown(f"Baris **{i}** dengan sedikit teks, *miring*, dan angka Rp 1.234.567.")
    elif kind == "caption":
        st.caption(f"Sumber {i}: BPJS Ketenagakerjaan, Desember 2025.")
    elif kind == "subheader":
        st.subheader(f"Judul {i}")
    elif kind == "info":
        st.info(f"Catatan {i}: angka ini perkiraan.")
    elif kind == "expander":
        with st.expander(f"Indikator {i} — 2/5 ▼", expanded=i < 3):
            st.markdown(f"**Tingkat sekarang** teks tingkat {i}.")
    elif kind == "columns":
        left, right = st.columns(2)
        left.markdown(f"kiri {i}")
        right.markdown(f"kanan {i}")
    elif kind == "metric":
        st.metric(f"Cakupan {i}", "12,3 %", "+1,2")
    elif kind == "button":
        st.button(f"Tombol {i}", key=f"button{i}")
    elif kind == "selectbox":
        st.selectbox(f"Pilihan {i}", ["Padang", "Sijunjung", "Jember"], key=f"select{i}")
    elif kind == "dataframe":
        st.dataframe(table, hide_index=True, key=f"table{i}")
    elif kind == "sortable":  # the app's read-only table (ui/sortable_table), drawn where st.dataframe was
        sortable_table(table, key=f"sortable{i}")
    elif kind == "chart":
        st.altair_chart(alt.Chart(table).mark_bar().encode(x="Cakupan", y="Kecamatan"), key=f"chart{i}")
    elif kind == "html":
        st.html(f"<p>Baris <b>{i}</b> dengan sedikit teks, <i>miring</i>, dan angka Rp 1.234.567.</p>")
"""
KINDS = (
    "markdown:20,caption:20,subheader:10,info:10,expander:12,columns:10,metric:10,button:10,selectbox:5,"
    "dataframe:3,sortable:3,chart:3,html:10"
)


def median(loads: list[Load], attribute: str) -> float:
    return statistics.median(getattr(load, attribute) for load in loads)


async def compare(browser: Browser, base_url: str, kind: str, count: int, n: int) -> str:
    """One kind's line: what its first element adds to the bare page, and what each further one adds.

    A kind whose code Streamlit fetches on its first arrival pays that once, so one element and `count`
    elements are both measured: cost(count) ≈ first + (count - 1) × each."""
    one, many, bare = (f"{base_url}/?kind={kind}&n={k}" for k in (1, count, 0))
    loads: dict[str, list[Load]] = {one: [], many: [], bare: []}
    for _ in range(n):
        for url in loads:
            loads[url].append(await load_once(browser, url, DESKTOP, False, polling="raf"))
    parts = [f"{kind:<10}"]
    for attribute, name in (("loaded", "load"), ("drawn", "drawn")):
        first = median(loads[one], attribute) - median(loads[bare], attribute)
        each = (median(loads[many], attribute) - median(loads[one], attribute)) / (count - 1)
        parts.append(f"{name}: first {first * 1000:+4.0f} ms, each further {each * 1000:+5.1f} ms")
    return "   ".join(parts) + f"   (×{count}, bare page {median(loads[bare], 'loaded'):.2f} s)"


async def run(args: argparse.Namespace) -> None:
    kinds = [(kind, int(count)) for kind, count in (item.split(":") for item in args.kinds.split(","))]
    if any(count < 2 for _, count in kinds):
        raise SystemExit("--kinds: every count is 2 or more (one element and `count` are compared)")
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "elements.py"
        script.write_text(PAGE, encoding="utf-8")
        with run_streamlit(script) as base_url:
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(
                    executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
                )
                for kind, count in kinds:  # warm the server and its caches once per kind
                    await load_once(browser, f"{base_url}/?kind={kind}&n={count}", DESKTOP, False)
                for kind, count in kinds:
                    print(await compare(browser, base_url, kind, count, args.n), flush=True)
                await browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=8, help="loads per kind and count")
    parser.add_argument("--kinds", default=KINDS, help=f"kind:count,… (default {KINDS})")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
