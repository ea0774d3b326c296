"""The session's roles: from the protocol's data, given at the start by a fair rotation or
by the setup, changed during the session (undoable), only among those present."""

from __future__ import annotations

import pytest

from app import roles
from app.actions import ActionError
from app.protocol import LIBRARY
from support.room import Room


def refused(room: Room, action: dict, key: str) -> None:
    before = room.ws
    with pytest.raises(ActionError) as error:
        room.do(action)
    assert error.value.key == key
    assert room.ws is before


def finish(room: Room, sid: str) -> None:
    room.do({"type": "start_evaluation", "session_id": sid})
    room.do({"type": "finish_session", "session_id": sid})


def test_roles_come_from_the_protocol_data():
    assert [r.name("fr") for r in LIBRARY["peer-group-9"].roles] == ["Animateur·rice", "Gardien·ne du temps", "Secrétaire"]
    assert [r.name("en") for r in LIBRARY["kollegiale-beratung"].roles] == ["Moderator", "Secretary"]
    assert LIBRARY["kollegiale-beratung"].leading_role.name("fr") == "Modérateur·rice"
    assert [r.key for r in LIBRARY["case-clinic"].roles] == ["timekeeper"]
    assert LIBRARY["case-clinic"].leading_role is None


def test_a_first_session_gives_the_roles_in_the_group_order():
    room = Room()
    room.group()
    room.session()
    assert room.ws.sessions["s-1"].roles == {"facilitator": "m-0", "timekeeper": "m-1", "secretary": "m-2"}


def test_the_rotation_goes_to_who_has_not_held_a_role_for_longest():
    room = Room()
    room.group()
    room.session("s-1", "2026-09-01")
    finish(room, "s-1")
    room.session("s-2", "2026-10-01")
    # Alice, Bruno and Chloé held roles; David and Émilie never did, then the oldest holders
    assert room.ws.sessions["s-2"].roles == {"facilitator": "m-3", "timekeeper": "m-4", "secretary": "m-0"}
    finish(room, "s-2")
    room.session("s-3", "2026-11-01", attendance=[{"member_id": "m-1", "presence": "excused"}])
    # Bruno (never facilitator, held a role in September) is away: Chloé, then Alice and David
    held = room.ws.sessions["s-3"].roles
    assert held["facilitator"] == "m-2"
    assert "m-1" not in held.values()
    assert len(set(held.values())) == 3


def test_two_present_for_three_roles_share_them_and_swap_next_time():
    room = Room()
    room.group(("Alice", "Bruno", "Chloé", "David"))
    away = [{"member_id": "m-2", "presence": "absent"}, {"member_id": "m-3", "presence": "absent"}]
    room.session("s-1", "2026-09-01", attendance=away)
    finish(room, "s-1")
    room.session("s-2", "2026-10-01", attendance=away)
    assert room.ws.sessions["s-1"].roles == {"facilitator": "m-0", "timekeeper": "m-1", "secretary": "m-0"}
    assert room.ws.sessions["s-2"].roles == {"facilitator": "m-1", "timekeeper": "m-0", "secretary": "m-1"}


def test_the_setup_names_a_holder_or_nobody_and_the_rest_rotate():
    room = Room()
    room.group()
    lines = [{"role": "facilitator", "member_id": "m-4"}, {"role": "secretary", "member_id": ""}]
    room.session(roles=lines)
    assert room.ws.sessions["s-1"].roles == {"facilitator": "m-4", "timekeeper": "m-0"}


def test_starting_refuses_a_role_to_someone_absent_or_a_role_the_protocol_lacks():
    room = Room()
    room.group()
    absent = [{"member_id": "m-1", "presence": "absent"}]
    start = {"type": "start_session", "id": "s-1", "group_id": "g-1", "date": "2026-12-01", "attendance": absent}
    refused(room, {**start, "roles": [{"role": "facilitator", "member_id": "m-1"}]}, "error.attendance.not_present")
    refused(room, {**start, "roles": [{"role": "moderator", "member_id": "m-0"}]}, "roles.error.unknown")


def test_a_role_changes_hands_during_the_session_and_undo_gives_it_back():
    room = Room()
    room.group()
    room.session()
    room.do({"type": "assign_role", "session_id": "s-1", "role": "facilitator", "member_id": "m-3"})
    assert room.ws.sessions["s-1"].roles["facilitator"] == "m-3"
    room.do({"type": "assign_role", "session_id": "s-1", "role": "secretary"})
    assert "secretary" not in room.ws.sessions["s-1"].roles
    room.do({"type": "undo"})
    room.do({"type": "undo"})
    assert room.ws.sessions["s-1"].roles["facilitator"] == "m-0"
    assert room.ws.sessions["s-1"].roles["secretary"] == "m-2"


def test_assigning_refuses_someone_not_present_an_unknown_role_and_a_closed_session():
    room = Room()
    room.group()
    room.session(attendance=[{"member_id": "m-4", "presence": "excused"}])
    refused(room, {"type": "assign_role", "session_id": "s-1", "role": "facilitator", "member_id": "m-4"}, "error.attendance.not_present")
    refused(room, {"type": "assign_role", "session_id": "s-1", "role": "moderator", "member_id": "m-0"}, "roles.error.unknown")
    finish(room, "s-1")
    refused(room, {"type": "assign_role", "session_id": "s-1", "role": "facilitator", "member_id": "m-1"}, "error.session.finished")


def test_someone_who_leaves_leaves_their_role():
    room = Room()
    room.group()
    room.session()
    room.do({"type": "set_attendance", "session_id": "s-1", "member_id": "m-1", "presence": "excused"})
    assert room.ws.sessions["s-1"].roles == {"facilitator": "m-0", "secretary": "m-2"}


def test_holders_and_leader():
    room = Room()
    room.group()
    room.session(protocol_id="kollegiale-beratung")
    # Kollegiale Beratung's roles are held per round (tests/test_roles_rounds.py): none for the session
    assert room.ws.sessions["s-1"].roles == {}
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    session, round_ = room.ws.sessions["s-1"], room.ws.rounds["r-1"]
    assert round_.roles == {"moderator": "m-0", "secretary": "m-1"}
    assert roles.leader(session, round_) == "m-0" and roles.leader(session) == ""
    assert [r.key for r in roles.holders(session, "m-1", round_)] == ["secretary"]


# Screens ------------------------------------------------------------------------------------


def screen(room: Room, name: str, **params: str) -> str:
    from test_views import show

    return show(room, name, **params)


def selected(page: str, role: str) -> str:
    """The member id selected for `role` on the setup screen."""
    select = page[page.index('data-draft="setup:role.g-1.') :]
    select = select[select.index(f'.{role}"') :].split("</select>")[0]
    return select.split('" selected')[0].rsplit('value="', 1)[1] if '" selected' in select else ""


def test_the_setup_screen_proposes_the_rotation_among_those_present():
    room = Room()
    room.group()
    room.session("s-1", "2026-09-01")
    finish(room, "s-1")
    page = screen(room, "setup", group="g-1")
    assert "<legend>Rôles de la séance</legend>" in page
    assert (selected(page, "facilitator"), selected(page, "timekeeper"), selected(page, "secretary")) == ("m-3", "m-4", "m-0")
    room.do({"type": "set_draft", "key": "setup:presence.m-3", "text": "absent"})
    room.do({"type": "set_draft", "key": "setup:role.g-1.1.secretary", "text": "m-1"})
    page = screen(room, "setup", group="g-1")
    assert (selected(page, "facilitator"), selected(page, "timekeeper"), selected(page, "secretary")) == ("m-4", "m-0", "m-1")
    assert 'value="m-3"' not in page[page.index("setup:role.g-1.1.facilitator") :].split("</select>")[0]
    # the choice was for that session: once it has started, the next one rotates again
    room.session("s-2", "2026-10-01", roles=[{"role": "secretary", "member_id": "m-1"}])
    finish(room, "s-2")
    page = screen(room, "setup", group="g-1")
    assert selected(page, "secretary") != "m-1"


def test_the_setup_screen_offers_the_protocols_own_roles_and_the_mode():
    room = Room()
    room.group()
    room.do({"type": "set_draft", "key": "setup:protocol_id", "text": "kollegiale-beratung"})
    page = screen(room, "setup", group="g-1")
    assert "Modérateur·rice" in page and "Secrétaire" in page and "Gardien·ne du temps" not in page
    # a group's first session is coached unless said otherwise; later ones run on their own
    assert 'name="coached" value="true" data-draft="setup:coached" checked' in page
    room.session()
    finish(room, "s-1")
    page = screen(room, "setup", group="g-1")
    assert 'name="coached" value="false" data-draft="setup:coached" checked' in page


def test_the_session_changes_a_role_with_one_press_and_the_script_names_the_animateur():
    room = Room()
    room.group()
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    page = screen(room, "session", id="s-1")
    assert "Rôles — Animateur·rice : Alice · Gardien·ne du temps : Bruno · Secrétaire : Chloé" in page
    assert page.count('data-action="assign_role"') == 15
    assert '<p class="leader">Animateur·rice : Alice</p>' in page
    room.do({"type": "assign_role", "session_id": "s-1", "role": "facilitator", "member_id": "m-4"})
    assert '<p class="leader">Animateur·rice : Émilie</p>' in screen(room, "session", id="s-1")


def test_the_group_page_and_history_say_who_held_which_role_and_which_sessions_were_coached():
    room = Room()
    room.group()
    room.session("s-1", "2026-09-01", coached=True)
    finish(room, "s-1")
    room.session("s-2", "2026-10-01")
    for page in (screen(room, "group", id="g-1"), screen(room, "history", group="g-1")):
        assert "avec un coach · Animateur·rice : Alice · Gardien·ne du temps : Bruno · Secrétaire : Chloé" in page
        assert "en autonomie · Animateur·rice : David" in page


def steps_to(room: Room, key: str) -> None:
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    room.do({"type": "add_pitch", "id": "p-1", "session_id": "s-1", "member_id": "m-1", "title": "Un planning qui déborde"})
    room.do({"type": "next_step", "round_id": "r-1"})
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-1"})
    keys = [s.key for s in room.ws.sessions["s-1"].protocol.steps]
    if key == "interventions":  # past the contract's gate
        room.do({"type": "go_to_step", "round_id": "r-1", "step": keys.index("reformulations")})
        room.do({"type": "add_entry", "id": "ref-1", "session_id": "s-1", "round_id": "r-1", "kind": "reformulation",
                 "author_id": "m-0", "text": "Ton problème est de poser un cadre."})
        room.do({"type": "next_step", "round_id": "r-1"})
        room.do({"type": "choose_reformulation", "round_id": "r-1", "entry_id": "ref-1"})
        room.do({"type": "set_contract", "round_id": "r-1", "request_types": ["conseils"]})
    room.do({"type": "go_to_step", "round_id": "r-1", "step": keys.index(key)})


@pytest.mark.parametrize("key", ["exploration", "interventions"])
def test_coached_shows_the_coachs_guidance_autonomous_the_charter_before_questions_and_interventions(key):
    coached, alone = Room(), Room()
    for room, mode in ((coached, True), (alone, False)):
        room.group()
        room.session(coached=mode)
        steps_to(room, key)
    with_coach, on_its_own = screen(coached, "session", id="s-1"), screen(alone, "session", id="s-1")
    assert "Pour le coach :" in with_coach and "Rappel de la charte" not in with_coach
    assert "Pour le coach :" not in on_its_own and "Rappel de la charte" in on_its_own
    assert '<details class="script" open>' in on_its_own and '<details class="script">' in with_coach


def test_the_charter_is_not_recalled_at_other_steps():
    room = Room()
    room.group()
    room.session()
    steps_to(room, "expose")
    assert "Rappel de la charte" not in screen(room, "session", id="s-1")


def test_the_summaries_say_who_held_which_role():
    from app.summary.summaries import group_summary, member_summaries
    from app.summary.layout import layout
    from app.summary.render import markdown

    room = Room()
    room.group()
    room.session()
    room.do({"type": "assign_role", "session_id": "s-1", "role": "secretary", "member_id": "m-4"})
    finish(room, "s-1")
    group = markdown(layout(group_summary(room.ws, "s-1", "fr")))
    alice = markdown(layout(member_summaries(room.ws, "s-1", "en")["m-0"]))
    assert "Animateur·rice" in group and "Secrétaire" in group and "Émilie" in group
    assert "Facilitator" in alice and "Timekeeper" in alice and "Bruno" in alice
