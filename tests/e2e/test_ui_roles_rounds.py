"""End to end: two rounds of Kollegiale Beratung whose moderator and secretary rotate from
round to round and never fall to the carrier: chosen, the carrier's role moves to someone
else; the carrier is not offered the role; a role changes hands during the round. The round
with its roles photographed in French at 1280x720 and 390x844, checked by axe."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the room

import build  # noqa: E402
from support.room import Room  # noqa: E402
from test_ui_a11y import check  # noqa: E402
from ui_helpers import french, open_seeded, title_is  # noqa: E402


def kb_session() -> Room:
    """Five members at a Kollegiale Beratung session, the charter acknowledged, a case each."""
    room = Room(now=int(time.time() * 1000))  # opened now: the time budget reads true
    room.group()  # Alice, Bruno, Chloé, David, Émilie
    room.session(protocol_id="kollegiale-beratung")
    for i in range(5):
        room.do({"type": "add_pitch", "id": f"p-{i}", "session_id": "s-1", "member_id": f"m-{i}", "title": f"Cas {i}"})
    return room


def facts(page, text: str) -> None:
    page.wait_for_function("t => document.querySelector('.facts').textContent.endsWith(t)", arg=french(text))


def choose(page, title: str) -> None:
    page.get_by_role("button", name=french(f"Choisir « {title} »")).click()


def test_two_rounds_rotate_the_moderator_and_secretary_never_to_the_carrier(app):
    page = app.page
    open_seeded(app, kb_session().ws, "#/session?id=s-1")
    page.get_by_role("button", name="Commencer le premier tour").click()
    title_is(page, "Casting : distribution des rôles")
    facts(page, "Tour 1 sur 3 · Modérateur·rice : Alice · Secrétaire : Bruno")
    # Alice's case is chosen: she narrates, the moderation goes to Chloé
    choose(page, "Cas 0")
    facts(page, "Porteur : Alice · Modérateur·rice : Chloé · Secrétaire : Bruno")
    for _ in range(5):
        page.get_by_role("button", name="Étape suivante").click()
    title_is(page, "Conclusion")
    page.get_by_role("button", name="Terminer le tour").click()
    title_is(page, "Entre deux tours")

    # The second round rotates: Alice (who has just narrated) moderates, David writes...
    page.get_by_role("button", name="Commencer le tour suivant").click()
    title_is(page, "Casting : distribution des rôles")
    facts(page, "Tour 2 sur 3 · Modérateur·rice : Alice · Secrétaire : David")
    # ...until his own case is chosen: then Émilie writes for him
    choose(page, "Cas 3")
    facts(page, "Porteur : David · Modérateur·rice : Alice · Secrétaire : Émilie")
    page.locator("details.roles summary").click()
    secretary = page.get_by_role("group", name=french("Secrétaire (ce tour)"))
    assert secretary.get_by_role("button").all_inner_texts() == ["Alice", "Bruno", "Chloé", "Émilie"]  # not David
    secretary.get_by_role("button", name="Bruno").click()
    facts(page, "Porteur : David · Modérateur·rice : Alice · Secrétaire : Bruno")
    page.get_by_role("button", name="Étape suivante").click()
    title_is(page, "Récit spontané")
    assert page.locator(".guidance details.script").evaluate("d => d.open")  # on its own: read by the moderator
    assert page.locator(".guidance .leader").inner_text() == french("Modérateur·rice : Alice")

    page.add_script_tag(path=str(build.npm_packages() / "axe-core" / "axe.min.js"))
    page.locator(".facts").scroll_into_view_if_needed()
    violations = check(page, "round-roles", "projector")
    page.locator("details.roles").scroll_into_view_if_needed()
    violations += check(page, "round-roles-panel", "projector")
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator(".facts").scroll_into_view_if_needed()
    violations += check(page, "round-roles", "phone")
    assert violations == []
