"""Benchmark: what a hostile upload, Excel file and scenario link cost the server in memory (peak RSS).

Run: .venv/bin/python bench/bench_hardening.py [--upload-mb 199]
Starts the app as deployed (.streamlit/config.toml), reads the server's peak RSS (VmHWM) from /proc
after each attack, and prints a table. With --before it also runs the server with Streamlit's default
upload cap (200 MB), as before the cap was set, for comparison. Numbers are this machine's; report them.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Error as BrowserError
from playwright.sync_api import sync_playwright

from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, SERVER, run_streamlit, wait_for_app
from ucj.build import build
from ucj.imports.problems import ImportRejected
from ucj.imports.reading import read_table
from ucj.paths import ROOT

CHUNK = b"\0" * (1 << 20)


def server_pid(port: int) -> int:
    """The `streamlit run` process listening on `port` (found by its command line)."""
    for proc in Path("/proc").iterdir():
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"streamlit" in b" ".join(args) and str(port).encode() in args:
            return int(proc.name)
    raise RuntimeError(f"no streamlit server on port {port}")


def memory_mb(pid: int) -> tuple[float, float]:
    """(current RSS, peak RSS) of `pid` in MB."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def hostile_upload(base_url: str, megabytes: int) -> str:
    """PUT `megabytes` of body to the upload endpoint, as an anonymous script would; the server's answer."""
    parts = urlsplit(base_url)
    con = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    try:
        con.putrequest("PUT", "/_stcore/upload_file/x/y")
        con.putheader("Content-Length", str(megabytes << 20))
        con.endheaders()
        for _ in range(megabytes):
            con.send(CHUNK)
        return str(con.getresponse().status)
    except (ConnectionError, OSError) as exc:  # the server closed the connection: refused before reading
        return f"closed ({type(exc).__name__})"
    finally:
        con.close()


def link(raw: bytes) -> str:
    return "1." + base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")


LINKS = {
    "s= zlib 300 MB": link(b" " * (300 << 20)),
    "s= zlib 20 MB (under the length cap)": link(b" " * (20 << 20)),
    "s= 200.000 '['": link(b"[" * 200_000),
}


def _row(step: str, answer: str, pid: int) -> None:
    rss, peak = memory_mb(pid)
    print(f"| {step} | {answer} | {rss:,.0f} | {peak:,.0f} |", flush=True)


def attack_server(upload_mb: int, db: Path, extra_args: dict[str, str]) -> None:
    with run_streamlit(SERVER, env={"UCJ_WORKSPACE": str(db), **extra_args}) as base_url:
        pid = server_pid(urlsplit(base_url).port)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"{base_url}/?region=padang")
            wait_for_app(page, 120_000)
            _row("idle, home page shown", "", pid)
            answer = hostile_upload(base_url, upload_mb)
            time.sleep(1)
            _row(f"PUT {upload_mb} MB upload", answer, pid)
            page.goto(f"{base_url}/kalkulator?region=padang")
            wait_for_app(page, 180_000)
            _row("Kalkulator shown, no link (baseline for the links)", "", pid)
            for name, text in LINKS.items():
                try:
                    page.goto(f"{base_url}/kalkulator?{urlencode({'region': 'padang', 's': text})}")
                    wait_for_app(page, 180_000)
                    shown = page.get_by_test_id("stAlert").first.inner_text()[:70]
                except BrowserError as exc:  # the HTTP server refused the address itself
                    shown = str(exc).splitlines()[0][:70]
                _row(f"{name} ({len(text):,} chars)", shown, pid)
            browser.close()


def excel_in_process() -> tuple[str, float, float]:
    """The issue's Excel attack (2,7 million cells, a few hundred KB) through the import reader.

    Run in a fresh process (this script with --excel-only) so its peak RSS is the reading's, not the
    making of the file.
    """
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as made:
        subprocess.run(
            [
                sys.executable,
                "-c",
                f"from tests.data_support import xlsx_with_cells as x; open({made.name!r}, 'wb')"
                ".write(x(2_700_000, columns=100))",
            ],
            cwd=ROOT,
            check=True,
        )
        data = Path(made.name).read_bytes()
    started = time.perf_counter()
    try:
        read_table("besar.xlsx", data)
        outcome = "read"
    except ImportRejected as exc:
        outcome = exc.problems[0].code
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return f"{outcome}, file {len(data) / 1024:,.0f} KB", seconds, peak


def excel_report() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    outcome, seconds, peak = excel_in_process()
    print(f"Excel 2,7 M cells: {outcome}; {seconds:.1f} s; peak RSS {before:,.0f} MB before, {peak:,.0f} MB after")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--upload-mb", type=int, default=199)
    parser.add_argument("--before", action="store_true", help="also run with Streamlit's default 200 MB cap")
    parser.add_argument("--excel-only", action="store_true")
    args = parser.parse_args()
    if args.excel_only:
        excel_report()
        return
    subprocess.run([sys.executable, __file__, "--excel-only"], check=True)
    with tempfile.TemporaryDirectory() as folder:
        db = build(out=Path(folder) / "bench.duckdb").path
        runs = {"as deployed (maxUploadSize 20 MB)": {}}
        if args.before:
            runs["Streamlit default cap (200 MB)"] = {"STREAMLIT_SERVER_MAX_UPLOAD_SIZE": "200"}
        for title, env in runs.items():
            print(f"\n## {title}\n| step | answer | RSS MB | peak RSS MB |\n|---|---|---|---|", flush=True)
            attack_server(args.upload_mb, db, env)


if __name__ == "__main__":
    main()
