"""The coach's guidance of a protocol other than the default one, in Chromium: a coached
Kollegiale Beratung session shows the coach's text at its consultation, a session on its own
the charter's reminder instead; both pass axe on a projector and a phone and are photographed
to screenshots/ for a person to look at."""

from __future__ import annotations

import time

import pytest

import build
from test_ui_a11y import check, go
from support.room import Room
from ui_helpers import french, seed

from app.protocol import LIBRARY

CONSULTATION = LIBRARY["kollegiale-beratung"].steps[4]


def at_the_consultation(coached: bool) -> Room:
    """A Kollegiale Beratung session at its consultation (the case chosen at the casting)."""
    room = Room(now=int(time.time() * 1000) - 8 * 60_000)  # the page's clock: the step began minutes ago
    room.group(("Amélie Durand", "Bruno Lefèvre", "Chloé Martin", "David N'Diaye", "Émilie Rousseau"))
    room.session(protocol_id="kollegiale-beratung", coached=coached)
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    room.do({"type": "add_pitch", "id": "p-1", "session_id": "s-1", "member_id": "m-1", "title": "Un planning qui déborde"})
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-1"})
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 4})
    return room


@pytest.mark.parametrize("viewport, size", [("projector", (1280, 720)), ("phone", (390, 844))])
@pytest.mark.parametrize("coached", [True, False], ids=["coached", "autonomous"])
def test_a_kollegiale_beratung_consultation_shows_the_guidance_of_its_mode(app, viewport, size, coached):
    page = app.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    seed(page, at_the_consultation(coached).ws)
    app.open("#/home")
    app.wait_until_checked()
    page.add_script_tag(path=str(build.npm_packages() / "axe-core" / "axe.min.js"))
    go(page, "#/session?id=s-1", "Consultation")
    if coached:
        assert page.locator(".guidance .coach").inner_text() == "Pour le coach\u202f: " + CONSULTATION.coach.fr
        assert page.locator(".guidance .reminder").count() == 0
        page.locator(".guidance details.script summary").click()  # the script names the protocol's own leading role
        assert page.locator(".guidance .leader").inner_text() == "Modérateur·rice\u202f: Amélie Durand"
    else:
        assert page.locator(".guidance .coach").count() == 0
        assert page.locator(".guidance .reminder").inner_text().startswith(french("Rappel de la charte :"))
    assert check(page, f"guidance-{'coached' if coached else 'autonomous'}", viewport) == []
