"""The website widget in a real browser: Debian's headless Chromium, driven by Playwright.

One assistant (Rasa + action server, as in tests/e2e) serves the demo page at
/webhooks/web/demo for the whole session; every test gets a fresh Chromium
profile. Playwright's own browser download is never used: `make browser-deps`
installs Debian's chromium, and Playwright starts it by `executable_path`.

These tests run with `make browser` (pytest -m browser), the last step of
`make test`. A marker expression that does not name them (`make unit` runs
-m "not e2e") leaves them out, as it leaves out the e2e tests.
"""
import functools
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterator, List, Tuple

import pytest
from playwright.sync_api import Page, Playwright, sync_playwright

from scripts.assistant_process import HOST, PROJECT_ROOT, start_assistant
from tests.browser.widget import Widget
from tests.e2e.support import scratch_stores

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# No sandbox: CI runs as root. The rest keeps Chromium off the network it has no use for.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SCREENSHOTS = PROJECT_ROOT / "results" / "screenshots"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives the website widget in headless Chromium (make browser)")


def pytest_collection_modifyitems(config: pytest.Config, items: List[pytest.Item]) -> None:
    expression = config.getoption("markexpr") or ""
    if not expression or "browser" in expression:
        return
    skipped = [item for item in items if item.get_closest_marker("browser")]
    if skipped:
        config.hook.pytest_deselected(items=skipped)
        items[:] = [item for item in items if not item.get_closest_marker("browser")]


def current_model() -> str:
    out = subprocess.run([sys.executable, str(PROJECT_ROOT / "scripts" / "train_if_changed.py"), "--path"],
                         check=True, capture_output=True, text=True, cwd=PROJECT_ROOT)
    return out.stdout.strip().splitlines()[-1]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def other_site(tmp_path_factory) -> Iterator[Tuple[str, Path]]:
    """Another website on its own origin (a static file server): (its address, its folder)."""
    folder: Path = tmp_path_factory.mktemp("other-site")
    server = ThreadingHTTPServer((HOST, 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://{HOST}:{server.server_address[1]}", folder
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def assistant(tmp_path_factory, other_site):
    folder: Path = tmp_path_factory.mktemp("assistant")
    endpoints, env = scratch_stores(folder)
    with start_assistant(current_model(), endpoints=endpoints, log_dir=folder, env=env,
                         cors=[other_site[0]]) as running:
        running.folder = folder
        yield running


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: `make browser-deps` installs Debian's chromium")
    with sync_playwright() as running:
        yield running


@pytest.fixture
def open_demo(assistant, playwright, tmp_path) -> Iterator[Callable[..., Widget]]:
    """Opens the demo page in a new Chromium with an empty profile; returns the widget on it.

    Every page fails its test on an uncaught script error or any dialog
    (an injected alert() would open one).
    """
    contexts = []
    widgets: List[Widget] = []

    def open_page(width: int = 1280, height: int = 800, reduced_motion: bool = True, url: str = "") -> Widget:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / f"profile-{len(contexts)}"), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": width, "height": height},
            reduced_motion="reduce" if reduced_motion else "no-preference")
        contexts.append(context)
        page: Page = context.pages[0] if context.pages else context.new_page()
        widget = Widget(page, assistant.url)
        widgets.append(widget)
        page.goto(url or widget.demo_url)
        return widget

    yield open_page
    for context in contexts:
        context.close()
    for widget in widgets:
        assert not widget.page_errors, f"script errors on the page: {widget.page_errors}"
        assert not widget.dialogs, f"dialogs opened on the page: {widget.dialogs}"


@pytest.fixture
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
