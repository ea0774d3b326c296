"""Actions that follow people: still open, they come back at every next session's
follow-up, in their owner's summary, and on the group page with their age."""

from __future__ import annotations

from app.summary.summaries import member_summaries
from app.summary.layout import layout
from app.summary.render import markdown
from support.room import Room


def first_session(room: Room) -> None:
    """2026-09-01: Bruno carries; his plan has two actions."""
    room.group()
    room.session("s-1", "2026-09-01")
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    room.do({"type": "add_pitch", "id": "p-1", "session_id": "s-1", "member_id": "m-1", "title": "Un planning qui déborde"})
    room.do({"type": "next_step", "round_id": "r-1"})
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-1"})
    room.do({"type": "add_action_item", "id": "a-1", "round_id": "r-1", "text": "Revoir le planning", "with_whom": "la cadre sup", "due": "2026-09-20"})
    room.do({"type": "add_action_item", "id": "a-2", "round_id": "r-1", "text": "Appeler la DRH"})
    room.do({"type": "finish_round", "round_id": "r-1"})
    finish(room, "s-1")


def finish(room: Room, sid: str) -> None:
    room.do({"type": "start_evaluation", "session_id": sid})
    room.do({"type": "finish_session", "session_id": sid})


def followed(room: Room, sid: str) -> list[str]:
    from app.views.context import View
    from app.views.routes import route
    from app.views.followup import followed as listed

    view = View(ws=room.ws, route=route("session", id=sid), lang="fr", now=room.now, today="2026-12-01")
    return [a.id for a in listed(view, room.ws.sessions[sid])]


def test_an_action_still_open_comes_back_at_every_next_follow_up_until_done():
    room = Room()
    first_session(room)
    room.session("s-2", "2026-10-01")
    assert room.ws.sessions["s-2"].stage == "followup"
    assert followed(room, "s-2") == ["a-1", "a-2"]
    room.do({"type": "update_action_item", "id": "a-1", "session_id": "s-2", "status": "in_progress", "comment": "à moitié"})
    room.do({"type": "update_action_item", "id": "a-2", "session_id": "s-2", "status": "done"})
    room.do({"type": "finish_followup", "session_id": "s-2"})
    finish(room, "s-2")
    room.session("s-3", "2026-11-01")
    assert room.ws.sessions["s-3"].stage == "followup"
    assert followed(room, "s-3") == ["a-1"]  # carried forward again; the done one is not
    room.do({"type": "update_action_item", "id": "a-1", "session_id": "s-3", "status": "done"})
    room.do({"type": "finish_followup", "session_id": "s-3"})
    finish(room, "s-3")
    room.session("s-4", "2026-12-01")
    assert room.ws.sessions["s-4"].stage == "between" and followed(room, "s-4") == []


def test_a_members_summary_lists_their_open_actions_from_every_earlier_session():
    room = Room()
    first_session(room)
    room.session("s-2", "2026-10-01")
    room.do({"type": "update_action_item", "id": "a-2", "session_id": "s-2", "status": "in_progress"})
    room.do({"type": "finish_followup", "session_id": "s-2"})
    finish(room, "s-2")
    room.session("s-3", "2026-11-01", attendance=[{"member_id": "m-0", "presence": "absent"}])
    room.do({"type": "finish_followup", "session_id": "s-3"})
    finish(room, "s-3")
    bruno = member_summaries(room.ws, "s-3", "fr")["m-1"]
    # neither was reviewed at s-3: both are still open, from the session of September
    assert [c.text for c in bruno.still_open] == ["Revoir le planning", "Appeler la DRH"]
    text = markdown(layout(bruno))
    assert "Vos actions encore ouvertes" in text and "avec la cadre sup" in text
    # at s-2, the reviewed one is its follow-up, the other still open
    at_s2 = member_summaries(room.ws, "s-2", "fr")["m-1"]
    assert [c.text for c in at_s2.followups] == ["Appeler la DRH"]
    assert [c.text for c in at_s2.still_open] == ["Revoir le planning"]
    # the first session's summary has none from before it; another member has none of Bruno's
    assert member_summaries(room.ws, "s-1", "fr")["m-1"].still_open == ()
    assert member_summaries(room.ws, "s-3", "fr")["m-2"].still_open == ()


def test_the_group_page_shows_open_actions_with_their_age():
    from test_views import show

    room = Room()
    first_session(room)
    page = show(room, "group", id="g-1")  # today is 2026-12-01
    assert page.count("décidée il y a 91 jours") == 2
    room.session("s-2", "2026-10-01")
    room.do({"type": "update_action_item", "id": "a-2", "session_id": "s-2", "status": "done"})
    assert show(room, "group", id="g-1").count("décidée il y a 91 jours") == 1
