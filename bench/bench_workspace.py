"""Benchmark of workspaces from the national data: opening a kab/kota for the first time, and the bytes
a map view costs for every kab/kota of Jawa Timur.

Run: .venv/bin/python bench/bench_workspace.py  (goals: < 1 s server time to open a kab/kota of 30+
kecamatan for the first time; < 150 KB per map view)

"first open" is the server's work from choosing a kab/kota to its kecamatan map: reading its part of
the national files, storing region, kecamatan, desa, polygons and population in one transaction,
then the map's polygons simplified for the view (`map_boundaries` + `feature_collection`). Each is
timed in a fresh process (cold caches, the parquet files read for the first time) and the median of
three is shown. "KB/view" is the map element as the server sends it (streamlit-folium's arguments, as
in bench_map.py), opened in AppTest at the map page, for all 38 kab/kota of Jawa Timur; the desa
view (one kecamatan's desa, after a click) is measured for every kecamatan, with the same functions
the page uses, and the largest is shown. Last, the province page of Jawa Timur with all 38 in the
workspace.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402
from streamlit_folium import _get_feature_group_string, _get_map_string  # noqa: E402

from ucj.build import build  # noqa: E402
from ucj.db import Database, run_query  # noqa: E402
from ucj.map.choropleth import base_map, choropleth_layer  # noqa: E402
from ucj.map.geometry import feature_collection  # noqa: E402
from ucj.map.metric_style import classes_for, formatter  # noqa: E402
from ucj.workspace import national  # noqa: E402
from ucj.workspace.regions import add_kabkota  # noqa: E402

FIRST_OPEN = ("35.07", "35.22", "32.01")  # Kab. Malang 33, Kab. Bojonegoro 28, Kab. Bogor 40 kecamatan
RUNS = 3
_CHILD = """
import sys, time, json
from pathlib import Path
started, cpu = time.perf_counter(), time.process_time()
from ucj.db import Database, run_query
from ucj.map.geometry import feature_collection
from ucj.workspace.regions import add_kabkota
imported, cpu_imported = time.perf_counter(), time.process_time()
db = Database(Path(sys.argv[1]))
with db.writer() as con:
    added = add_kabkota(con, sys.argv[2], "bench")
stored = time.perf_counter()
with db.reading() as cur:
    features = feature_collection(run_query(cur, "map_boundaries", kode_kab=sys.argv[2], level="kecamatan"))
drawn, cpu_drawn = time.perf_counter(), time.process_time()
print(json.dumps({"kecamatan": added.kecamatan, "desa": added.desa, "imports": imported - started,
                  "store": stored - imported, "map": drawn - stored, "cpu": cpu_drawn - cpu_imported}))
"""


def first_open(base: Path, kode: str, tmp: Path) -> dict[str, float]:
    """Median over RUNS fresh processes, each adding `kode` to its own copy of the workspace."""
    runs = []
    for i in range(RUNS):
        path = tmp / f"open_{kode}_{i}.duckdb"
        shutil.copy(base, path)
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path), kode], cwd=ROOT, capture_output=True, text=True, check=True
        )
        runs.append(json.loads(out.stdout))
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def map_view_bytes(slug: str, page: str = "views/map.py") -> int:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update({"region": slug, "lang": "id"})
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return len(at.get("component_instance")[0].proto.SerializeToString())


def desa_view_bytes(con: duckdb.DuckDBPyConnection, kode_kab: str) -> tuple[int, str]:
    """The largest one-kecamatan desa map of a kab/kota (no figures: every area 'tidak ada data')."""
    rows = run_query(con, "map_boundaries", kode_kab=kode_kab, level="desa")
    largest = (0, "")
    for kec, part in rows.groupby("kode_kec"):
        features = feature_collection(part)
        codes = [f["properties"]["kode"] for f in features["features"]]
        layer = choropleth_layer(
            features,
            dict.fromkeys(codes),
            dict.fromkeys(codes, "estimate"),
            classes_for("coverage", []),
            label="coverage",
            fmt_value=formatter("coverage", "id"),
        )
        base = base_map(features)
        base.render()
        size = len(_get_map_string(base)) + len(_get_feature_group_string(layer, base))
        largest = max(largest, (size, kec))
    return largest


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        base = tmp / "base.duckdb"
        build(out=base)
        opened = {kode: first_open(base, kode, tmp) for kode in FIRST_OPEN}
        head = f"{'first open':<28} {'kec':>4} {'desa':>5} {'store s':>8} {'map s':>6} {'total s':>8} {'cpu s':>6}"
        print(f"{head} {'imports s':>9}")
        for kode, r in opened.items():
            name = national.kabkota_row(kode)["nama"]
            total = r["store"] + r["map"]
            print(
                f"{kode} {name:<22} {r['kecamatan']:>4.0f} {r['desa']:>5.0f} {r['store']:>8.2f} {r['map']:>6.2f}"
                f" {total:>8.2f} {r['cpu']:>6.2f} {r['imports']:>9.2f}"
            )
        print("goal: store + map < 1 s; cpu: this process's CPU time for both (the wall time includes waiting")
        print("for the CPU on a shared machine); imports: Python modules loaded once per server process, not per open")

        jatim = tmp / "jatim.duckdb"
        shutil.copy(base, jatim)
        db = Database(jatim)
        with db.writer() as con:
            present = set(run_query(con, "regions")["kode_kab"])
            for kode in national.kabkota().query("kode_prov == '35'").index:
                if kode not in present:
                    add_kabkota(con, kode, "bench")
        with db.reading() as con:
            regions = run_query(con, "regions").query("kode_kab.str.startswith('35.')")
            desa = {k: desa_view_bytes(con, k) for k in regions["kode_kab"]}
        db.close()
        os.environ["UCJ_WORKSPACE"] = str(jatim)
        started = time.perf_counter()
        sizes = {row.kode_kab: (row.nama, map_view_bytes(row.slug)) for row in regions.itertuples()}
        seconds = time.perf_counter() - started
        province = map_view_bytes("jember", "views/province.py")
    print(f"\n{'Jawa Timur':<34} {'KB kecamatan view':>18} {'KB largest desa view':>21}")
    for kode, (name, size) in sorted(sizes.items(), key=lambda item: -item[1][1]):
        print(f"{kode} {name:<28} {size / 1024:>18.1f} {desa[kode][0] / 1024:>14.1f} {desa[kode][1]}")
    big = max(sizes.items(), key=lambda item: item[1][1])
    big_desa = max(desa.items(), key=lambda item: item[1][0])
    print(
        f"{len(sizes)} kab/kota in {seconds:.0f} s; largest kecamatan view {big[0]} {big[1][0]} "
        f"{big[1][1] / 1024:.1f} KB; largest desa view {big_desa[1][1]} {big_desa[1][0] / 1024:.1f} KB "
        "(goal < 150 KB)"
    )
    print(f"province map of Jawa Timur (38 kab/kota, every one of them in the workspace): {province / 1024:.1f} KB")


if __name__ == "__main__":
    main()
