"""The action plan as the room builds and follows it: "quoi, avec qui, pour quand" captured
at the carrier's synthesis and listed by due date; at the next session, each carrier's
actions under their name, the current status pressed, the card staying where it is when the
room answers."""

from __future__ import annotations

import time

from ui_helpers import seed, showcase, title_is


def test_an_action_says_with_whom_and_by_when_and_takes_its_place_by_due_date(app):
    page = app.page
    room = showcase(int(time.time() * 1000))
    room.do({"type": "go_to_step", "round_id": "r-s-1", "step": 7})
    seed(page, room.ws)
    app.open("#/session?id=s-1")
    title_is(page, "Synthèse du porteur")
    page.get_by_label("Action", exact=True).fill("Appeler la DRH")
    page.get_by_label("Avec qui", exact=True).fill("la cadre supérieure")
    page.get_by_label("Pour le", exact=True).fill("2026-12-20")
    page.get_by_role("button", name="Ajouter l’action").click()
    added = page.locator(".entry", has_text="Appeler la DRH")
    added.wait_for()
    assert "avec la cadre supérieure · pour le dimanche 20 décembre 2026" in added.inner_text()
    plan = [t.split("\n")[0] for t in page.locator(".entry", has_text="pour le").all_inner_texts()]
    assert plan[:3] == ["Appeler la DRH", "Entretiens individuels avec les douze agents", "Un café des transmissions le lundi"], "by due date"
    assert page.get_by_label("Avec qui", exact=True).input_value() == "", "a form that adds is empty again"

    # Sent with Enter, the caret in the field: the field is emptied all the same.
    action = page.get_by_label("Action", exact=True)
    action.fill("Relire mes notes")
    action.press("Enter")
    page.locator(".entry", has_text="Relire mes notes").wait_for()
    assert action.input_value() == "" and page.evaluate("document.activeElement.id") == action.get_attribute("id")
    plan = [t.split("\n")[0] for t in page.locator(".entry", has_text="Modifier").all_inner_texts()]
    assert plan[-1] == "Relire mes notes", "undated: last"


def test_the_follow_up_presses_the_current_status_and_keeps_each_card_in_place(app):
    page = app.page
    seed(page, showcase(int(time.time() * 1000)).ws)
    app.open("#/session?id=s-followup")
    title_is(page, "Suivi des plans d'action")
    chloe = page.get_by_role("region", name="Chloé Martin")
    card = chloe.locator(".entry", has_text="Entretiens individuels")
    assert "Problématique « Arriver dans une équipe en conflit », séance du mardi 15 septembre 2026" in card.inner_text()
    statuses = card.get_by_role("group", name="Avancement de : Entretiens individuels avec les douze agents")
    assert statuses.get_by_role("button", name="À faire").get_attribute("aria-pressed") == "true"
    top = card.bounding_box()["y"]
    statuses.get_by_role("button", name="Fait").click()
    page.wait_for_function("() => document.querySelector('.entry .tag.reviewed') !== null")
    assert statuses.get_by_role("button", name="Fait").get_attribute("aria-pressed") == "true"
    assert statuses.get_by_role("button", name="À faire").get_attribute("aria-pressed") == "false"
    assert card.bounding_box()["y"] == top, "the card did not move"
    assert "point fait aujourd’hui" in card.inner_text()
