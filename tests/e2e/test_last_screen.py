"""The last screen at once (assets/last-screen.js, app/web/last_screen.py): a returning visit
shows the screen where the session stood before Python is up, read-only, then the same
screen comes alive; another build's screen is not painted; a member's name that looks like
markup is text there too."""

from __future__ import annotations

import build
import pytest
from test_ui_a11y import AXE_RUN, SHOTS, WCAG
from ui_helpers import seed

HOSTILE = "<img src=x onerror=alert(1)>"
SESSION = "#/session?id=s-1"
PYTHON = "**/pyodide/pyodide.asm.wasm"  # held back: Python cannot start without it


def running_round():
    """A session in its first round, the problem of the member with a hostile name chosen."""
    from support.room import Room

    room = Room()
    room.group((HOSTILE, "Bruno", "Chloé", "David", "Émilie"))
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    for i in range(3):
        room.do({"type": "add_pitch", "id": f"p-{i}", "session_id": "s-1", "member_id": f"m-{i}", "title": f"Problème {i}", "text": "…"})
    room.do({"type": "next_step", "round_id": "r-1"})
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-0"})
    room.do({"type": "set_preferences", "language": "fr"})
    return room.ws


def first_visit(app):
    page = app.page
    seed(page, running_round())
    app.open(SESSION)
    page.wait_for_function("() => localStorage.getItem('cercle.screen')")
    return page.locator("h1").inner_text()


def held_tab(context):
    """A new tab whose Python is held back until `release()`."""
    tab = context.new_page()
    held = []
    tab.route(PYTHON, lambda route: held.append(route))
    dialogs = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    def release():
        for route in held:
            route.continue_()
        tab.unroute(PYTHON)

    return tab, release, dialogs


def painted(tab) -> dict:
    return tab.evaluate("""() => ({
        state: document.documentElement.dataset.appState,
        heading: document.querySelector("#app h1")?.textContent ?? "",
        text: document.getElementById("app").textContent,
        images: document.querySelectorAll("#app img").length,
        inert: document.getElementById("app").inert,
        waiting: document.querySelector(".last-screen-waiting")?.textContent ?? "",
    })""")


@pytest.mark.parametrize("viewport, size", [("projector", (1280, 720)), ("phone", (390, 844))])
def test_a_new_tab_shows_the_session_where_it_stood_then_the_same_screen_comes_alive(app, viewport, size):
    heading = first_visit(app)
    tab, release, dialogs = held_tab(app.page.context)
    tab.set_viewport_size({"width": size[0], "height": size[1]})
    tab.goto(app.url(SESSION), wait_until="domcontentloaded")
    tab.wait_for_timeout(300)  # Python is held back: whatever runs before it has run
    before = painted(tab)
    assert before["state"] == "loading"
    assert before["heading"] == heading
    # The carrier's name, which looks like markup, is text: no image, no script ran.
    assert f"{HOSTILE} est le porteur" in before["text"]
    assert before["images"] == 0
    assert before["inert"] is True  # nothing on it can be clicked or focused yet
    assert before["waiting"] == "Cercle démarre… L’écran répondra dans un instant."
    assert tab.get_by_role("status").filter(has_text="Cercle démarre").is_visible()
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{viewport}-last-screen-painted.png"))

    tab.evaluate("window.paintedTitle = document.querySelector('#app h1')")

    release()
    tab.wait_for_function("document.documentElement.dataset.appState === 'ready'")
    after = painted(tab)
    assert tab.evaluate("document.querySelector('#app h1') === window.paintedTitle")  # morphed, not replaced
    assert (after["heading"], after["inert"], after["waiting"]) == (heading, False, "")
    tab.add_script_tag(path=str(build.npm_packages() / "axe-core" / "axe.min.js"))
    assert tab.evaluate(AXE_RUN, WCAG) == []
    tab.screenshot(path=str(SHOTS / f"{viewport}-last-screen-ready.png"))
    tab.get_by_role("button", name="Choisir").first.click()
    tab.get_by_text("Le groupe a choisi « Problème 1 »", exact=False).wait_for()
    assert dialogs == []


def test_a_screen_stored_by_another_build_is_not_painted(app):
    first_visit(app)
    app.page.evaluate("""() => {
        const record = JSON.parse(localStorage.getItem("cercle.screen"));
        localStorage.setItem("cercle.screen", JSON.stringify({ ...record, build: "cercle-000000000000" }));
    }""")
    tab, release, _ = held_tab(app.page.context)
    tab.goto(app.url(SESSION), wait_until="domcontentloaded")
    tab.wait_for_timeout(300)
    before = painted(tab)
    assert (before["state"], before["heading"], before["inert"], before["waiting"]) == ("loading", "Cercle", False, "")
    assert tab.locator(".boot progress").is_visible()  # the loading shell, as on a first visit
    release()
    tab.wait_for_function("document.documentElement.dataset.appState === 'ready'")
    assert HOSTILE in painted(tab)["text"]


def test_another_address_paints_nothing(app):
    first_visit(app)
    tab, release, _ = held_tab(app.page.context)
    tab.goto(app.url("#/home"), wait_until="domcontentloaded")
    tab.wait_for_timeout(300)
    assert painted(tab)["heading"] == "Cercle"  # the loading shell's
    release()


# Fills this origin's localStorage until it takes not one more character.
FILL_STORAGE = """() => {
    let chunk = "x".repeat(1 << 20), i = 0;
    while (chunk.length) {
        try { localStorage.setItem("filler." + i++, chunk); } catch { chunk = chunk.slice(0, chunk.length >> 1); }
    }
}"""


def test_the_last_screen_gives_way_first_when_storage_is_full(app):
    first_visit(app)
    page = app.page
    app.wait_until_checked()  # what is typed is stored from then on
    page.locator(".pitch", has_text="Problème 1").get_by_role("button", name="Modifier").click()
    field = page.get_by_label("Texte corrigé")
    page.evaluate(FILL_STORAGE)
    typed = "Trois absences imprévues chaque semaine. " * 40  # a draft 1,640 characters longer
    field.fill(typed)
    page.wait_for_function("t => (localStorage.getItem('cercle.local') || '').includes(t)", arg=typed)
    assert page.evaluate("localStorage.getItem('cercle.screen')") is None
    assert "n’ont pas pu être enregistrées" not in page.inner_text("body")
