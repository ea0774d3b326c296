"""The half-day's time budget: how far ahead or behind, and the two ways back on time
(shorten the steps to come, drop a round), undoable."""

from __future__ import annotations

import pytest

from app import budget
from app.actions import ActionError
from support.room import Room

MIN = 60_000


def opened(rounds: int = 3, **extra) -> Room:
    room = Room()
    room.group()
    room.session(planned_rounds=rounds, **extra)
    return room


def now_budget(room: Room) -> budget.Budget:
    return budget.compute(room.ws, room.ws.sessions["s-1"], room.now)


def refused(room: Room, action: dict, key: str) -> None:
    before = room.ws
    with pytest.raises(ActionError) as error:
        room.do(action)
    assert error.value.key == key
    assert room.ws is before


def test_a_session_without_a_time_limit_plans_its_nominal_time_and_falls_behind_as_time_passes():
    room = opened(rounds=2)
    session = room.ws.sessions["s-1"]
    nominal = session.protocol.session_minutes(5, 2)
    b = now_budget(room)
    assert b.planned_end - b.started_at == int(nominal * MIN)
    assert b.rounds_left == 2 and b.rounds_to_start == 2
    assert -2 * MIN < b.late_ms < 2 * MIN and not b.behind  # the charter took two seconds
    room.wait(12 * 60)
    assert now_budget(room).late_ms // MIN == 12
    assert now_budget(room).behind


def test_the_time_available_sets_the_planned_end():
    room = opened(available_minutes=200)
    b = now_budget(room)
    assert b.planned_end == b.started_at + 200 * MIN


def test_the_running_step_counts_what_is_left_of_its_timer():
    room = opened(rounds=1)
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    pitches = room.ws.sessions["s-1"].protocol.steps[0]
    before = now_budget(room)
    assert before.current_left == int(pitches.budget_minutes(5) * MIN)
    room.wait(60)
    after = now_budget(room)
    assert after.current_left == before.current_left - MIN
    assert after.late_ms == before.late_ms  # a step on time keeps the session on time


def test_shortening_the_steps_to_come_brings_a_late_session_back_on_time_and_undo_restores_them():
    room = opened(rounds=2)
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    room.wait(40 * 60)  # the pitches overran by half an hour
    assert now_budget(room).late_ms > 30 * MIN
    steps = room.ws.sessions["s-1"].protocol.steps
    room.do({"type": "shorten_steps", "session_id": "s-1"})
    after = now_budget(room)
    assert -8 * MIN < after.late_ms <= 0  # never over; rounding down to the half minute gives a few minutes back
    shorter = room.ws.sessions["s-1"].protocol.steps
    assert all(b.minutes < a.minutes for a, b in zip(steps, shorter) if a.minutes and a.minutes > 1)
    room.do({"type": "undo"})
    assert room.ws.sessions["s-1"].protocol.steps == steps


def test_shortening_is_refused_on_time():
    room = opened()
    refused(room, {"type": "shorten_steps", "session_id": "s-1"}, "budget.error.cannot_shorten")


def test_dropping_a_round_takes_one_not_started_and_undo_gives_it_back():
    room = opened(rounds=3)
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    room.wait(45 * 60)
    b = now_budget(room)
    assert b.can_drop_round and b.rounds_to_start == 2
    room.do({"type": "drop_round", "session_id": "s-1"})
    assert room.ws.sessions["s-1"].planned_rounds == 2
    assert now_budget(room).late_ms < b.late_ms
    room.do({"type": "drop_round", "session_id": "s-1"})
    refused(room, {"type": "drop_round", "session_id": "s-1"}, "budget.error.no_round_to_drop")
    room.do({"type": "undo"})
    room.do({"type": "undo"})
    assert room.ws.sessions["s-1"].planned_rounds == 3


def test_no_time_left_means_no_shortening_but_a_round_can_still_go():
    room = opened(rounds=2)
    room.wait(int(room.ws.sessions["s-1"].protocol.session_minutes(5, 2) * 60) + 60)
    b = now_budget(room)
    assert b.shorten_factor is None and b.can_drop_round


# Screens ------------------------------------------------------------------------------------


def screen(room: Room, name: str = "session", **params: str) -> str:
    from test_views import show

    return show(room, name, **params)


def test_the_operator_sees_how_late_the_session_is_and_applies_the_suggestion():
    room = opened(rounds=2, available_minutes=120)
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    room.wait(int(now_budget(room).current_left / 1000))  # the pitches took their time...
    room.wait(12 * 60)  # ... and twelve minutes more
    page = screen(room, id="s-1")
    assert "Budget de temps" in page
    b = now_budget(room)
    assert 12 <= round(b.late_ms / MIN) <= 13  # twelve, and what scaling rounded over the plan
    assert f"{round(b.late_ms / MIN)} min de retard, il reste 1 h 40 pour 2 tours" in page
    assert "Début 20\u00a0h\u00a026 · maintenant 20\u00a0h\u00a046 · fin prévue 22\u00a0h\u00a026" in page
    assert 'data-action="shorten_steps"' in page and 'data-action="drop_round"' in page
    room.do({"type": "shorten_steps", "session_id": "s-1"})
    page = screen(room, id="s-1")
    assert "de retard" not in page and 'data-action="shorten_steps"' not in page


def test_on_time_there_is_nothing_to_suggest_and_the_wall_shows_the_budget_when_asked():
    room = opened(rounds=2)
    page = screen(room, id="s-1")
    assert "À l’heure, il reste" in page and "shorten_steps" not in page
    assert "il reste" not in screen(room, "presentation", id="s-1")
    room.do({"type": "set_preferences", "budget_on_wall": True})
    assert "À l’heure, il reste" in screen(room, "presentation", id="s-1")


def test_the_duration_reads_in_hours_and_minutes():
    from app.views.budget import duration
    from app.views.context import View
    from app.views.routes import route

    view = View(ws=Room().ws, route=route("home"), lang="fr", now=0, today="2026-12-01")
    assert duration(view, 100 * MIN) == "1 h 40"
    assert duration(view, 12 * MIN) == "12 min"


def test_a_session_left_open_since_another_day_says_so_and_suggests_no_catching_up():
    """Coming back to a session nobody closed: no "4534 h 14 de retard", no shortening."""
    room = opened(rounds=2, available_minutes=120)
    room.do({"type": "set_preferences", "budget_on_wall": True})
    room.wait(int((budget.STALE - MIN) / 1000) + 120 * 60)  # the planned end passed nearly twelve hours ago
    assert now_budget(room).behind and not now_budget(room).stale
    room.wait(2 * 60)
    b = now_budget(room)
    assert b.stale and not b.behind and b.shorten_factor is None and not b.can_drop_round
    from app.views.context import View
    from app.views.routes import route

    page = screen(room, id="s-1")
    day = View(ws=room.ws, route=route("home"), lang="fr", now=0).date(room.ws.sessions["s-1"].date)
    assert f"Séance du {day}, restée ouverte\u202f: son budget de temps ne s’applique plus." in page
    assert "de retard" not in page and "shorten_steps" not in page and "drop_round" not in page
    assert "fin prévue" not in page  # another day's hours, without their date, would only confuse
    assert "restée ouverte" not in screen(room, "presentation", id="s-1")
