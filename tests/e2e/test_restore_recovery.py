"""End to end: a start that fails on what the browser stores shows the recovery screen (issue
16, item 1): everything stored can be downloaded as it is, then Cercle starts empty with it
all set aside, never deleted."""

from __future__ import annotations

import json

import pytest
from test_sync_files import seed, stored
from test_ui_a11y import AXE_RUN, WCAG

import build
from app.sync import shards
from support.halfday import half_day

# Something the start trips on that no file can cause any more: the browser's languages
# unreadable (a Python TypeError in the shell) until the test says the page is healed.
BROKEN_START = """Object.defineProperty(navigator, 'languages', {
  get: () => sessionStorage.getItem('healed') ? ['fr-FR'] : 5, configurable: true});"""


@pytest.mark.allow_errors
def test_a_start_that_fails_on_stored_data_offers_to_save_it_and_start_empty(app, tmp_path):
    page = app.page
    page.set_viewport_size({"width": 1280, "height": 720})
    seed(page, half_day().ws)
    page.add_init_script(BROKEN_START)
    page.goto(app.url(""))
    assert app.wait_until_started() == "error"
    main = page.locator("main[data-screen=recovery]")
    main.wait_for()
    assert "Cercle n’a pas pu ouvrir vos données" in main.inner_text() and "Rien n’a été effacé" in main.inner_text()
    page.screenshot(path=str(tmp_path / "recovery-1280.png"))
    page.add_script_tag(path=str(build.npm_packages() / "axe-core" / "axe.min.js"))
    assert page.evaluate(AXE_RUN, WCAG) == []

    before = {key: value for key, value in stored(page).items() if key.startswith("cercle.")}
    with page.expect_download() as started:
        page.get_by_role("button", name="Télécharger tout ce qui est gardé").click()
    assert json.loads(open(started.value.path(), encoding="utf-8").read()) == before
    page.get_by_text("Téléchargé : cercle-stored-").wait_for()

    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(tmp_path / "recovery-390.png"), full_page=True)
    page.evaluate("sessionStorage.setItem('healed', '1')")
    page.get_by_role("button", name="Repartir d’un Cercle vide").click()
    page.wait_for_function("document.documentElement.dataset.appState === 'ready'")
    assert "Cadres de santé" not in page.inner_text("main")  # an empty Cercle
    after = stored(page)
    kept = {key.rsplit(".", 1)[0].replace(shards.ASIDE, shards.PREFIX): value
            for key, value in after.items() if key.startswith(shards.ASIDE)}
    assert kept == {key: value for key, value in before.items() if shards.is_shard(key) or key == shards.LOCAL}


def test_a_stored_session_with_a_stamp_of_another_shape_is_set_aside_and_the_rest_starts(app):
    """Issue 16: a stamp like 'NaN.NaN' stored used to stop every screen, the first included."""
    import base64
    import zlib

    page = app.page
    items = shards.items(half_day().ws)
    data = json.loads(zlib.decompress(base64.b64decode(items["cercle.s.s-1"])))
    data["sessions"]["s-1"]["stamp"] = "NaN.NaN"
    items["cercle.s.s-1"] = base64.b64encode(zlib.compress(json.dumps(data).encode())).decode()
    page.add_init_script("(items => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); })(%s)"
                         % json.dumps(items))
    app.open("")
    assert "Cadres de santé" in page.inner_text("main")  # the group, from its own shard
    assert any(key.startswith(shards.ASIDE + "s.s-1.") for key in stored(page))


# Today's date (a `new Date()`'s year) is not a number once, right after pydantic is up: the
# moment the stored data is read again with every check (app/web/startup/checks.py) and, where that
# reading differs, the screen drawn again, which asks the date. A fault of that step.
BROKEN_AFTER_CHECKS = """(() => {
  if (sessionStorage.getItem('broke')) return;
  let armed = false, boot;
  Object.defineProperty(window, 'cercleBoot', {configurable: true, get: () => boot, set: (value) => {
    let install = value.installLater;
    Object.defineProperty(value, 'installLater', {configurable: true, set: (f) => { install = f; },
      get: () => install && ((...args) => install(...args).then((result) => { armed = true; return result; }))});
    boot = value;
  }});
  const Real = Date;
  window.Date = class extends Real {
    constructor(...args) {
      super(...args);
      if (!args.length && armed && !sessionStorage.getItem('broke')) {
        sessionStorage.setItem('broke', '1');
        this.getFullYear = () => 'not a year';
      }
    }
  };
})();"""


@pytest.mark.allow_errors
def test_a_start_that_fails_when_the_stored_data_is_read_again_with_every_check_offers_recovery(app):
    """The first screen paints from the unchecked reading (app/sync/shards.py `read_unchecked`);
    pydantic's reading then differs (a key twice in a shard: set aside) and the screen is
    drawn again. A failure there used to show the failure screen, with no way to the data."""
    import base64
    import zlib

    page = app.page
    items = shards.items(half_day().ws)
    text = zlib.decompress(base64.b64decode(items["cercle.s.s-1"])).decode()
    text = text.replace('"format":"cercle"', '"format":"cercle","format":"cercle"', 1)
    assert text.count('"format":"cercle"') == 2
    items["cercle.s.s-1"] = base64.b64encode(zlib.compress(text.encode())).decode()
    page.add_init_script("(items => { if (!sessionStorage.getItem('seeded')) { for (const [k, v] of Object.entries(items))"
                         " localStorage.setItem(k, v); sessionStorage.setItem('seeded', '1'); } })(%s)" % json.dumps(items))
    page.add_init_script(BROKEN_AFTER_CHECKS)
    page.goto(app.url(""))
    assert app.wait_until_started() == "ready"  # the first screen
    main = page.locator("main[data-screen=recovery]")
    main.wait_for()
    assert "Cercle n’a pas pu ouvrir vos données" in main.inner_text()
    assert page.evaluate("document.documentElement.dataset.appState") == "error"
    assert page.evaluate("sessionStorage.getItem('broke')") == "1"
