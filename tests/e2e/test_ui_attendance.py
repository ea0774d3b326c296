"""End to end: David is marked absent when the session opens and Émilie leaves during the
first step; neither is in the speaking order any more, and the summaries offered are
those of the three present."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the room

import build  # noqa: E402
import pytest  # noqa: E402
from support.room import Room  # noqa: E402
from test_attendance import merged_below_the_minimum  # noqa: E402
from test_ui_a11y import check, go  # noqa: E402
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
    assert "excusés : Émilie" in page.locator("details.attendance summary").inner_text()
    assert page.locator("details.attendance").evaluate("d => d.open")  # still open for the next correction

    # The summaries offered: those of the three present, nobody else's.
    session_id = page.evaluate("location.hash").split("id=")[1]
    app.page.goto(app.url(f"#/summaries?session={session_id}"))
    page.get_by_role("heading", name="Les synthèses des membres").wait_for()
    offered = [w.strip() for w in page.locator(".summary-row .who").all_inner_texts()]
    assert offered == ["Alice", "Bruno", "Chloé"]


@pytest.mark.parametrize("viewport, size", [("projector", (1280, 720)), ("phone", (390, 844))])
def test_attendance_screens_pass_axe_and_are_photographed(app, viewport, size):
    """The setup screen's list, the correction open during a session, the group page and
    its history with a session's attendance."""
    room = Room()
    room.group()
    absent = [{"member_id": "m-3", "presence": "absent"}, {"member_id": "m-2", "presence": "excused"}]
    room.session("s-0", "2026-11-03", attendance=absent)
    room.do({"type": "start_evaluation", "session_id": "s-0"})
    room.do({"type": "finish_session", "session_id": "s-0"})
    room.do({"type": "add_member", "id": "m-5", "group_id": "g-1", "name": "Farid"})
    room.session("s-1", "2026-12-01", attendance=[{"member_id": "m-3", "presence": "absent"}])
    page = app.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    seed(page, room.ws)
    app.open("#/setup?group=g-1")
    page.add_script_tag(path=str(build.npm_packages() / "axe-core" / "axe.min.js"))
    violations = check(page, "attendance-setup", viewport)
    go(page, "#/session?id=s-1", "Entre deux tours")
    page.locator("details.attendance summary").click()
    page.locator("details.attendance").scroll_into_view_if_needed()
    violations += check(page, "attendance-correction", viewport)
    go(page, "#/group?id=g-1", "Cadres santé")
    violations += check(page, "attendance-group", viewport)
    go(page, "#/history?group=g-1", "Historique — Cadres santé")
    violations += check(page, "attendance-history", viewport)
    assert violations == []


def test_attendance_merged_below_the_minimum_is_said_passes_axe_and_is_photographed(app):
    """Two devices' corrections merged below the minimum: said at the top of the session,
    the correction open below."""
    page = app.page
    seed(page, merged_below_the_minimum().ws)
    app.open("#/session?id=s-1")
    app.wait_until_checked()
    page.get_by_text("Seulement 1 personne présente").wait_for()
    assert page.locator("details.attendance").evaluate("d => d.open")
    page.add_script_tag(path=str(build.npm_packages() / "axe-core" / "axe.min.js"))
    violations = []
    for viewport, (width, height) in (("projector", (1280, 720)), ("phone", (390, 844))):
        page.set_viewport_size({"width": width, "height": height})
        violations += check(page, "attendance-short", viewport)
    assert violations == []
