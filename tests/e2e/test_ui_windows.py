"""The presentation window follows the operator's window live; the language switch is
immediate and remembered."""

from __future__ import annotations

import time

from ui_helpers import seed

from support.room import Room


def round_at_exploration() -> Room:
    room = Room(now=int(time.time() * 1000) - 60_000)
    room.group()
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    for i in range(5):
        room.do({"type": "add_pitch", "session_id": "s-1", "member_id": f"m-{i}", "title": f"Situation {i}"})
    room.do({"type": "next_step", "round_id": "r-1"})
    pitch = next(p for p in room.ws.pitches.values() if p.member_id == "m-2")
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": pitch.id})
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 3})
    return room


def test_the_presentation_window_follows_the_operator(app):
    page = app.page
    seed(page, round_at_exploration().ws)
    app.open("#/session?id=s-1")
    assert page.get_by_role("heading", level=1).inner_text() == "Exploration par le groupe"
    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Présentation", exact=True).click()
    room = opened.value
    room.wait_for_function("document.documentElement.dataset.appState === 'ready'")
    assert room.get_by_role("heading", level=1).inner_text() == "Exploration par le groupe"
    assert room.get_by_role("timer", name="Temps de l’étape").is_visible()
    assert room.get_by_role("button").count() == 0 and room.locator("input, textarea, select").count() == 0
    assert "Porteur : Chloé" in room.inner_text("body")

    # What the operator captures appears in the room; a contribution out of frame does not.
    page.get_by_label("Question", exact=True).fill("Qui décide des plannings ?")
    page.get_by_role("button", name="Ajouter la question").click()
    room.get_by_text("Qui décide des plannings ?").wait_for()
    page.locator(".entry", has_text="plannings").get_by_role("button", name="Hors cadre").click()
    room.get_by_text("Qui décide des plannings ?").wait_for(state="detached")

    # The step, the pause and the speaker follow too.
    page.get_by_role("button", name="Étape suivante").click()
    room.wait_for_function("document.querySelector('h1').textContent === 'Reformulations'")
    assert "À Alice de parler." in room.inner_text("body")
    page.get_by_role("button", name="Pause", exact=True).click()
    room.locator("[role=timer][data-state=paused]").first.wait_for()


def test_the_language_switch_is_immediate_and_remembered(app):
    page = app.page
    seed(page, round_at_exploration().ws)
    app.open("#/session?id=s-1")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("button", name="Switch to English").click()
    page.wait_for_function("document.querySelector('h1').textContent === 'Exploration by the group'")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("button", name="Next step").is_visible()
    assert page.get_by_label("Who speaks").is_visible()
    page.reload()
    app.assert_ready()
    assert page.get_by_role("heading", level=1).inner_text() == "Exploration by the group"
    page.get_by_role("button", name="Passer en français").click()
    page.wait_for_function("document.querySelector('h1').textContent === 'Exploration par le groupe'")
    assert page.locator("html").get_attribute("lang") == "fr"
