"""A new build published while the page is open (issue 17): the page says a new version is
ready and offers to reload, never reloads by itself, and, once reloaded into it, nothing
stored is lost and the old build's cache is gone. The site is a copy of dist/ that the
test publishes again, changed, as a host would."""

import shutil

import build
import pytest
from builder.assemble import write_service_worker
from builder.precompress import precompress
from test_offline import CONTROLLED, create_group

pytestmark = pytest.mark.context(service_workers="allow")

OFFER = "Une nouvelle version de Cercle est prête"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("host") / "site"
    shutil.copytree(build.DIST, folder)
    return folder


@pytest.fixture(scope="module")
def base_url(site):
    """This module's pages come from the copy (the guard checks requests against it)."""
    server, url = build.start_server({"/": site})
    yield url
    server.shutdown()
    server.server_close()


def publish(site) -> None:
    """A new build: another index.html, then what build.py writes after it."""
    page = site / "index.html"
    page.write_text(page.read_text().replace("<title>", '<meta name="cercle-test" content="new build">\n  <title>'))
    write_service_worker(site)
    precompress(site)


def test_a_new_build_is_offered_and_nothing_is_lost(app, site):
    page = app.page
    app.open()
    app.wait_until_checked()
    page.wait_for_function(CONTROLLED)
    create_group(page, "Cadres de santé")
    page.evaluate("window.sameDocument = true")
    caches = "caches.keys().then((names) => names.filter((name) => name.startsWith('cercle ')))"
    first = page.evaluate(caches)
    assert len(first) == 1

    publish(site)
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    page.get_by_text(OFFER).wait_for()
    assert page.evaluate("window.sameDocument") is True, "the page reloaded by itself"
    assert page.locator('meta[name="cercle-test"]').count() == 0
    page.get_by_role("heading", level=1, name="Cadres de santé").wait_for()

    with page.expect_navigation():
        page.get_by_role("button", name="Recharger").click()
    app.assert_ready()
    assert page.locator('meta[name="cercle-test"]').count() == 1, "not the new build's page"
    assert page.get_by_text(OFFER).count() == 0
    page.get_by_role("heading", level=1, name="Cadres de santé").wait_for()
    page.wait_for_function(f"{caches}.then((names) => names.length === 1 && names[0] !== {first[0]!r})".replace("'", '"'))
