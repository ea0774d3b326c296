"""Roles held per round (issue 18 item 1): a protocol's data says which of its roles change
with each round (Kollegiale Beratung's moderator and secretary) and which are never the
carrier's; each round's holders are proposed by the rotation as it starts, move off the
carrier once chosen, change at any time (never to the carrier), merge role by role, and are
said on the round's screen, to the script, in the history and in the summaries."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st

from app.actions import ActionError, apply, parse
from app.protocol import LIBRARY, SECRETARY
from app.sync import file_format, restore
from app.sync.merge import merge
from support.room import START, Room
from test_roles import refused, screen
from test_sync_merge import FAST, records

KB = "kollegiale-beratung"


def kb_room() -> Room:
    """Five members at a Kollegiale Beratung session, each with a problem, the first round open."""
    room = Room()
    room.group()
    room.session(protocol_id=KB)
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    for i in range(5):
        room.do({"type": "add_pitch", "id": f"p-{i}", "session_id": "s-1", "member_id": f"m-{i}", "title": f"Cas {i}"})
    return room


def second_round(room: Room, pitch: str) -> None:
    room.do({"type": "finish_round", "round_id": "r-1"})
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-2"})
    room.do({"type": "choose_pitch", "round_id": "r-2", "pitch_id": pitch})


def test_the_protocols_data_says_which_roles_change_each_round_and_which_are_never_the_carriers():
    kb = LIBRARY[KB]
    assert [(r.key, r.per_round, r.not_carrier) for r in kb.roles] == [("moderator", True, True), ("secretary", True, True)]
    assert kb.session_roles == ()
    codev = LIBRARY["peer-group-9"]
    assert codev.round_roles == () and SECRETARY.not_carrier and SECRETARY in codev.roles


def test_each_round_gets_its_roles_as_it_starts_and_a_role_moves_off_the_carrier_once_chosen():
    room = kb_room()
    assert room.ws.sessions["s-1"].roles == {}
    assert room.ws.rounds["r-1"].roles == {"moderator": "m-0", "secretary": "m-1"}
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-0"})  # Alice, the moderator, carries
    assert room.ws.rounds["r-1"].roles == {"moderator": "m-2", "secretary": "m-1"}
    # the next round rotates: nobody holds again what they held; Alice, who has just carried
    # (the least likely to carry again), moderates
    room.do({"type": "finish_round", "round_id": "r-1"})
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-2"})
    assert room.ws.rounds["r-2"].roles == {"moderator": "m-0", "secretary": "m-3"}
    room.do({"type": "choose_pitch", "round_id": "r-2", "pitch_id": "p-3"})  # David, the secretary, carries
    assert room.ws.rounds["r-2"].roles == {"moderator": "m-0", "secretary": "m-4"}
    assert room.ws.rounds["r-1"].roles == {"moderator": "m-2", "secretary": "m-1"}  # the first round's stay as they were


def test_a_round_role_changes_hands_during_the_round_and_undo_gives_it_back():
    room = kb_room()
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-4"})
    room.do({"type": "assign_role", "session_id": "s-1", "role": "secretary", "member_id": "m-3"})
    assert room.ws.rounds["r-1"].roles == {"moderator": "m-0", "secretary": "m-3"}
    assert room.ws.sessions["s-1"].roles == {}
    room.do({"type": "assign_role", "session_id": "s-1", "round_id": "r-1", "role": "moderator"})
    assert room.ws.rounds["r-1"].roles == {"secretary": "m-3"}
    room.do({"type": "undo"})
    room.do({"type": "undo"})
    assert room.ws.rounds["r-1"].roles == {"moderator": "m-0", "secretary": "m-1"}


def test_assigning_a_role_that_is_not_the_carriers_to_the_carrier_is_refused_with_their_name():
    room = kb_room()
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-3"})
    for role in ("moderator", "secretary"):
        refused(room, {"type": "assign_role", "session_id": "s-1", "role": role, "member_id": "m-3"}, "rounds.error.carrier")
    with pytest.raises(ActionError) as error:
        room.do({"type": "assign_role", "session_id": "s-1", "role": "secretary", "member_id": "m-3"})
    assert error.value.params == {"name": "David"}


def test_a_round_role_is_refused_between_rounds_at_the_setup_and_to_someone_away():
    room = kb_room()
    room.do({"type": "set_attendance", "session_id": "s-1", "member_id": "m-4", "presence": "excused"})
    refused(room, {"type": "assign_role", "session_id": "s-1", "role": "secretary", "member_id": "m-4"}, "error.attendance.not_present")
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-0"})
    room.do({"type": "finish_round", "round_id": "r-1"})
    refused(room, {"type": "assign_role", "session_id": "s-1", "role": "secretary", "member_id": "m-3"}, "rounds.error.no_round")
    other = Room()
    other.group()
    start = {"type": "start_session", "id": "s-1", "group_id": "g-1", "date": "2026-12-01", "protocol_id": KB}
    refused(other, {**start, "roles": [{"role": "moderator", "member_id": "m-0"}]}, "rounds.error.per_round")


def test_someone_who_leaves_leaves_their_role_in_the_round():
    room = kb_room()
    room.do({"type": "set_attendance", "session_id": "s-1", "member_id": "m-1", "presence": "absent"})
    assert room.ws.rounds["r-1"].roles == {"moderator": "m-0"}


def test_a_session_role_that_is_not_the_carriers_goes_first_to_whoever_carried_most_recently():
    """The codev secretary (per session): between members equal by the rotation, the one who
    has just carried, the least likely to carry again."""
    room = Room()
    room.group()
    nobody = [{"role": r, "member_id": ""} for r in ("facilitator", "timekeeper", "secretary")]
    room.session("s-1", "2026-09-01", roles=nobody)
    room.do({"type": "add_pitch", "id": "p-4", "session_id": "s-1", "member_id": "m-4", "title": "Un planning"})
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1", "pitch_id": "p-4"})
    room.do({"type": "finish_round", "round_id": "r-1"})
    room.do({"type": "start_evaluation", "session_id": "s-1"})
    room.do({"type": "finish_session", "session_id": "s-1"})
    room.session("s-2", "2026-10-01")
    # the group's order gives the first two; Chloé would have been secretary, Émilie carried last
    assert room.ws.sessions["s-2"].roles == {"facilitator": "m-0", "timekeeper": "m-1", "secretary": "m-4"}


# Merge and older files ----------------------------------------------------------------------


def apart() -> tuple[Room, Room]:
    start = kb_room()
    start.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-4"})
    return Room(start.ws, device="d-laptop", now=START + 10_000_000), Room(start.ws, device="d-tablet", now=START + 10_000_000)


def test_round_roles_assigned_apart_on_two_devices_both_stay():
    laptop, tablet = apart()
    laptop.do({"type": "assign_role", "session_id": "s-1", "role": "moderator", "member_id": "m-2"})
    tablet.do({"type": "assign_role", "session_id": "s-1", "role": "secretary", "member_id": "m-3"}, after_s=5)
    for merged in (merge(laptop.ws, tablet.ws), merge(tablet.ws, laptop.ws)):
        assert merged.rounds["r-1"].roles == {"moderator": "m-2", "secretary": "m-3"}


ASSIGN = st.fixed_dictionaries(
    {"role": st.sampled_from(["moderator", "secretary"]), "member_id": st.sampled_from(["", "m-1", "m-2", "m-3"])}
)


@FAST
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2_000), st.one_of(ASSIGN, st.integers(0, 2))), max_size=12))
def test_round_roles_merge_the_same_whichever_way_and_each_role_to_its_latest_change(steps):
    """Three devices assign round roles apart and exchange files: every order of merging
    gives the same records; a role changed on one device alone keeps that device's holder."""
    start = apart()[0].ws
    held, clocks = [start] * 3, [START + 10_000_000] * 3
    touched: dict[str, set[int]] = {"moderator": set(), "secretary": set()}
    for device, wait, step in steps:
        clocks[device] += wait
        if isinstance(step, int):
            held[device] = merge(held[device], held[step])
            continue
        action = parse({"type": "assign_role", "session_id": "s-1", **step})
        held[device] = apply(held[device], action, now=clocks[device], device=f"d-{device}")
        touched[step["role"]].add(device)
    a, b, c = held
    everything = merge(merge(a, b), c)
    assert records(everything) == records(merge(a, merge(c, b))) == records(merge(c, merge(b, a)))
    for role, devices in touched.items():
        if len(devices) == 1:
            assert everything.rounds["r-1"].roles.get(role) == held[devices.pop()].rounds["r-1"].roles.get(role)


def test_a_merge_that_would_give_the_carrier_a_role_not_theirs_leaves_it_to_nobody():
    """Apart, the laptop chooses Bruno's case (his secretary's role goes to Chloé) while the
    tablet, with no carrier yet, makes him moderator: merged role by role, the carrier would
    moderate; read back, nobody does until someone is given it."""
    laptop, tablet = (Room(kb_room().ws, device=f"d-{name}", now=START + 10_000_000) for name in ("laptop", "tablet"))
    laptop.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-1"})
    tablet.do({"type": "assign_role", "session_id": "s-1", "role": "moderator", "member_id": "m-1"}, after_s=5)
    merged = merge(laptop.ws, tablet.ws)
    assert (merged.rounds["r-1"].carrier_id, merged.rounds["r-1"].roles) == ("m-1", {"moderator": "m-1", "secretary": "m-2"})
    assert restore.settle(merged).rounds["r-1"].roles == {"secretary": "m-2"}


def test_an_older_file_without_round_roles_loads_and_shows():
    room = kb_room()
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-4"})
    data = json.loads(file_format.dump(room.ws))
    for round_ in data["rounds"].values():
        del round_["roles"]
    for session in data["sessions"].values():
        for role in session["protocol"]["roles"]:
            del role["per_round"], role["not_carrier"]
    older = Room(file_format.load(json.dumps(data).encode()))
    assert older.ws.rounds["r-1"].roles == {}
    assert older.ws.sessions["s-1"].protocol.round_roles == ()
    assert "Cas 4" in screen(older, "session", id="s-1")


# Screens ------------------------------------------------------------------------------------


def test_the_round_names_its_roles_the_script_speaks_to_its_moderator_and_the_carrier_is_not_offered():
    room = kb_room()
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-0"})
    room.do({"type": "next_step", "round_id": "r-1"})
    page = screen(room, "session", id="s-1")
    assert "Porteur\u202f: Alice · Modérateur·rice\u202f: Chloé · Secrétaire\u202f: Bruno" in page
    assert '<p class="leader">Modérateur·rice\u202f: Chloé</p>' in page
    assert "Modérateur·rice (ce tour)" in page
    # four buttons for each role: everyone present but Alice, who carries
    assert page.count('data-action="assign_role"') == 8
    assert 'data-member_id="m-0"' not in page.split('class="roles panel"')[1].split("</details>")[0]


def test_the_history_and_the_summaries_say_who_held_which_role_in_each_round():
    from app.summary.layout import layout
    from app.summary.render import markdown
    from app.summary.summaries import group_summary

    room = kb_room()
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-0"})
    second_round(room, "p-3")
    room.do({"type": "finish_round", "round_id": "r-2"})
    room.do({"type": "start_evaluation", "session_id": "s-1"})
    room.do({"type": "finish_session", "session_id": "s-1"})
    held = "tour 1 : Modérateur·rice : Chloé · Secrétaire : Bruno · tour 2 : Modérateur·rice : Alice · Secrétaire : Émilie".replace(" :", "\u202f:")
    for page in (screen(room, "group", id="g-1"), screen(room, "history", group="g-1")):
        assert held in page
    summary = markdown(layout(group_summary(room.ws, "s-1", "fr")))
    first, second = summary.split("Tour 2")[0].split("Tour 1")[1], summary.split("Tour 2")[1]
    assert "Chloé" in first and "Bruno" in first and "Émilie" not in first
    assert "Modérateur·rice" in second and "Émilie" in second


def test_the_setup_says_which_roles_come_with_each_round_and_offers_no_choice_for_them():
    room = Room()
    room.group()
    room.do({"type": "set_draft", "key": "setup:protocol_id", "text": "kollegiale-beratung"})
    page = screen(room, "setup", group="g-1")
    assert "À chaque tour\u202f: Modérateur·rice, Secrétaire. Cercle les propose au début de chaque tour" in page
    assert "setup:role.g-1" not in page  # nothing to choose for the session
