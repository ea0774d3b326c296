"""End to end: a coached first session and an autonomous second one whose roles the
rotation proposes; a session running late whose suggestion is applied, then undone; the
new screens photographed and checked by axe."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the room

import build  # noqa: E402
import pytest  # noqa: E402
from support.room import Room  # noqa: E402
from test_ui_a11y import check, go  # noqa: E402
from ui_helpers import open_session, role_holder, seed  # noqa: E402

MIN = 60_000


def coached_round_at_its_end() -> Room:
    """Group g-1's first session, coached, its first round at its last step (played through
    the engine); and a new group g-2 with no session yet."""
    room = Room()
    room.group()  # Alice, Bruno, Chloé, David, Émilie
    room.session(coached=True)
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    room.do({"type": "add_pitch", "id": "p-1", "session_id": "s-1", "member_id": "m-1", "title": "Un planning qui déborde"})
    room.do({"type": "next_step", "round_id": "r-1"})
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-1"})
    keys = [s.key for s in room.ws.sessions["s-1"].protocol.steps]
    room.do({"type": "go_to_step", "round_id": "r-1", "step": keys.index("reformulations")})
    room.do({"type": "add_entry", "id": "ref-1", "session_id": "s-1", "round_id": "r-1", "kind": "reformulation",
             "author_id": "m-0", "text": "Ton problème est de tenir le planning."})
    room.do({"type": "next_step", "round_id": "r-1"})
    room.do({"type": "choose_reformulation", "round_id": "r-1", "entry_id": "ref-1"})
    room.do({"type": "set_contract", "round_id": "r-1", "request_types": ["conseils"]})
    room.do({"type": "go_to_step", "round_id": "r-1", "step": len(keys) - 1})
    members = [{"id": f"n-{i}", "name": n} for i, n in enumerate(("Farid", "Gaëlle", "Hugo", "Inès"))]
    room.do({"type": "create_group", "id": "g-2", "name": "Directeurs d'école", "members": members})
    return room


def test_a_coached_first_session_then_an_autonomous_one_with_the_roles_rotated(app):
    page = app.page
    seed(page, coached_round_at_its_end().ws)
    # A group's first session is coached unless said otherwise; the roles go in its order.
    app.open("#/setup?group=g-2")
    app.wait_until_checked()
    assert page.get_by_label("Avec un coach", exact=False).is_checked()
    assert [role_holder(page, r) for r in ("Animateur·rice", "Gardien·ne du temps", "Secrétaire")] == ["Farid", "Gaëlle", "Hugo"]

    # g-1's coached session: the coach's guidance, the script closed, naming the animateur.
    go(page, "#/session?id=s-1", "Synthèse de chaque membre")
    assert page.locator(".guidance .coach").inner_text().startswith("Pour le coach :")
    assert not page.locator(".guidance details.script").evaluate("d => d.open")  # the coach speaks
    page.locator(".guidance details.script summary").click()
    assert page.locator(".guidance .leader").inner_text() == "Animateur·rice : Alice"
    page.get_by_role("button", name="Terminer le tour").click()
    page.get_by_role("button", name="Terminer par l’évaluation de la séance").click()
    page.get_by_role("button", name="Clore la séance").click()
    page.get_by_role("button", name="Oui, clore la séance").click()
    page.get_by_text("La séance est close").wait_for()
    go(page, "#/group?id=g-1", "Cadres santé")
    page.get_by_text("avec un coach · Animateur·rice : Alice · Gardien·ne du temps : Bruno · Secrétaire : Chloé").wait_for()

    # The second: on its own, the rotation gives the roles to those who held none.
    # The secretary (never the carrier's) goes to Bruno, who has just carried, rather than Alice.
    go(page, "#/setup?group=g-1", "Nouvelle séance")
    assert page.get_by_label("En autonomie", exact=False).is_checked()
    assert [role_holder(page, r) for r in ("Animateur·rice", "Gardien·ne du temps", "Secrétaire")] == ["David", "Émilie", "Bruno"]
    page.get_by_label("Secrétaire", exact=True).select_option(label="Alice")
    open_session(page)
    page.get_by_role("button", name="Commencer le premier tour").click()
    page.get_by_role("heading", level=1, name="Exposé des problématiques").wait_for()
    assert page.locator(".guidance .coach").count() == 0
    assert page.locator(".guidance details.script").evaluate("d => d.open")  # read by the animateur
    assert page.locator(".guidance .leader").inner_text() == "Animateur·rice : David"
    assert "Secrétaire : Alice" in page.locator("details.roles summary").inner_text()

    # David has to hand over: Émilie facilitates from now on.
    page.locator("details.roles summary").click()
    page.get_by_role("group", name="Animateur·rice").get_by_role("button", name="Émilie").click()
    page.get_by_text("Animateur·rice : Émilie", exact=True).wait_for()
    assert page.locator(".guidance .leader").inner_text() == "Animateur·rice : Émilie"


def late_room() -> Room:
    """A session of two rounds that opened 40 minutes ago, its first step still running."""
    room = Room(now=int(time.time() * 1000) - 40 * MIN)
    room.group()
    room.session(planned_rounds=2, available_minutes=150)
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    return room


def test_a_session_running_late_applies_the_suggestion_and_undoes_it(app):
    page = app.page
    seed(page, late_room().ws)
    app.open("#/session?id=s-1")
    app.wait_until_checked()
    status = page.locator(".budget .budget-status")
    assert "de retard, il reste" in status.inner_text() and "pour 2 tours" in status.inner_text()
    page.get_by_role("button", name="Raccourcir les étapes à venir").click()
    page.wait_for_function("() => !document.querySelector('.budget .budget-status').textContent.includes('de retard')")
    assert page.get_by_role("button", name="Raccourcir les étapes à venir").count() == 0
    page.keyboard.press("Control+z")
    page.wait_for_function("() => document.querySelector('.budget .budget-status').textContent.includes('de retard')")
    page.get_by_role("button", name="Renoncer à un tour (en prévoir 1)").click()
    page.wait_for_function("() => document.querySelector('.budget .budget-status').textContent.includes('pour 1 tour')")


def history_room() -> Room:
    """Three evaluated sessions with roles, the third coached; a fourth one running late."""
    room = Room(now=int(time.time() * 1000) - 200 * MIN)
    room.group()
    for n, (date, ratings) in enumerate((("2026-09-01", (3, 4, 4)), ("2026-10-06", (4, 4, 5)), ("2026-11-03", (5, 4, 5)))):
        sid = f"s-{n}"
        room.session(sid, date, coached=n == 0)
        if n == 0:  # Bruno's plan, still open: the group page gives its age
            room.do({"type": "start_round", "session_id": sid, "id": "r-0"})
            room.do({"type": "add_pitch", "id": "p-0", "session_id": sid, "member_id": "m-1", "title": "Un planning qui déborde"})
            room.do({"type": "next_step", "round_id": "r-0"})
            room.do({"type": "choose_pitch", "round_id": "r-0", "pitch_id": "p-0"})
            room.do({"type": "add_action_item", "id": "a-0", "round_id": "r-0", "text": "Revoir le planning", "with_whom": "la cadre sup"})
            room.do({"type": "finish_round", "round_id": "r-0"})
        room.do({"type": "start_evaluation", "session_id": sid})
        for member, rating in enumerate(ratings):
            room.do({"type": "add_entry", "session_id": sid, "kind": "evaluation", "author_id": f"m-{member}", "rating": rating, "text": "Utile"})
        room.do({"type": "finish_session", "session_id": sid})
    room.wait(150 * 60)
    room.session("s-late", "2026-12-01", planned_rounds=3, available_minutes=180)
    room.do({"type": "start_round", "session_id": "s-late", "id": "r-1"})
    room.wait(-150 * 60 + 10)  # started 50 min ago: behind
    return room


@pytest.mark.parametrize("viewport, size", [("projector", (1280, 720)), ("phone", (390, 844))])
def test_roles_budget_and_trend_screens_pass_axe_and_are_photographed(app, viewport, size):
    page = app.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    seed(page, history_room().ws)
    app.open("#/setup?group=g-1")
    app.wait_until_checked()
    page.add_script_tag(path=str(build.npm_packages() / "axe-core" / "axe.min.js"))
    page.locator("fieldset.roles").scroll_into_view_if_needed()
    violations = check(page, "roles-setup", viewport)
    go(page, "#/session?id=s-late", "Exposé des problématiques")
    page.locator("details.roles summary").click()
    page.locator(".budget").scroll_into_view_if_needed()
    violations += check(page, "roles-budget", viewport)
    go(page, "#/history?group=g-1", "Historique — Cadres santé")
    page.locator(".trend").scroll_into_view_if_needed()
    violations += check(page, "roles-trend", viewport)
    go(page, "#/group?id=g-1", "Cadres santé")
    violations += check(page, "roles-group", viewport)
    assert violations == []
