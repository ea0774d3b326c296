"""Closing a session, and what can still be done after: reopening it to correct a round or
the evaluation (each correction an action like any other, merged like any other, and shown
by the summaries made afterwards); ending a break early; the action plan's "with whom" and
its order by due date."""

from __future__ import annotations

import pytest

from app.actions import ActionError
from app.sync.merge import merge
from app.summary.summaries import group_summary, member_summary
from support.halfday import half_day
from support.room import Room

INTERVENTION = "r-1"  # the half-day's first round


def refused(room: Room, action: dict, key: str) -> None:
    before = room.ws
    with pytest.raises(ActionError) as refusal:
        room.do(action)
    assert refusal.value.key == key
    assert room.ws is before


def test_a_closed_session_refuses_to_close_again_and_to_resume_a_round_before_it_is_reopened():
    room = half_day()
    assert room.ws.sessions["s-1"].stage == "finished"
    refused(room, {"type": "finish_session", "session_id": "s-1"}, "error.session.finished")
    refused(room, {"type": "resume_round", "round_id": "r-1"}, "error.session.wrong_stage")
    refused(room, {"type": "add_entry", "session_id": "s-1", "round_id": "r-1", "kind": "learning", "text": "x"}, "error.session.finished")


def test_only_a_closed_session_reopens_and_only_a_finished_round_resumes():
    room = half_day()
    room.do({"type": "reopen_session", "session_id": "s-1"})
    refused(room, {"type": "reopen_session", "session_id": "s-1"}, "error.session.not_finished")
    room.do({"type": "resume_round", "round_id": "r-2"})
    refused(room, {"type": "resume_round", "round_id": "r-2"}, "error.round.not_finished")
    refused(room, {"type": "resume_round", "round_id": "r-1"}, "error.session.wrong_stage")  # one round at a time
    refused(room, {"type": "finish_session", "session_id": "s-1"}, "error.session.round_running")


def test_a_reopened_session_is_corrected_closed_again_and_its_summaries_show_the_correction():
    room = half_day()
    room.do({"type": "reopen_session", "session_id": "s-1"})
    session = room.ws.sessions["s-1"]
    assert session.stage == "between" and room.ws.running_session() == session
    room.do({"type": "resume_round", "round_id": "r-1"})
    session, round_ = room.ws.sessions["s-1"], room.ws.rounds["r-1"]
    assert (session.stage, session.current_round_id, round_.finished, round_.step) == ("round", "r-1", False, 8)
    assert all(t.started_at is None for t in round_.step_timers.values()), "no timer runs while correcting"
    entry = room.ws.entries_of("r-1", "intervention")[0]
    room.do({"type": "edit_entry", "id": entry.id, "text": "Propose-lui un rôle qui compte, en réunion d'équipe."})
    room.do({"type": "add_entry", "session_id": "s-1", "round_id": "r-1", "kind": "learning", "author_id": "m-karim", "text": "Ajouté après coup."})
    room.do({"type": "finish_round", "round_id": "r-1"})
    room.do({"type": "start_evaluation", "session_id": "s-1"})
    room.do({"type": "edit_entry", "id": "ev-0", "rating": 3})
    room.do({"type": "finish_session", "session_id": "s-1"})
    assert room.ws.sessions["s-1"].stage == "finished" and room.ws.rounds["r-1"].finished

    carrier = member_summary(room.ws, "s-1", "m-sophie", "fr")
    said = [s.text for section in carrier.rounds[0].sections for s in section.said]
    assert "Propose-lui un rôle qui compte, en réunion d'équipe." in said
    assert entry.text not in said
    group = group_summary(room.ws, "s-1", "fr")
    assert 3 in [e.rating for e in group.evaluation]


def test_reopening_and_closing_are_undone_and_merged_like_any_change():
    room = half_day()
    room.do({"type": "reopen_session", "session_id": "s-1"})
    room.do({"type": "undo"})
    assert room.ws.sessions["s-1"].stage == "finished"
    room.do({"type": "redo"})
    tablet = Room(half_day().ws, device="d-tablet", now=room.now)
    assert tablet.ws.sessions["s-1"].stage == "finished"
    merged = merge(tablet.ws, room.ws)
    assert merged.sessions["s-1"].stage == "between", "the later reopening wins over the closing it knew of"
    assert merge(room.ws, tablet.ws).sessions["s-1"] == merged.sessions["s-1"]


def test_a_break_ends_early_and_only_a_running_one():
    room = Room()
    room.group()
    room.session()
    refused(room, {"type": "end_break", "session_id": "s-1"}, "error.session.no_break")
    room.do({"type": "start_break", "session_id": "s-1", "minutes": 15})
    room.do({"type": "end_break", "session_id": "s-1"}, after_s=120)
    assert room.ws.sessions["s-1"].break_timer is None


def test_an_action_plan_says_with_whom_and_is_listed_by_due_date_undated_last():
    room = Room()
    room.group()
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1", "carrier_id": "m-2"})
    room.do({"type": "add_action_item", "id": "a-none", "round_id": "r-1", "text": "Lire le rapport"})
    room.do({"type": "add_action_item", "id": "a-late", "round_id": "r-1", "text": "Bilan", "due": "2027-06-01"})
    room.do({"type": "add_action_item", "id": "a-soon", "round_id": "r-1", "text": "Entretien", "due": "2027-01-10", "with_whom": " la cadre supérieure "})
    assert [a.id for a in room.ws.action_items_of("r-1")] == ["a-soon", "a-late", "a-none"]
    assert room.ws.action_items["a-soon"].with_whom == "la cadre supérieure"
    room.do({"type": "edit_action_item", "id": "a-none", "text": "Lire le rapport", "due": "2027-01-01", "with_whom": "Bruno"})
    assert [a.id for a in room.ws.action_items_of("r-1")] == ["a-none", "a-soon", "a-late"]
    assert room.ws.action_items["a-none"].with_whom == "Bruno"


# What the screens say ------------------------------------------------------------------------


def show(room: Room, lang: str = "fr", screen: str = "session", **params: str) -> str:
    from app.views import render
    from app.views.context import View
    from app.views.routes import route

    return render(View(ws=room.ws, route=route(screen, **{"id": "s-1", **params}), lang=lang, now=room.now, local_time=lambda ms: (10, 40)))


def evaluating() -> Room:
    room = Room()
    room.group()
    room.session()
    room.do({"type": "start_evaluation", "session_id": "s-1"})
    return room


def test_closing_asks_in_the_page_and_a_closed_session_offers_to_reopen():
    room = evaluating()
    screen = show(room)
    assert 'data-command="close-ask"' in screen and 'data-action="finish_session"' not in screen
    asked = show(room, close="ask")
    assert "Clore la séance maintenant ?" in asked and 'data-command="close-session"' in asked
    assert "Continuer l’évaluation" in asked and 'aria-keyshortcuts="Escape"' in asked
    room.do({"type": "finish_session", "session_id": "s-1"})
    closed = show(room)
    assert 'data-command="reopen-session"' in closed and "Rouvrir la séance pour corriger" in closed
    room.do({"type": "reopen_session", "session_id": "s-1"})
    assert "Entre deux tours" in show(room)


def test_the_rounds_done_can_be_resumed_from_between_rounds():
    room = half_day()
    room.do({"type": "reopen_session", "session_id": "s-1"})
    screen = show(room)
    assert screen.count('data-action="resume_round"') == 3
    assert "Reprendre le tour 2 pour corriger" in screen


def test_a_break_says_when_the_room_is_back_and_can_end_now():
    room = Room()
    room.group()
    room.session()
    room.do({"type": "start_break", "session_id": "s-1", "minutes": 10})
    screen = show(room)
    assert ">Pause — reprise à 10\u00a0h\u00a040</h1>" in screen and ">Reprendre maintenant</button>" in screen
    assert ">Break — back at 10:40</h1>" in show(room, "en")
    assert ">Pause — reprise à 10\u00a0h\u00a040</h1>" in show(room, screen="presentation")
    room.do({"type": "end_break", "session_id": "s-1"})
    assert ">Entre deux tours</h1>" in show(room) and "Reprendre maintenant" not in show(room)


def test_the_time_of_day_without_the_browser_is_utc_in_the_readers_language():
    from app.views.context import View

    ws = Room().ws
    assert View(ws=ws, lang="fr").time(9 * 3_600_000 + 5 * 60_000) == "9\u00a0h\u00a005"
    assert View(ws=ws, lang="en").time(21 * 3_600_000 + 5 * 60_000) == "21:05"


def test_summaries_say_with_whom_list_actions_by_due_date_and_give_each_rating():
    from app.summary.render import markdown

    room = half_day()
    room.do({"type": "reopen_session", "session_id": "s-1"})
    room.do({"type": "resume_round", "round_id": "r-1"})
    room.do({"type": "add_action_item", "id": "r-1-a0", "round_id": "r-1", "text": "Prévenir ma directrice", "due": "2026-12-20", "with_whom": "ma directrice"})
    room.do({"type": "add_action_item", "id": "r-1-a3", "round_id": "r-1", "text": "Relire mes notes"})
    sophie = member_summary(room.ws, "s-1", "m-sophie", "fr")
    assert [a.text for a in sophie.rounds[0].actions] == [
        "Prévenir ma directrice",
        "Proposer à mon collègue de piloter le projet qualité",
        "Écrire avec l'équipe trois règles de réunion",
        "Relire mes notes",
    ]
    text = markdown(sophie)
    assert "Prévenir ma directrice" in text and "avec ma directrice" in text
    group = markdown(group_summary(room.ws, "s-1", "fr"))
    for n, name in enumerate(["Sophie Garnier", "Karim Haddad", "Léa Fontaine"]):
        line = next(line for line in group.splitlines() if name in line and "Cadre clair" in line)
        assert f"{4 + n % 2}/5" in line, line


def test_the_follow_up_groups_by_carrier_recalls_the_problem_and_presses_the_current_status():
    room = half_day()
    room.do({"type": "start_session", "id": "s-2", "group_id": "g-1", "date": "2027-03-11"})
    room.do({"type": "acknowledge_charter", "session_id": "s-2", "date": "2027-03-11"})
    before = show(room, id="s-2")
    headings = [name for name in ("Sophie Garnier", "Léa Fontaine", "Inès Carvalho") if f">{name}</h3>" in before]
    assert len(headings) == 3, "one heading per carrier"
    assert "Problématique « Un cadre expérimenté conteste mes décisions en réunion », séance du jeudi 3 décembre 2026" in before
    assert before.count('aria-pressed="true" data-id="r-1-a1"') == 1 and ">À faire</button>" in before
    def order(markup: str) -> list[str]:
        return sorted(("r-1-a1", "r-1-a2", "r-2-a1", "r-3-a1"), key=lambda a: markup.index(f'data-id="{a}"'))

    assert order(before) == ["r-1-a1", "r-1-a2", "r-2-a1", "r-3-a1"]
    room.do({"type": "update_action_item", "id": "r-1-a1", "session_id": "s-2", "status": "done"})
    after = show(room, id="s-2")
    assert order(after) == order(before), "no card moved"
    assert "point fait aujourd’hui" in after


def test_the_evaluation_shows_each_rating_on_the_screen_and_the_wall():
    room = evaluating()
    room.do({"type": "add_entry", "session_id": "s-1", "kind": "evaluation", "author_id": "m-1", "rating": 5, "text": "Très riche"})
    room.do({"type": "add_entry", "session_id": "s-1", "kind": "evaluation", "author_id": "m-3", "rating": 3, "text": "Trop long"})
    screen = show(room)
    assert ">5/5</span>" in screen and ">3/5</span>" in screen
    wall = show(room, screen="presentation")
    assert '<th scope="row">Bruno</th><td>5/5</td><td>Très riche</td>' in wall
    assert '<th scope="row">David</th><td>3/5</td><td>Trop long</td>' in wall
