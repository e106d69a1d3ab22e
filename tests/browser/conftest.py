"""Browser tests of the web page (service/web/, served at /): Playwright for Python driving
Debian's chromium (/usr/bin/chromium, headless) against a live `skillmatch serve --init` process
on the default data with a temporary database and index folder.

The server's model is the service default, the real model (SKILLMATCH_BROWSER_MODEL overrides
it; see tests/browser/support.py). Screenshots go to
SKILLMATCH_SCREENSHOTS (default var/screenshots/); their paths are printed by each test and
listed at the end of the run.

The tests carry the `browser` marker (and `slow`: the server loads the full taxonomy) and are
skipped, with the reason, when playwright or chromium is missing.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    EmployerWorld,
    LiveServer,
    make_employer,
    missing_requirement,
    model_name,
    save_screenshot,
    server_env,
)

SHOTS: list[tuple[str, Path]] = []
STARTS: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives the web page in chromium with playwright (a live server)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = missing_requirement()
    if reason is None:
        return
    skip = pytest.mark.skip(reason=f"browser tests need playwright and chromium: {reason}")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter) -> None:
    if not (SHOTS or STARTS):
        return
    terminalreporter.section("browser tests")
    for line in STARTS:
        terminalreporter.write_line(line)
    for test, path in SHOTS:
        terminalreporter.write_line(f"screenshot {path}  ({test})")


# package scope: the server, and Playwright's event loop in the main thread, end with the
# browser tests (a loop left running would break later tests that call asyncio.run)
@pytest.fixture(scope="package")
def live_server() -> Iterator[LiveServer]:
    # a folder of its own, not under pytest's basetemp: another pytest run on the machine
    # prunes old basetemps, and the database must not vanish under the running server
    root = Path(tempfile.mkdtemp(prefix="skillmatch-browser-"))
    server = LiveServer(root, server_env(root))
    try:
        server.start()
        line = (
            f"server ({model_name()}, default data, fresh database) ready after "
            f"{server.ready_after_s:.1f} s"
        )
        STARTS.append(line)
        print(line)
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="package")
def employer(live_server: LiveServer) -> EmployerWorld:
    return make_employer(live_server)


@pytest.fixture(scope="package")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page_factory(chromium, request):
    """New pages (a fresh context each: its own session storage) that fail the test on a
    JavaScript error."""
    contexts = []
    errors: list[str] = []

    def make(width: int = 1024, height: int = 800):
        context = chromium.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        return page

    yield make
    for context in contexts:
        context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def page(page_factory):
    return page_factory()


@pytest.fixture
def screenshot(request, record_property):
    """screenshot(page, name, full_page=True): a PNG of the page (or of the viewport); the path
    is printed and recorded."""

    def take(page, name: str, *, full_page: bool = True) -> Path:
        path = save_screenshot(page, name, full_page=full_page)
        SHOTS.append((request.node.nodeid, path))
        record_property(f"screenshot:{name}", str(path))
        print(f"screenshot: {path}")
        return path

    return take
