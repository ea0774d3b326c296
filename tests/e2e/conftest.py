"""End-to-end fixtures: the built dist/ served on a free localhost port (at the root and
under a sub-path), one Chromium for the whole run, and a `page` per test, in a fresh
browser context, that fails its test on any request off the server's origin, any
violation of the page's Content-Security-Policy, JavaScript error, failed response or
Python traceback.

Mark a test `@pytest.mark.allow_errors` when it expects the page to fail (off-origin
requests and CSP violations still fail it), and `@pytest.mark.context(locale="en-US", ...)` to set options of
its browser context. Contexts block service workers unless a test asks for them
(`context(service_workers="allow")`, tests/e2e/test_offline.py): with one, the page stores
the whole build (17 MB) after every start, which the other tests do not look at, and a
request the worker answers never reaches `page.route`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Error, Page, TimeoutError, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import build  # noqa: E402  (the same static server as `python3 build.py serve`)

SUB_PATH = "/some/sub/path/"
BOOT_TIMEOUT_MS = 60_000  # Pyodide boots in about 3 s; CI machines are shared and slow
TRACEBACK_MARKERS = ("Traceback (most recent call last)", "PythonError")
# In every page and frame, before its own scripts: what the Content-Security-Policy blocked
# (index.html's, a summary's) is said on the console, where the guard finds it.
CSP_MARKER = "Content-Security-Policy violation:"
REPORT_CSP_VIOLATIONS = """addEventListener("securitypolicyviolation", (event) => console.error(
  %s, event.effectiveDirective, event.blockedURI || "inline", event.sourceFile + ":" + event.lineNumber + ":" + event.columnNumber, event.sample));""" % repr(CSP_MARKER)
GUARD = pytest.StashKey["PageGuard"]()


class PageGuard:
    """Watches one browser context and lists what should fail the test."""

    def __init__(self, origin: str, allow_errors: bool) -> None:
        self.origin = origin
        self.allow_errors = allow_errors
        self.requests: list[str] = []
        self.off_origin: list[str] = []
        self.violations: list[str] = []
        self.errors: list[str] = []

    def watch(self, context) -> None:
        """Listen to every page of a browser context (before they are opened)."""
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        context.on("request", self.on_request)
        context.on("response", self.on_response)
        context.on("console", self.on_console)
        context.on("weberror", lambda web_error: self.on_page_error(web_error.error))

    def on_request(self, request) -> None:
        url = request.url
        self.requests.append(url)
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob"):
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.off_origin.append(url)

    def on_console(self, message) -> None:
        text = message.text
        if text.startswith(CSP_MARKER):
            self.violations.append(text)
        elif message.type == "error":
            self.errors.append(f"console error: {text}")
        elif any(marker in text for marker in TRACEBACK_MARKERS):
            self.errors.append(f"Python traceback in console.{message.type}: {text}")

    def on_page_error(self, error) -> None:
        self.errors.append(f"page error: {error}")

    def on_response(self, response) -> None:
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status} for {response.url}")

    def problems(self) -> list[str]:
        found = [f"request off {self.origin}: {url}" for url in self.off_origin] + self.violations
        if not self.allow_errors:
            found += self.errors
        return found

    def reset(self) -> None:
        self.off_origin.clear()
        self.violations.clear()
        self.errors.clear()


def wait_for_function(page: Page, expression: str, *, arg=None, timeout: float | None = None, polling=None):
    """Page.wait_for_function, polling through `evaluate`. Playwright's own polls with the
    page's `eval()`, which index.html's Content-Security-Policy forbids (no 'unsafe-eval',
    as it should: the page never needs it); `evaluate` goes through the DevTools protocol,
    which the policy does not govern, as a developer's console is not."""
    deadline = time.monotonic() + (BOOT_TIMEOUT_MS if timeout is None else timeout) / 1000
    while True:
        try:
            value = page.evaluate(expression, arg)
        except Error as error:  # the page was navigating: its next document answers
            if "context was destroyed" not in error.message and "navigation" not in error.message:
                raise
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"wait_for_function: {expression!r} still false after {timeout or BOOT_TIMEOUT_MS} ms")
        time.sleep((polling if isinstance(polling, (int, float)) else 50) / 1000)


def add_script_tag(page: Page, *, path=None, content=None, **_):
    """Page.add_script_tag for the tools the tests bring (axe-core): run through `evaluate`,
    since the page's Content-Security-Policy refuses an inline script, as it should."""
    page.evaluate(content if content is not None else Path(path).read_text())


Page.wait_for_function = wait_for_function
Page.add_script_tag = add_script_tag


def pytest_collection_modifyitems(items):
    """End-to-end tests run last: unit tests give their answer first, and Playwright's sync
    API keeps an asyncio loop running in this thread (asyncio.run() refuses to run inside
    it) from the first browser test until the end of the session."""
    here = Path(__file__).parent
    items.sort(key=lambda item: here in Path(item.path).parents)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After a test body passes, fail it if its page did anything forbidden."""
    result = yield
    guard = item.stash.get(GUARD, None)
    if guard is not None and guard.problems():
        raise AssertionError("the page misbehaved:\n  " + "\n  ".join(guard.problems()))
    return result


@pytest.fixture(scope="session")
def base_url() -> str:
    """http://127.0.0.1:PORT/ serving dist/ (also under SUB_PATH)."""
    if not (build.DIST / "index.html").is_file():
        pytest.exit("dist/ is missing: run `python3 build.py test` (it builds first) or `python3 build.py`", returncode=2)
    server, url = build.start_server({"/": build.DIST, SUB_PATH: build.DIST})
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Browser:
    """One Chromium for the run: the system's where there is one, else Playwright's."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=build.chromium_executable(), args=list(build.CHROMIUM_ARGS))
        yield chromium
        chromium.close()


@pytest.fixture
def guard(request, base_url: str) -> PageGuard:
    allow = request.node.get_closest_marker("allow_errors") is not None
    watcher = PageGuard(base_url.rstrip("/"), allow_errors=allow)
    request.node.stash[GUARD] = watcher
    return watcher


@pytest.fixture
def page(request, browser: Browser, guard: PageGuard) -> Page:
    """A page in a fresh context (empty cache and storage), French by default."""
    marker = request.node.get_closest_marker("context")
    options = {"locale": "fr-FR", "service_workers": "block", **(marker.kwargs if marker else {})}
    context = browser.new_context(**options)
    guard.watch(context)
    tab = context.new_page()
    tab.set_default_timeout(BOOT_TIMEOUT_MS)
    yield tab
    context.close()


class App:
    """The app in one page: open it, wait for Python, read its state."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")

    def state(self) -> str:
        return self.page.evaluate("document.documentElement.dataset.appState")

    def wait_until_started(self) -> str:
        """Wait until Python is up or the page gave up; returns "ready" or "error"."""
        self.page.wait_for_function(
            "['ready', 'error'].includes(document.documentElement.dataset.appState)",
            timeout=BOOT_TIMEOUT_MS,
        )
        return self.state()

    def open(self, path: str = "") -> None:
        """Load the app and wait until it is ready; on failure, show what the page says."""
        self.page.goto(self.url(path))
        self.assert_ready()

    def wait_until_checked(self) -> None:
        """Wait until pydantic is up after the first screen (app/web/startup/checks.py)."""
        self.page.wait_for_function(
            "document.documentElement.dataset.checks === 'ready' || document.documentElement.dataset.appState === 'error'",
            timeout=BOOT_TIMEOUT_MS,
        )
        assert self.state() == "ready", f"the page says:\n{self.page.inner_text('body')}"

    def assert_ready(self) -> None:
        state = self.wait_until_started()
        assert state == "ready", f"app state {state!r}; the page says:\n{self.page.inner_text('body')}"


@pytest.fixture
def sub_path() -> str:
    """The sub-path under which the server also serves dist/."""
    return SUB_PATH


@pytest.fixture
def app(page: Page, base_url: str) -> App:
    return App(page, base_url)
