"""A group's own protocols as records (issue 19, item 4): adapted, new, edited step by step,
undoable, refused with words when the result could not run; sessions keep their copy."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.sync import shards
from app.actions import ActionError
from app.sync.merge import merge
from app.protocol import DEFAULT_ID, LIBRARY
from test_protocol_check import CAPTURES, SPEAKERS
from support.protocol_play import played
from support.room import Room

DEFAULT = LIBRARY[DEFAULT_ID]


@pytest.fixture
def room() -> Room:
    room = Room()
    room.group()
    return room


def adapted(room: Room, pid: str = "p-own", from_id: str = DEFAULT_ID):
    room.do({"type": "adapt_protocol", "id": pid, "group_id": "g-1", "from_id": from_id})
    return room.ws.protocols[pid].protocol


def refused(room: Room, action: dict, key: str) -> None:
    before = room.ws
    with pytest.raises(ActionError) as caught:
        room.do(action)
    assert caught.value.key == key
    room.ws = before


def test_adapting_copies_any_protocol_under_a_new_name_for_the_group(room):
    own = adapted(room)
    assert own.id == "p-own" and own.steps == DEFAULT.steps and own.version == 1
    assert own.name.fr == f"{DEFAULT.name.fr} (adapté)" and own.name.en == f"{DEFAULT.name.en} (adapted)"
    assert [p.id for p in room.ws.protocols_of("g-1")] == ["p-own"]
    again = adapted(room, "p-two", from_id="p-own")  # one's own protocols can be adapted too
    assert again.steps == own.steps
    refused(room, {"type": "adapt_protocol", "id": "p-3", "group_id": "g-1", "from_id": "nope"}, "error.protocol.unknown")


def test_a_new_protocol_has_one_step_and_runs(room):
    room.do({"type": "new_protocol", "id": "p-new", "group_id": "g-1"})
    new = room.ws.protocols["p-new"].protocol
    assert new.name.fr == "Nouveau protocole" and [s.title.fr for s in new.steps] == ["Nouvelle étape"]
    assert played(new).ws.rounds["r-1"].finished


def test_editing_steps_counts_versions_and_undo_puts_each_edit_back(room):
    adapted(room)
    room.do({"type": "remove_step", "id": "p-own", "step": "learnings"})
    room.do({"type": "add_step", "id": "p-own", "after": "exploration"})
    added = room.ws.protocols["p-own"].protocol.steps[4]
    room.do({"type": "edit_step", "id": "p-own", "step": added.key, "title_fr": "Silence", "title_en": "Silence",
             "minutes": 3, "do_fr": "Chacun réfléchit sans parler.", "do_en": "Everyone thinks in silence."})
    room.do({"type": "move_step", "id": "p-own", "step": added.key, "to": "later"})
    room.do({"type": "edit_protocol", "id": "p-own", "name_fr": "Codév managers", "source_fr": "Adapté pour l'équipe."})
    own = room.ws.protocols["p-own"].protocol
    assert [s.key for s in own.steps] == ["pitches", "choice", "expose", "exploration", "reformulations", added.key,
                                          "contract", "interventions", "carrier-synthesis"]
    silence = own.steps[5]
    assert (silence.title.fr, silence.minutes, silence.do.en) == ("Silence", 3.0, "Everyone thinks in silence.")
    assert own.name.fr == "Codév managers" and own.name.en.endswith("(adapted)") and own.version == 6
    for _ in range(5):
        room.do({"type": "undo"})
    assert room.ws.protocols["p-own"].protocol.steps == DEFAULT.steps
    assert room.ws.protocols["p-own"].protocol.version == 1


def test_an_edit_that_would_stop_the_protocol_from_running_is_refused_with_words(room):
    adapted(room)
    refused(room, {"type": "move_step", "id": "p-own", "step": "choice", "to": "later"}, "protocol.check.needs_problem")
    refused(room, {"type": "remove_step", "id": "p-own", "step": "reformulations"}, "protocol.check.contract_without_reformulations")
    refused(room, {"type": "edit_step", "id": "p-own", "step": "expose", "title_fr": " "}, "protocol.check.empty_title")
    refused(room, {"type": "edit_protocol", "id": "p-own", "name_en": ""}, "protocol.check.empty_name")
    refused(room, {"type": "edit_step", "id": "p-own", "step": "expose", "per_person": True}, "protocol.check.per_person")
    refused(room, {"type": "move_step", "id": "p-own", "step": "pitches", "to": "earlier"}, "error.protocol.cannot_move")
    for bad in (0, 241, "inf"):
        with pytest.raises(ValueError):
            room.do({"type": "edit_step", "id": "p-own", "step": "expose", "minutes": bad})
    for _ in range(20 - len(DEFAULT.steps)):
        room.do({"type": "add_step", "id": "p-own", "after": "expose"})
    refused(room, {"type": "add_step", "id": "p-own", "after": "expose"}, "protocol.check.too_many_steps")


def test_a_step_can_be_untimed_then_timed_again(room):
    adapted(room)
    room.do({"type": "edit_step", "id": "p-own", "step": "expose", "timed": False})
    assert room.ws.protocols["p-own"].protocol.steps[2].minutes is None
    room.do({"type": "edit_step", "id": "p-own", "step": "expose", "timed": True})
    assert room.ws.protocols["p-own"].protocol.steps[2].minutes == 10.0


def test_a_session_runs_a_copy_that_later_edits_leave_alone(room):
    adapted(room)
    room.do({"type": "remove_step", "id": "p-own", "step": "learnings"})
    room.session(protocol_id="p-own")
    ran = room.ws.sessions["s-1"].protocol
    assert ran.id == "p-own" and ran.version == 2 and len(ran.steps) == 8
    room.do({"type": "edit_step", "id": "p-own", "step": "expose", "title_fr": "Récit"})
    assert room.ws.sessions["s-1"].protocol == ran
    room.do({"type": "delete_protocol", "id": "p-own"})
    assert room.ws.protocols_of("g-1") == [] and room.ws.sessions["s-1"].protocol == ran


def test_a_session_refuses_another_groups_protocol_and_one_that_cannot_run(room):
    adapted(room)
    other = Room(room.ws)
    other.do({"type": "create_group", "id": "g-2", "name": "Autres", "members": [{"id": f"o-{i}", "name": f"O{i}"} for i in range(4)]})
    refused(other, {"type": "start_session", "id": "s-9", "group_id": "g-2", "date": "2026-12-01", "protocol_id": "p-own"},
            "error.protocol.unknown")
    broken = DEFAULT.model_copy(update={"steps": DEFAULT.steps[2:3] + DEFAULT.steps[1:2]})
    refused(room, {"type": "start_session", "id": "s-9", "group_id": "g-1", "date": "2026-12-01", "protocol": broken.model_dump()},
            "protocol.check.needs_problem")


def test_own_protocols_are_stored_with_their_group_exported_and_merged():
    room = Room()
    room.group()
    adapted(room)
    assert "p-own" in shards.Layout(room.ws).shard(shards.GROUP + "g-1").protocols
    read, unreadable = shards.read(shards.items(room.ws))
    assert unreadable == {} and read.protocols == room.ws.protocols
    from app.sync import file_format

    assert file_format.load(file_format.dump(room.ws)).protocols == room.ws.protocols
    there = Room(file_format.load(file_format.dump(room.ws)), device="d-other", now=room.now)
    there.do({"type": "edit_protocol", "id": "p-own", "name_fr": "Le nôtre"})
    assert merge(room.ws, there.ws).protocols["p-own"].protocol.name.fr == "Le nôtre"
    assert "p-own" not in shards.without_group(room.ws, "g-1").protocols


EDITS = st.one_of(
    st.builds(lambda i: ("remove_step", {"i": i}), st.integers(0, 19)),
    st.builds(lambda i: ("add_step", {"i": i}), st.integers(0, 19)),
    st.builds(lambda i, to: ("move_step", {"i": i, "to": to}), st.integers(0, 19), st.sampled_from(["earlier", "later"])),
    st.builds(lambda i, capture: ("edit_step", {"i": i, "capture": capture}), st.integers(0, 19), st.sampled_from(CAPTURES)),
    st.builds(lambda i, speaker: ("edit_step", {"i": i, "speaker": speaker}), st.integers(0, 19), st.sampled_from(SPEAKERS)),
    st.builds(lambda i, on: ("edit_step", {"i": i, "once_per_session": on}), st.integers(0, 19), st.booleans()),
    st.builds(lambda i, on: ("edit_step", {"i": i, "per_person": on}), st.integers(0, 19), st.booleans()),
    st.builds(lambda i, on: ("edit_step", {"i": i, "timed": on}), st.integers(0, 19), st.booleans()),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(list(LIBRARY)), st.lists(EDITS, max_size=12))
def test_whatever_the_editor_accepts_plays_a_round(from_id, edits):
    """Random edits of any built-in protocol (about one in nine refused): what is kept plays."""
    room = Room()
    room.group()
    adapted(room, from_id=from_id)
    for kind, drawn in edits:
        params = dict(drawn)
        steps = room.ws.protocols["p-own"].protocol.steps
        index = params.pop("i") % len(steps)
        key = "after" if kind == "add_step" else "step"
        try:
            room.do({"type": kind, "id": "p-own", key: steps[index].key, **params})
        except ActionError as refused:
            assert refused.key.startswith(("protocol.check.", "error.protocol."))
    assert played(room.ws.protocols["p-own"].protocol).ws.rounds["r-1"].finished


def test_the_group_sizes_a_protocol_suits_are_edited_and_checked(room):
    adapted(room)
    room.do({"type": "edit_protocol", "id": "p-own", "fewest_members": 5, "most_members": 6})
    own = room.ws.protocols["p-own"].protocol
    assert (own.fewest_members, own.most_members, own.suits(4), own.suits(5)) == (5, 6, False, True)
    refused(room, {"type": "edit_protocol", "id": "p-own", "most_members": 4}, "protocol.check.sizes")
