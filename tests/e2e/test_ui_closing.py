"""Closing a session as a facilitator does it, and correcting it afterwards: "Clore la séance"
asks first (cancelling keeps the session open), the closed session is reopened, a finished
round resumed, a member's learning corrected, the session closed again; the summary
downloaded then says the corrected words. Then a break ended before its time."""

from __future__ import annotations

import time
from pathlib import Path

from ui_helpers import break_ends, seed, showcase, title_is


def focused(page) -> str:
    return page.evaluate("document.activeElement.id")


def test_closing_asks_then_a_reopened_session_is_corrected_and_its_summary_shows_it(app):
    page = app.page
    room = showcase(int(time.time() * 1000))
    room.do({"type": "go_to_step", "round_id": "r-s-1", "step": 8})
    room.do({"type": "finish_round", "round_id": "r-s-1"})
    room.do({"type": "start_evaluation", "session_id": "s-1"})
    seed(page, room.ws)
    app.open("#/session?id=s-1")
    title_is(page, "Évaluation de la séance")

    # Asked, then kept open.
    page.get_by_role("button", name="Clore la séance").click()
    question = page.get_by_role("group", name="Clore la séance maintenant ?")
    question.wait_for()
    assert focused(page) == "close-confirm", "the focus is on the answer"
    question.get_by_role("button", name="Continuer l’évaluation").click()
    question.wait_for(state="detached")
    title_is(page, "Évaluation de la séance")
    assert focused(page) == "close-ask"

    # Asked, then closed.
    page.get_by_role("button", name="Clore la séance").click()
    page.get_by_role("button", name="Oui, clore la séance").click()
    title_is(page, "Séance terminée")

    # Reopened, the round resumed, a learning corrected, the round and the session closed again.
    page.get_by_role("button", name="Rouvrir la séance pour corriger").click()
    title_is(page, "Entre deux tours")
    assert focused(page) == "rounds-done", "the room lands on the rounds it can correct"
    page.get_by_role("button", name="Reprendre le tour 1 pour corriger").click()
    title_is(page, "Synthèse de chaque membre")
    amelie = page.locator(".entry", has_text="Amélie Durand")
    amelie.get_by_role("button", name="Modifier").click()
    page.get_by_label("Texte corrigé").fill("Écouter chacun seul avant de réunir l'équipe.")
    page.get_by_role("button", name="Enregistrer la correction").click()
    page.get_by_text("Écouter chacun seul avant de réunir l'équipe.", exact=True).wait_for()
    page.get_by_role("button", name="Terminer le tour").click()
    title_is(page, "Entre deux tours")
    page.get_by_role("button", name="Terminer par l’évaluation de la séance").click()
    title_is(page, "Évaluation de la séance")
    page.get_by_role("button", name="Clore la séance").click()
    page.get_by_role("button", name="Oui, clore la séance").click()
    title_is(page, "Séance terminée")
    assert "close=" not in page.url

    page.get_by_role("link", name="Synthèses de la séance").click()
    with page.expect_download() as started:
        page.get_by_role("button", name="Markdown — synthèse d’Amélie Durand", exact=True).click()
    text = Path(started.value.path()).read_text(encoding="utf-8")
    assert "Écouter chacun seul avant de réunir l'équipe." in text
    assert "Écouter avant de décider ; je le retiens pour mon service." not in text


def test_a_break_is_titled_with_the_time_the_room_is_back_and_ends_early(app):
    page = app.page
    room = showcase(int(time.time() * 1000))
    seed(page, room.ws)
    app.open("#/session?id=s-between")
    back = break_ends(page)
    title_is(page, f"Pause — reprise à {back}")
    page.get_by_role("button", name="Reprendre maintenant").click()
    title_is(page, "Entre deux tours")
    assert page.locator(".break [role=timer]").count() == 0
