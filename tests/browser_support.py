"""Real-browser test harness: a Streamlit server, headless Debian chromium, an offline page.

Every browser test runs with the internet cut off at the browser: the dashboard
must work in meeting rooms and on Pemda intranets, so any request that leaves
127.0.0.1 is aborted and fails the test. Load with
`pytest_plugins = ["tests.browser_support"]` in tests/conftest.py and mark tests
`@pytest.mark.browser`.
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, Route, WebSocketRoute, sync_playwright

REPO_ROOT = Path(__file__).resolve().parent.parent
SERVER = REPO_ROOT / "serve.py"  # what scripts/run.sh serves: app.py behind the in-memory static files
CHROMIUM = Path("/usr/bin/chromium")
# Without these, chromium stalls on the closed network (component updates, sync...).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# Every http(s)/ws(s) URL off this machine. A pattern, not a function: Playwright then intercepts only the URLs
# it matches, where a function made it intercept every request of the page (~0,1 s more per fresh load).
EXTERNAL = re.compile(r"^(?:https?|wss?)://(?!(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?(?:[/?#]|$))", re.IGNORECASE)
SERVER_START_TIMEOUT_S = 30.0
APP_RUN_TIMEOUT_MS = 20_000
# The Leaflet container of ui/map/page_map.js, in the component's shadow root: Playwright's CSS locators pierce it.
MAP = ".ucj-map"
AREAS = f"{MAP} path.leaflet-interactive"

StreamlitServer = Callable[..., AbstractContextManager[str]]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(proc: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    """Poll /_stcore/health until it answers; fail with the server's output if not."""
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(
        f"streamlit did not become healthy at {base_url} (exit code {proc.poll()}):\n"
        + log.read_text(encoding="utf-8", errors="replace")
    )


@contextmanager
def run_streamlit(app_path: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """Serve `app_path` on a free 127.0.0.1 port and yield its base URL.

    Runs from the repository root so .streamlit/config.toml (static serving)
    applies, with the root on PYTHONPATH so the app imports `ui` and `ucj`.
    """
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    child_env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
        **(env or {}),
    }
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app_path),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    with tempfile.NamedTemporaryFile(prefix="streamlit-", suffix=".log", delete=False) as log_file:
        log = Path(log_file.name)
        proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=child_env, stdout=log_file, stderr=subprocess.STDOUT)
    failed = False
    try:
        _wait_healthy(proc, base_url, log)
        yield base_url
    except BaseException:
        failed = True
        raise
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if failed:  # the traceback the page redacts (showErrorDetails), in the failing test's output
            print(f"--- streamlit server log ({app_path.name}) ---")
            print(log.read_text(encoding="utf-8", errors="replace"))
        log.unlink(missing_ok=True)


@pytest.fixture
def streamlit_server() -> StreamlitServer:
    """`with streamlit_server(app_path, env) as base_url:` serves an app for one test."""
    return run_streamlit


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's chromium, headless; Playwright must never download a browser of its own."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def blocked_requests() -> list[str]:
    """URLs the page tried to fetch off this machine; a test that expects some clears it."""
    return []


@pytest.fixture
def page(browser: Browser, blocked_requests: list[str]) -> Iterator[Page]:
    """A fresh page that aborts, records and finally fails on every non-local request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def abort(route: Route) -> None:
        blocked_requests.append(route.request.url)
        route.abort("internetdisconnected")

    def refuse_socket(ws: WebSocketRoute) -> None:
        blocked_requests.append(ws.url)
        ws.close()

    context.route(EXTERNAL, abort)
    context.route_web_socket(EXTERNAL, refuse_socket)
    new_page = context.new_page()
    yield new_page
    context.close()
    if blocked_requests:
        pytest.fail("the page tried to reach the internet:\n" + "\n".join(blocked_requests))


def wait_for_app(page: Page, timeout_ms: int = APP_RUN_TIMEOUT_MS) -> None:
    """Wait until the script run has finished and no element is left stale."""
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]',
        timeout=timeout_ms,
    )
    page.wait_for_function(
        """() => !document.querySelector('[data-stale="true"], [data-testid^="stStatusWidgetRunning"]')""",
        timeout=timeout_ms,
    )


def map_drawn(page: Page, timeout_ms: int = APP_RUN_TIMEOUT_MS) -> Locator:
    """The (first) map of the page, once its areas are drawn."""
    page.locator(AREAS).first.wait_for(state="attached", timeout=timeout_ms)
    return page.locator(MAP).first


def map_properties(page: Page, timeout_ms: int = APP_RUN_TIMEOUT_MS) -> list[dict]:
    """The properties of every area drawn on the page's map (what its tooltips and clicks carry)."""
    return map_drawn(page, timeout_ms).evaluate(
        "box => Object.values(box.ucjMap._layers).filter(l => l.feature).map(l => l.feature.properties)"
    )
