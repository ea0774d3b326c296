"""The page starts: static shell first, then Python renders the home screen; from the root,
from a sub-path, after a reload; and says so in plain words when Python cannot start.

Pyodide boots in about 3 s, so each test checks everything it can from one page load.
"""

import re
import time
from urllib.parse import urlsplit

import pytest

STALL = "**/pyodide/pyodide.asm.wasm"  # the runtime's biggest file: without it, no Python


def stall(route) -> None:
    """Leave the request hanging: the page stays in its loading state."""


def test_home_screen_renders_when_python_is_ready(app, guard):
    app.open()
    page = app.page
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.title() == "Cercle"
    assert page.get_by_role("heading", level=1).first.inner_text() == "Cercle"
    assert page.get_by_role("button", name="Nouveau groupe").count() == 1
    assert page.locator(".boot").count() == 0, "the loading shell was not replaced"
    assert page.evaluate("typeof window.Idiomorph.morph") == "function"
    # Every request went to our server (the guard fails the test otherwise), and these
    # are the ones the page needs: the runtime, the pinned wheels (pydantic-core, fetched
    # once the first screen is up), the app's own zip.
    app.wait_until_checked()
    paths = {urlsplit(url).path for url in guard.requests}
    assert "/pyodide/pyodide.asm.wasm" in paths
    assert any(path.startswith("/pyodide/pydantic_core-2.50.5-") for path in paths)
    assert any(path.startswith("/pyodide/cercle-") and path.endswith(".zip") for path in paths)
    assert not any("micropip" in path for path in paths), "packages must not go through micropip"
    assert not any("segno" in path for path in paths), "segno loads on demand, not at start-up"


def test_python_imports_the_app_and_pyscript_from_the_zip_as_bytecode(app):
    app.open()
    app.wait_until_checked()
    files = app.page.evaluate("""async () => {
        const pyodide = await window.cercleBoot.python({ stdout: console.log, stderr: console.error });
        return pyodide.runPython(`
import os, app.main, pyscript, pydantic
[app.main.__file__, pyscript.__file__, pydantic.__file__, os.path.exists("pyscript"), os.getcwd()]`).toJs();
    }""")
    assert files == ["/lib/cercle.zip/app/main.pyc", "/lib/cercle.zip/pyscript/__init__.pyc",
                     "/lib/python314.zip/pydantic/__init__.pyc", False, "/home/pyodide"]  # PyScript wrote no sources


def test_pyscripts_python_api_is_imported_on_first_use_and_works(app):
    app.open()
    app.wait_until_checked()  # its modules import some of the standard library, which a first visit takes after ready
    found = app.page.evaluate("""async () => {
        const pyodide = await window.cercleBoot.python({ stdout: console.log, stderr: console.error });
        return pyodide.runPython(`
import sys
before = sorted(name for name in sys.modules if name.startswith("pyscript."))
from pyscript import HTML, display, document, when, window
import pyscript  # as in PyScript, its function display shadows the submodule
[before, document.title, window.location.pathname, callable(display) and callable(when), pyscript.display is display]
`).toJs();
    }""")
    assert found == [[], "Cercle", "/", True, True], "PyScript imported its submodules at start-up"


@pytest.mark.context(locale="en-GB")
def test_home_screen_in_english_and_after_a_reload(app):
    app.open()
    assert app.page.locator("html").get_attribute("lang") == "en"
    assert app.page.get_by_role("button", name="New group").count() == 1
    app.page.reload()
    app.assert_ready()
    assert app.page.get_by_role("heading", level=1).inner_text() == "Cercle"
    assert app.page.get_by_role("button", name="New group").count() == 1


def test_works_from_a_sub_path(app, guard, sub_path):
    app.open(sub_path)
    assert app.page.get_by_role("button", name="Nouveau groupe").count() == 1
    outside = [url for url in guard.requests if not urlsplit(url).path.startswith(sub_path)]
    assert outside == [], "dist/ must use relative URLs only"


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("Chargement de Python…", marks=pytest.mark.context(locale="fr-FR"), id="fr"),
        pytest.param("Python is loading…", marks=pytest.mark.context(locale="en-US"), id="en"),
        pytest.param("Python is loading…", marks=pytest.mark.context(locale="de-DE"), id="other"),
    ],
)
def test_static_shell_paints_before_python(app, message):
    app.page.route(STALL, stall)
    app.page.goto(app.url())
    assert app.page.locator("#boot-message").inner_text() == message
    assert app.page.get_by_role("heading", level=1).inner_text() == "Cercle"
    assert app.page.locator("progress").is_visible()
    assert app.state() == "loading"


@pytest.mark.allow_errors
def test_failure_screen_when_the_runtime_cannot_load(app):
    app.page.route(STALL, lambda route: route.abort())
    app.page.goto(app.url())
    assert app.wait_until_started() == "error"
    alert = app.page.get_by_role("alert")
    assert "Python ne s’est pas chargé" in alert.inner_text()
    assert alert.locator("pre").inner_text().strip(), "the error itself must be shown"
    assert app.page.locator("progress").count() == 0, "no spinner once it has failed"


@pytest.mark.allow_errors
def test_failure_screen_when_the_runtime_downloads_but_cannot_be_compiled(app):
    damaged = b"\0asm" + bytes(64)  # a WebAssembly header, then nothing a browser can compile
    app.page.route(STALL, lambda route: route.fulfill(body=damaged, content_type="application/wasm"))
    app.page.goto(app.url())
    assert app.wait_until_started() == "error"
    alert = app.page.get_by_role("alert")
    assert "Python ne s’est pas chargé" in alert.inner_text()
    assert "CompileError" in alert.locator("pre").inner_text()


@pytest.mark.allow_errors
def test_failure_screen_when_the_apps_zip_was_tampered_with(app):
    app.page.route("**/pyodide/cercle-*.zip", lambda route: route.fulfill(body=b"PK\x05\x06" + bytes(18)))
    app.page.goto(app.url())
    assert app.wait_until_started() == "error"
    assert "Python ne s’est pas chargé" in app.page.get_by_role("alert").inner_text()


@pytest.mark.allow_errors
def test_failure_screen_when_pydantic_core_was_tampered_with_after_the_first_screen(app):
    """pydantic-core installs once the first screen is up (app/web/startup/checks.py). If it cannot,
    nothing could be changed or saved: the failure screen replaces the app."""
    app.page.route("**/pyodide/pydantic_core-*.whl", lambda route: route.fulfill(body=b"PK\x05\x06" + bytes(18)))
    app.page.goto(app.url())
    app.page.wait_for_function("document.documentElement.dataset.appState === 'error'", timeout=60_000)
    alert = app.page.get_by_role("alert")
    assert "Python ne s’est pas chargé" in alert.inner_text()
    assert "pydantic" in alert.locator("pre").inner_text(), "the detail names what failed"
    assert app.page.evaluate("document.documentElement.dataset.checks") is None


@pytest.mark.allow_errors
def test_failure_screen_when_the_apps_zip_fails_its_hash_after_python_has_booted(app):
    def late(route):
        time.sleep(6)  # Python boots meanwhile (the browser goes on while this handler waits)
        route.fulfill(body=b"PK\x05\x06" + bytes(18))

    app.page.route("**/pyodide/cercle-*.zip", late)
    app.page.goto(app.url())
    assert app.wait_until_started() == "error"
    assert "Python ne s’est pas chargé" in app.page.get_by_role("alert").inner_text()
    assert re.search(r"Impossible de charger http://\S+/pyodide/cercle-[0-9a-f]{12}\.zip",
                     app.page.get_by_role("alert").locator("pre").inner_text()), "the detail names the file"


@pytest.mark.allow_errors
@pytest.mark.context(locale="en-US")
def test_failure_screen_shows_the_python_traceback(app):
    def break_the_entry_point(route):
        page = route.fetch().text()
        assert "import app.main" in page
        route.fulfill(body=page.replace("import app.main", "import app.no_such_module"), content_type="text/html")

    app.page.route(app.url(), break_the_entry_point)
    app.page.goto(app.url())
    assert app.wait_until_started() == "error"
    alert = app.page.get_by_role("alert")
    assert "Cercle could not start" in alert.inner_text()
    detail = alert.locator("pre").inner_text()
    assert "Traceback (most recent call last)" in detail
    assert "ModuleNotFoundError: No module named 'app.no_such_module'" in detail


@pytest.mark.allow_errors
def test_message_when_webassembly_is_unavailable(app):
    app.page.add_init_script("delete globalThis.WebAssembly")
    app.page.goto(app.url())
    assert app.wait_until_started() == "error"
    assert "WebAssembly" in app.page.get_by_role("alert").inner_text()


@pytest.mark.context(java_script_enabled=False)
def test_message_when_javascript_is_off(app):
    app.page.goto(app.url())
    french, english = app.page.locator("p[lang=fr]"), app.page.locator("p[lang=en]")
    assert "Cercle a besoin de JavaScript" in french.inner_text() and french.is_visible()
    assert "Cercle needs JavaScript" in english.inner_text() and english.is_visible()
    assert not app.page.locator(".boot").is_visible(), "no endless 'loading' without JavaScript"


def test_guard_catches_requests_off_the_origin(page, guard):
    """The guard above is what keeps "no request leaves the origin" honest: check it."""
    page.set_content('<img src="http://127.0.0.2:9/pixel.png" alt="">')
    page.wait_for_function("document.images[0].complete")
    assert guard.off_origin == ["http://127.0.0.2:9/pixel.png"]
    guard.reset()


def test_what_people_do_before_pydantic_is_up_waits_for_it_then_happens_in_order(app):
    """The first screen is up before pydantic (app/web/startup/checks.py). A group typed and created
    at once is kept while pydantic-core is still on its way (held back here), then created
    once (sent twice meanwhile) as soon as it is up, and saved."""
    page = app.page
    held = []
    page.route("**/pyodide/pydantic_core-*.whl", lambda route: held.append(route))
    app.open()
    page.evaluate("location.hash = '#/group'")  # screens open at once
    page.get_by_label("Nom du groupe").fill("Cadres de santé")
    for number, name in enumerate(["Ana", "Bruno", "Chloé", "Driss"], start=1):
        page.get_by_label(f"Membre {number}", exact=True).fill(name)
    page.get_by_role("button", name="Créer le groupe").click()
    # Sent again, as a person would when nothing seems to happen: it waits already.
    page.evaluate("document.querySelector('form[aria-busy=true]').requestSubmit()")
    # Or the same again after leaving the screen and coming back to it.
    page.evaluate("location.hash = '#/'")
    page.get_by_role("button", name="Nouveau groupe").wait_for()
    page.evaluate("location.hash = '#/group'")
    page.get_by_label("Nom du groupe").fill("Cadres de santé")
    for number, name in enumerate(["Ana", "Bruno", "Chloé", "Driss"], start=1):
        page.get_by_label(f"Membre {number}", exact=True).fill(name)
    page.get_by_role("button", name="Créer le groupe").click()
    page.wait_for_timeout(500)
    assert held, "pydantic-core was asked for"
    assert page.evaluate("document.documentElement.dataset.checks") is None, "pydantic is held back"
    assert page.get_by_role("heading", level=1).inner_text() != "Cadres de santé"
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('cercle.g.'))") == []

    for route in held:
        route.continue_()
    app.wait_until_checked()
    page.get_by_role("heading", level=1, name="Cadres de santé").wait_for()
    assert page.get_by_role("heading", name="Membres (4)").is_visible()
    assert len(page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('cercle.g.'))")) == 1, "one group"
    page.reload()
    app.assert_ready()
    page.get_by_role("heading", level=1, name="Cadres de santé").wait_for()


def test_pyscript_reads_its_configuration_once_the_whole_page_is_there(app):
    """PyScript reads its configuration (`<script type="py" config>`, `<mpy-config>`) when
    it starts. Started before the parser reached them (a page that arrives or parses
    slowly), it found none and asked for every plugin, which dist/ does not ship: the
    failure screen. boot.js starts it once the page is parsed."""
    page = app.page

    def slow_to_parse(route):
        response = route.fetch()
        filler = '<div hidden>' + "<p>Chargement</p>" * 150_000 + "</div>"
        route.fulfill(response=response, body=response.text().replace("<noscript>\n    <p class", filler + "<noscript>\n    <p class", 1))

    page.route(lambda url: urlsplit(url).path.endswith("/"), slow_to_parse)
    app.open()
    assert page.get_by_role("button", name="Nouveau groupe").count() == 1


def test_precompressed_files_are_decoded_by_the_browser(app):
    """build.py serve sends dist/'s .br siblings to a browser that accepts brotli, as a host
    configured after README's "Precompressed files" would: the page starts from them."""
    encodings = {}
    app.page.on("response", lambda response: encodings.update({
        urlsplit(response.url).path: response.headers.get("content-encoding")}))
    app.open()
    app.wait_until_checked()
    assert encodings["/"] == "br"
    assert encodings["/pyodide/pyodide.asm.wasm"] == "br"
    assert encodings["/pyodide/python_stdlib.zip"] == "br"
    app_zip = next(path for path in encodings if path.startswith("/pyodide/cercle-"))
    assert encodings[app_zip] == "br", "the app's zip, checked against its hash once decoded"
    assert encodings["/pyodide/pydantic_core-2.50.5-cp314-cp314-pyemscripten_2026_0_wasm32.whl"] is None


def test_the_content_security_policy_refuses_inline_script_and_style_and_says_so(app, guard):
    """Every test fails on a CSP violation (conftest.py `REPORT_CSP_VIOLATIONS`): here, what
    would be some, refused by the page and reported."""
    app.open()
    app.page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.injected = true";
        document.body.append(script);
        document.body.insertAdjacentHTML("beforeend", '<p style="color: red">styled</p>');
    }""")
    time.sleep(0.3)  # the violations are reported after the task
    assert app.page.evaluate("window.injected") is None
    reported = " ".join(guard.violations)
    assert "script-src-elem inline" in reported and "style-src-attr inline" in reported, guard.violations
    guard.reset()
