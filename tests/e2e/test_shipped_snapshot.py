"""A first visit restores the memory snapshot that the build ships (builder/snapshot.py,
assets/boot.js) instead of booting Python: it reaches ready, shows every screen before the
standard library has come, then takes it, loads pydantic and acts. Bytes that fail their
hash are refused and Python boots in full; a page that a service worker serves never
fetches it (test_snapshot.py: a returning visit restores its own)."""

import base64
import hashlib
import json
import re
import zipfile

import build
import pytest
from tests.e2e.test_offline import create_group

from app.sync import shards
from app.views import NEED_PYDANTIC, SCREENS
from support.halfday import half_day

DIST = build.DIST

BOOT = "document.documentElement.dataset.boot"
STARTUP = re.compile(r"const STARTUP = (\{.*?\n\});", re.S)


def startup() -> dict:
    return json.loads(STARTUP.search((DIST / "index.html").read_text())[1])


def integrity(data: bytes) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()


def test_the_build_ships_the_snapshot_of_this_build_with_its_hash():
    manifest = startup()
    shipped = manifest["shipped"]
    snapshot = DIST / shipped["url"]
    assert snapshot.name == f"snapshot-{manifest['snapshot']}.bin"
    assert snapshot.stat().st_size > 30 * 2**20
    assert shipped["integrity"] == integrity(snapshot.read_bytes())
    assert (DIST / shipped["stdlib"]["url"]).name == "python_stdlib.zip"
    assert shipped["stdlib"]["integrity"] == integrity((DIST / shipped["stdlib"]["url"]).read_bytes())
    with zipfile.ZipFile(DIST / shipped["pending"]) as pending:  # what Pyodide takes meanwhile
        assert pending.namelist() == []
    # Fetched by the page only when it restores the snapshot: not preloaded.
    assert "python_stdlib.zip" not in re.findall(r'<link rel="preload" href="([^"]+)"', (DIST / "index.html").read_text())


def test_a_first_visit_restores_it_then_takes_the_standard_library_then_pydantic(app, guard):
    app.open()
    assert app.page.evaluate(BOOT) == "shipped"
    app.wait_until_checked()
    requested = [url.rsplit("/", 1)[-1] for url in guard.requests]
    snapshot = next(name for name in requested if name.startswith("snapshot-"))
    assert requested.index("python_stdlib.zip") > requested.index(snapshot), requested
    create_group(app.page, "Cadres de santé")  # an action, checked by pydantic
    app.page.reload()  # no service worker here: a first visit again
    app.assert_ready()
    assert app.page.evaluate(BOOT) == "shipped"
    app.page.get_by_role("heading", level=1, name="Cadres de santé").wait_for()


def test_every_screen_shows_before_the_standard_library_has_come(app):
    """On a slow network the standard library comes a second or more after the first
    screen: every screen that needs no pydantic must show meanwhile, from what the snapshot
    holds (a module of the standard library imported then would fail: it is not there)."""
    held = []
    app.page.route("**/python_stdlib.zip", lambda route: held.append(route))
    app.open()
    assert app.page.evaluate(BOOT) == "shipped"
    screens = sorted(set(SCREENS) - NEED_PYDANTIC)
    assert {"home", "group", "session", "protocols", "transfer", "history", "setup", "presentation"} <= set(screens)
    for screen in screens:
        app.page.evaluate("(screen) => { location.hash = `#/${screen}?id=unknown`; }", screen)
        app.page.locator(f'main [data-screen="{screen}"] h1').first.wait_for()
    assert held, "the standard library was not asked for"
    assert app.page.evaluate("document.documentElement.dataset.checks") != "ready"
    held[0].continue_()
    app.page.evaluate("location.hash = '#/'")
    app.wait_until_checked()
    create_group(app.page, "Cadres de santé")


def test_what_a_browser_holds_is_read_with_the_standard_library_restored_beside_the_snapshot(app):
    """Reading stored data imports modules the snapshot lacks (a text codec, for one): a
    page that no service worker serves but whose browser holds Cercle's data (a browser
    without one) restores the snapshot with the standard library, and shows the data
    before pydantic is up, as a full boot does (app/web/startup/checks.py)."""
    items = shards.items(half_day().ws)
    app.page.add_init_script("(items => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); })(%s)"
                             % json.dumps(items))
    held = []
    app.page.route("**/pyodide/pydantic_core-*.whl", lambda route: held.append(route))
    app.open()
    assert app.page.evaluate(BOOT) == "shipped"
    assert app.page.get_by_role("link", name=re.compile(half_day().ws.groups["g-1"].name)).count() >= 1
    app.page.wait_for_timeout(300)
    assert held and app.page.evaluate("document.documentElement.dataset.checks") is None, "painted before pydantic"
    for route in held:
        route.continue_()
    app.wait_until_checked()


@pytest.mark.allow_errors  # the browser says on the console that the hash did not match
def test_a_snapshot_that_fails_its_hash_is_refused_and_python_boots_in_full(app):
    def altered(route):
        if route.request.method == "HEAD":
            route.continue_()
            return
        body = bytearray(route.fetch().body())
        body[len(body) // 2] ^= 0x01
        route.fulfill(body=bytes(body), headers={"Content-Type": "application/octet-stream"})

    app.page.route("**/pyodide/snapshot-*.bin", altered)
    messages = []
    app.page.on("console", lambda message: messages.append(message.text))
    app.open()
    assert app.page.evaluate(BOOT) == "full"
    assert any("shipped memory snapshot could not be fetched" in text for text in messages), messages
    app.wait_until_checked()
    create_group(app.page, "Cadres de santé")


def test_a_host_that_sends_it_uncompressed_is_not_asked_for_it(browser, tmp_path):
    """31 MB whole instead of 4 in brotli: not worth it. The page asks first (HEAD), sees
    no Content-Encoding and a length over its bound, and Python boots in full."""
    for path in DIST.rglob("*"):
        if path.is_file() and not (path.name.startswith("snapshot-") and path.suffix in (".br", ".gz")):
            (tmp_path / path.relative_to(DIST)).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path.relative_to(DIST)).symlink_to(path)
    server, base = build.start_server({"/": tmp_path})
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        asked = []
        page.on("request", lambda request: asked.append((request.method, request.url.rsplit("/", 1)[-1])))
        page.goto(base)
        page.wait_for_selector("html[data-checks=ready]", state="attached")
        assert page.evaluate(BOOT) == "full"
        assert [method for method, name in asked if name.startswith("snapshot-")] == ["HEAD"], asked
        assert ("GET", "python_stdlib.zip") in asked
    finally:
        context.close()
        server.shutdown()
