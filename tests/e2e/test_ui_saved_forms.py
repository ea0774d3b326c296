"""A value saved through a form stays where it was typed, and the screen says it was saved
(the polite live region), whether the form is sent by its button or by the keyboard; a
reload shows the same. The three forms where values used to vanish: the follow-up comment,
the next session's date and place, the step-6 request."""

from __future__ import annotations

import time

from ui_helpers import seed, showcase, title_is


def saved(page, send, text):
    """Send a form (`send()`), then wait until the polite live region says `text`. The region
    is emptied first (as a screen reader hears it anew), so a second save is heard too."""
    status = page.locator("p.notice[role=status][aria-live=polite]")
    status.evaluate("p => { p.textContent = '' }")
    send()
    status.filter(has_text=text).wait_for()
    return status.inner_text()


def test_a_follow_up_comment_stays_in_its_field_once_saved_by_button_or_enter(app):
    page = app.page
    seed(page, showcase(int(time.time() * 1000)).ws)
    app.open("#/session?id=s-followup")
    title_is(page, "Suivi des plans d'action")
    chloe = page.get_by_role("region", name="Chloé Martin")  # her actions, together
    first, second = chloe.locator(".entry", has_text="Entretiens individuels"), chloe.locator(".entry", has_text="Un café des transmissions")

    first.get_by_label("Commentaire", exact=True).fill("Huit entretiens sur douze")
    assert saved(page, first.get_by_role("button", name="Enregistrer le commentaire").click, "Commentaire enregistré.") == "Commentaire enregistré."
    assert first.get_by_label("Commentaire", exact=True).input_value() == "Huit entretiens sur douze"

    second.get_by_label("Commentaire", exact=True).fill("Lancé en janvier")
    saved(page, lambda: second.get_by_label("Commentaire", exact=True).press("Enter"), "Commentaire enregistré.")
    assert second.get_by_label("Commentaire", exact=True).input_value() == "Lancé en janvier", "the caret was in it: it keeps the saved text"
    assert first.get_by_label("Commentaire", exact=True).input_value() == "Huit entretiens sur douze"

    page.reload()
    app.assert_ready()
    assert first.get_by_label("Commentaire", exact=True).input_value() == "Huit entretiens sur douze"
    assert second.get_by_label("Commentaire", exact=True).input_value() == "Lancé en janvier"


def test_the_next_session_date_and_place_stay_on_the_closing_screen(app):
    page = app.page
    seed(page, showcase(int(time.time() * 1000)).ws)
    app.open("#/session?id=s-0")
    title_is(page, "Séance terminée")
    date, place = page.get_by_label("Date de la prochaine séance"), page.get_by_label("Lieu")
    assert place.input_value() == "Salle Pasteur"

    date.fill("09/03/2027")
    place.fill("Salle Curie")
    saved(page, page.get_by_role("button", name="Enregistrer", exact=True).click, "Prochaine séance enregistrée.")
    assert (date.input_value(), place.input_value()) == ("09/03/2027", "Salle Curie")

    place.fill("Salle Curie, 2e étage")
    saved(page, lambda: place.press("Enter"), "Prochaine séance enregistrée.")
    assert (date.input_value(), place.input_value()) == ("09/03/2027", "Salle Curie, 2e étage")

    page.reload()
    app.assert_ready()
    assert (page.get_by_label("Date de la prochaine séance").input_value(), page.get_by_label("Lieu").input_value()) == ("09/03/2027", "Salle Curie, 2e étage")


def test_the_request_of_step_6_stays_in_its_field_once_saved(app):
    page = app.page
    room = showcase(int(time.time() * 1000))
    room.do({"type": "go_to_step", "round_id": "r-s-1", "step": 5})
    seed(page, room.ws)
    app.open("#/session?id=s-1")
    title_is(page, "Choix d'une reformulation et demande")
    request = page.get_by_label("La demande, dans les mots du porteur")
    assert request.input_value() == "Des idées concrètes pour les deux premiers mois."

    request.fill("Des idées concrètes pour le premier mois.")
    saved(page, page.get_by_role("button", name="Enregistrer la demande").click, "Demande enregistrée.")
    assert request.input_value() == "Des idées concrètes pour le premier mois."

    request.fill("Des idées pour le premier mois, et des témoignages.")
    saved(page, lambda: request.press("Control+Enter"), "Demande enregistrée.")
    assert request.input_value() == "Des idées pour le premier mois, et des témoignages."

    page.reload()
    app.assert_ready()
    assert page.get_by_label("La demande, dans les mots du porteur").input_value() == "Des idées pour le premier mois, et des témoignages."
