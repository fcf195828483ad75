"""Benchmark: how long one click on "Unduh PDF" / "Unduh PowerPoint" takes, per region.

Times, for the whole deck (six slides) of each region: building the slides from the database,
drawing the pictures (vl-convert), and writing the PDF and the PowerPoint file. Pictures are
drawn afresh in every run (their cache is emptied), as on a server's first export of the day;
vl-convert's own start-up, paid once per server process, is timed apart.

Run: .venv/bin/python bench/bench_export.py [--runs N] [--db path]
Prints a table of wall-clock seconds on this machine (report them, do not assert on them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ucj.build import build
from ucj.db import Database
from ucj.slides import images
from ucj.slides.charts import SCHEMA
from ucj.slides.export_pdf import pdf_bytes
from ucj.slides.export_pptx import pptx_bytes
from ucj.slides.model import Deck, DeckContext
from ucj.slides.registry import SLIDES, build_deck

TODAY = dt.date(2026, 11, 23)


def timed(work: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def forget_pictures() -> None:
    images._png.cache_clear()
    images._svg.cache_clear()


def one_export(db: Database, kode: str, name: str) -> dict[str, float]:
    forget_pictures()
    build_s, deck = timed(lambda: build_deck(list(SLIDES), db.query, DeckContext(kode, name, "id", TODAY)))
    assert isinstance(deck, Deck)
    pictures_s, _ = timed(lambda: [images.png(s.chart, "id") for s in deck.slides if s.chart])
    pdf_s, pdf = timed(lambda: pdf_bytes(deck))
    pptx_s, pptx = timed(lambda: pptx_bytes(deck))
    return {
        "slides": build_s,
        "pictures": pictures_s,
        "pdf": pdf_s,
        "pptx": pptx_s,
        "total": build_s + pictures_s + pdf_s + pptx_s,
        "pdf_kb": len(pdf) / 1024,
        "pptx_kb": len(pptx) / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="an existing database (default: a fresh demo build)")
    args = parser.parse_args()
    startup_s, _ = timed(lambda: images.png({"$schema": SCHEMA, "mark": "point"}, "id"))
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or build(out=Path(tmp) / "bench.duckdb").path
        db = Database(path)
        regions = db.query("regions")
        print(f"vl-convert start-up (once per server process): {startup_s:.2f} s")
        print(f"median of {args.runs} runs, seconds (pictures drawn afresh each run)\n")
        columns = ("slides", "pictures", "pdf", "pptx", "total", "pdf KB", "pptx KB")
        header = f"{'region':24} " + " ".join(f"{c:>8}" for c in columns)
        print(header)
        print("-" * len(header))
        for row in regions.itertuples():
            runs = [one_export(db, row.kode_kab, row.nama) for _ in range(args.runs)]
            m = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
            seconds = " ".join(f"{m[k]:8.2f}" for k in ("slides", "pictures", "pdf", "pptx", "total"))
            print(f"{row.nama:24} {seconds} {m['pdf_kb']:8.0f} {m['pptx_kb']:8.0f}")
        db.close()


if __name__ == "__main__":
    main()
