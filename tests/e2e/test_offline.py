"""Offline and installable (issue 17): after a first visit, the service worker (dist/sw.js)
holds the whole build, so the page starts and works with no network, from the root and
from a sub-path; and Chromium finds nothing that stops its installation."""

import build
import pytest
from tests.e2e.conftest import BOOT_TIMEOUT_MS, App

pytestmark = pytest.mark.context(service_workers="allow")

CONTROLLED = "navigator.serviceWorker.controller !== null"


def create_group(page, name: str) -> None:
    page.get_by_role("button", name="Nouveau groupe").click()
    page.get_by_label("Nom du groupe").fill(name)
    for number, member in enumerate(("Alice", "Bruno", "Chloé", "David"), start=1):
        page.get_by_label(f"Membre {number}", exact=True).fill(member)
    page.get_by_role("button", name="Créer le groupe").click()
    page.get_by_role("heading", level=1, name=name).wait_for()


@pytest.mark.parametrize("where", ["root", "sub-path"])
def test_starts_offline_after_a_first_visit(app, sub_path, where):
    page = app.page
    app.open(sub_path if where == "sub-path" else "")
    app.wait_until_checked()
    page.wait_for_function(CONTROLLED)  # the build is stored; the worker took this page
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.scope)")
    assert scope == app.url(sub_path if where == "sub-path" else "")
    page.context.set_offline(True)
    page.reload()
    app.assert_ready()
    create_group(page, "Cadres de santé")
    page.reload()
    app.assert_ready()
    page.get_by_role("heading", level=1, name="Cadres de santé").wait_for()
    assert page.evaluate("navigator.onLine") is False
    # What the page loads only on demand is stored too: pydantic's wheel came from there.
    app.wait_until_checked()


@pytest.fixture
def profile_page(browser, guard, tmp_path):
    """A page in a persistent profile: Chromium installs no app from an incognito-like
    context, which is what `browser.new_context()` makes."""
    context = browser.browser_type.launch_persistent_context(
        tmp_path / "profile", executable_path=build.chromium_executable(), args=list(build.CHROMIUM_ARGS), locale="fr-FR")
    guard.watch(context)
    page = context.new_page()
    page.set_default_timeout(BOOT_TIMEOUT_MS)
    yield page
    context.close()


def test_installable_with_a_manifest_and_its_icons(profile_page, base_url):
    app = App(profile_page, base_url)
    app.open()
    page = app.page
    app.wait_until_checked()
    page.wait_for_function(CONTROLLED)
    cdp = page.context.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == [], manifest["errors"]
    assert manifest["url"] == app.url("assets/manifest.webmanifest")
    parsed = page.evaluate("(url) => fetch(url).then((r) => r.json())", manifest["url"])
    assert {icon.get("purpose", "any") for icon in parsed["icons"]} == {"any", "maskable"}
    for icon in parsed["icons"]:
        response = page.request.get(app.url("assets/" + icon["src"]))
        assert response.ok and response.headers["content-type"] == icon["type"], icon["src"]
