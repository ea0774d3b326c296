"""Fixing what was captured, as a facilitator does it: an intervention's text, author and
kind of help corrected through its Edit button (located by role and label), the half-typed
correction surviving a reload, the saved one too; Escape closing a form; a pitch withdrawn
and put back."""

from __future__ import annotations

import time

from ui_helpers import seed, showcase, title_is


def focused(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.tagName")


def test_an_intervention_is_corrected_in_place_and_the_correction_survives_reloads(app):
    page = app.page
    seed(page, showcase(int(time.time() * 1000)).ws)
    app.open("#/session?id=s-1")
    title_is(page, "Écoute des interventions")

    entry = page.locator(".entry", has_text="Rencontre chaque agent seul")
    entry.get_by_role("button", name="Modifier").click()
    text = page.get_by_label("Texte corrigé")
    text.wait_for()
    assert text.input_value() == "Rencontre chaque agent seul avant toute réunion."
    assert focused(page) == text.get_attribute("id"), "the focus is in the form, ready to type"
    text.press("End")
    text.type(" Puis en groupe.")

    page.reload()
    app.assert_ready()
    text = page.get_by_label("Texte corrigé")
    assert text.input_value() == "Rencontre chaque agent seul avant toute réunion. Puis en groupe.", "the form and what was typed are still there"

    form = page.get_by_role("form", name="Corriger « Rencontre chaque agent seul")
    form.get_by_label("Dit par").select_option(label="David N'Diaye")
    form.get_by_label("Nature de l’apport").select_option(label="Témoignages")
    form.get_by_role("button", name="Enregistrer la correction").click()
    corrected = page.locator(".entry", has_text="Puis en groupe.")
    corrected.wait_for()
    assert page.get_by_label("Texte corrigé").count() == 0, "the form closed"
    assert "David N'Diaye" in corrected.locator(".meta").inner_text() and "Témoignages" in corrected.locator(".meta").inner_text()
    assert focused(page).startswith("f-edit-"), "the focus is back on the entry's Edit button"
    assert "edit=" not in page.url

    page.reload()
    app.assert_ready()
    title_is(page, "Écoute des interventions")
    corrected = page.locator(".entry", has_text="Rencontre chaque agent seul avant toute réunion. Puis en groupe.")
    assert "David N'Diaye" in corrected.locator(".meta").inner_text()

    # Escape closes a form without saving; what was typed is gone.
    other = page.locator(".entry", has_text="Nomme un binôme mixte")
    other.get_by_role("button", name="Modifier").click()
    page.get_by_label("Texte corrigé").fill("Brouillon à jeter")
    page.keyboard.press("Escape")
    page.get_by_label("Texte corrigé").wait_for(state="detached")
    assert page.locator(".entry", has_text="Nomme un binôme mixte").count() == 1
    other.get_by_role("button", name="Modifier").click()
    assert page.get_by_label("Texte corrigé").input_value() == "Nomme un binôme mixte sur un projet visible."
    page.get_by_role("button", name="Fermer sans enregistrer").click()
    page.get_by_label("Texte corrigé").wait_for(state="detached")


def test_a_pitch_title_is_fixed_and_a_pitch_withdrawn_then_put_back(app):
    page = app.page
    room = showcase(int(time.time() * 1000))
    room.do({"type": "go_to_step", "round_id": "r-s-1", "step": 8})
    room.do({"type": "finish_round", "round_id": "r-s-1"})
    seed(page, room.ws)
    app.open("#/session?id=s-1")
    title_is(page, "Entre deux tours")
    waiting = page.locator(".panel", has_text="Prochaine problématique")
    pitch = waiting.locator(".entry", has_text="Un planning qui ne tient jamais").first
    pitch.get_by_role("button", name="Modifier").click()
    page.get_by_label("Titre corrigé").fill("Un planning qui ne tient jamais debout")
    page.get_by_role("button", name="Enregistrer la correction").click()
    page.get_by_text("Un planning qui ne tient jamais debout", exact=True).wait_for()

    waiting.get_by_role("button", name="Retirer du choix « Un planning qui ne tient jamais debout »").click()
    page.get_by_role("heading", name="Problématiques retirées").wait_for()
    restore = page.get_by_role("button", name="Remettre en attente « Un planning qui ne tient jamais debout »")
    restore.click()
    page.get_by_role("heading", name="Problématiques retirées").wait_for(state="detached")
    waiting.get_by_role("button", name="Examiner cette problématique : Un planning qui ne tient jamais debout").wait_for()
