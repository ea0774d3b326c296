"""End to end: David is marked absent when the session opens and Émilie leaves during the
first step; neither is in the speaking order any more, and the summaries offered are
those of the three present."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the room

from room import Room  # noqa: E402
from ui_helpers import seed  # noqa: E402


def turns(page) -> list[str]:
    return [t.strip() for t in page.locator(".turn button").all_inner_texts()]


def test_someone_absent_from_the_start_and_someone_leaving_are_out_of_the_turns_and_the_summaries(app):
    room = Room()
    room.group()  # Alice, Bruno, Chloé, David, Émilie
    page = app.page
    seed(page, room.ws)
    app.open("#/setup?group=g-1")
    app.wait_until_checked()

    david = page.get_by_role("group", name="David", exact=True)
    assert david.get_by_label("Présent").is_checked()  # present unless said otherwise
    david.get_by_label("Absent").check()
    page.get_by_text("pour 3 tours, 4 présents").wait_for()
    page.get_by_role("button", name="Ouvrir la séance").click()
    page.get_by_role("button", name="Le groupe valide la charte").click()
    page.get_by_role("button", name="Commencer le premier tour").click()

    page.get_by_role("heading", level=1, name="Exposé des problématiques").wait_for()
    assert turns(page) == ["Alice", "Bruno", "Chloé", "Émilie"]
    options = [o.strip() for o in page.get_by_label("Qui présente").locator("option").all_inner_texts()]
    assert options == ["Alice", "Bruno", "Chloé", "Émilie"]

    # Émilie has to leave: a correction, at once in the speaking order.
    page.get_by_text("Présences : 4 présents · absents : David").click()
    page.get_by_role("group", name="Émilie", exact=True).get_by_role("button", name="Excusé").click()
    page.wait_for_function("() => document.querySelectorAll('.turn button').length === 3")
    assert turns(page) == ["Alice", "Bruno", "Chloé"]
    assert "excusés : Émilie" in page.locator("details.attendance summary").inner_text()

    # The summaries offered: those of the three present, nobody else's.
    session_id = page.evaluate("location.hash").split("id=")[1]
    app.page.goto(app.url(f"#/summaries?session={session_id}"))
    page.get_by_role("heading", name="Les synthèses des membres").wait_for()
    offered = [w.strip() for w in page.locator(".summary-row .who").all_inner_texts()]
    assert offered == ["Alice", "Bruno", "Chloé"]
