"""One test (or more) per action and per rule of the protocol engine."""

import pytest
from pydantic import ValidationError

from app.actions import ActionError, apply, parse
from app.model import Workspace
from support.room import Room


def refused(room: Room, action: dict, key: str) -> None:
    before = room.ws
    with pytest.raises(ActionError) as caught:
        room.do(action)
    assert caught.value.key == key
    assert room.ws is before


@pytest.fixture
def room() -> Room:
    r = Room()
    r.group()
    return r


def first_round(room: Room, pitches=5) -> Room:
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    for i in range(pitches):
        room.do({"type": "add_pitch", "id": f"p-{i}", "session_id": "s-1", "member_id": f"m-{i}", "title": f"Situation {i}"})
    return room


def to_step(room: Room, key: str, rid: str = "r-1") -> None:
    protocol = room.ws.sessions[room.ws.rounds[rid].session_id].protocol
    room.do({"type": "go_to_step", "round_id": rid, "step": protocol.step_index(key)})


def chosen(room: Room, pitch: str = "p-2") -> Room:
    first_round(room)
    room.do({"type": "next_step", "round_id": "r-1"})
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": pitch})
    room.do({"type": "next_step", "round_id": "r-1"})  # to the carrier's exposé
    return room


def contracted(room: Room) -> Room:
    chosen(room)
    to_step(room, "reformulations")
    room.do({"type": "add_entry", "id": "ref-1", "session_id": "s-1", "round_id": "r-1", "kind": "reformulation",
             "author_id": "m-0", "text": "Ton problème est de poser un cadre."})
    room.do({"type": "next_step", "round_id": "r-1"})
    room.do({"type": "choose_reformulation", "round_id": "r-1", "entry_id": "ref-1"})
    room.do({"type": "set_contract", "round_id": "r-1", "request_types": ["temoignages", "conseils"], "request": " Vos idées "})
    return room


# Groups and members ----------------------------------------------------------------------


def test_create_group_with_members_in_order(room):
    group = room.ws.groups["g-1"]
    assert group.name == "Cadres santé" and group.kind == "cross"
    assert [m.name for m in room.ws.members_of("g-1")] == ["Alice", "Bruno", "Chloé", "David", "Émilie"]
    assert group.stamp and group.device == "d-room" and group.created == group.stamp


@pytest.mark.parametrize("count,key", [(3, "error.group.too_few"), (9, "error.group.too_many")])
def test_a_group_has_four_to_eight_members(count, key):
    members = [{"name": f"M{i}"} for i in range(count)]
    refused(Room(), {"type": "create_group", "name": "G", "members": members}, key)


def test_member_names_are_unique_in_a_group(room):
    refused(Room(), {"type": "create_group", "name": "G", "members": [{"name": "A"}, {"name": "a "}, {"name": "B"}, {"name": "C"}]},
            "error.member.duplicate_name")
    refused(room, {"type": "add_member", "group_id": "g-1", "name": "alice"}, "error.member.duplicate_name")
    refused(room, {"type": "rename_member", "id": "m-1", "name": "ALICE"}, "error.member.duplicate_name")


def test_add_rename_remove_member(room):
    room.do({"type": "add_member", "group_id": "g-1", "id": "m-5", "name": "  Farid "})
    assert room.ws.members["m-5"].name == "Farid" and room.ws.members["m-5"].order == 5
    room.do({"type": "rename_member", "id": "m-5", "name": "Farid B."})
    assert room.ws.members["m-5"].name == "Farid B."
    room.do({"type": "remove_member", "id": "m-5"})
    assert room.ws.members["m-5"].deleted  # a tombstone, for the merge
    assert len(room.ws.members_of("g-1")) == 5
    room.do({"type": "remove_member", "id": "m-4"})
    refused(room, {"type": "remove_member", "id": "m-3"}, "error.group.too_few")
    refused(room, {"type": "rename_member", "id": "m-4", "name": "Ghost"}, "error.members.not_found")


def test_a_ninth_member_is_refused(room):
    for i in range(3):
        room.do({"type": "add_member", "group_id": "g-1", "name": f"Extra {i}"})
    refused(room, {"type": "add_member", "group_id": "g-1", "name": "One too many"}, "error.group.too_many")


def test_update_group_settings(room):
    room.do({"type": "update_group", "id": "g-1", "name": " Managers ", "kind": "institution", "anonymous_summaries": True})
    group = room.ws.groups["g-1"]
    assert (group.name, group.kind, group.anonymous_summaries, group.full_summaries) == ("Managers", "institution", True, False)
    refused(room, {"type": "update_group", "id": "nope", "name": "X"}, "error.groups.not_found")


def test_invalid_fields_are_refused_before_anything_happens():
    with pytest.raises(ValidationError):
        parse({"type": "create_group", "name": "", "members": []})
    with pytest.raises(ValidationError):
        parse({"type": "start_session", "group_id": "g", "date": "1st of May"})
    with pytest.raises(ValidationError):
        parse({"type": "no_such_action"})


# Sessions, charter, follow-up ------------------------------------------------------------


def test_a_session_opens_on_the_charter_then_the_first_round(room):
    room.do({"type": "start_session", "id": "s-1", "group_id": "g-1", "date": "2026-12-01", "place": " Salle 2 "})
    session = room.ws.sessions["s-1"]
    assert session.stage == "charter" and session.place == "Salle 2" and session.protocol.id == "peer-group-9"
    refused(room, {"type": "start_round", "session_id": "s-1", "id": "r-1"}, "error.session.wrong_stage")
    room.do({"type": "acknowledge_charter", "session_id": "s-1", "date": "2026-12-01"})
    assert room.ws.groups["g-1"].charter_acknowledged == "2026-12-01"
    assert room.ws.sessions["s-1"].stage == "between"
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    assert room.ws.sessions["s-1"].stage == "round" and room.ws.sessions["s-1"].current_round_id == "r-1"
    assert room.ws.rounds["r-1"].step == 0 and room.ws.rounds["r-1"].number == 1


def test_the_charter_acknowledgement_date_is_kept_from_the_first_time(room):
    room.session("s-1", "2026-12-01")
    room.session("s-2", "2027-03-01")
    assert room.ws.groups["g-1"].charter_acknowledged == "2026-12-01"


def test_unknown_protocol_and_group_are_refused(room):
    refused(room, {"type": "start_session", "group_id": "g-1", "date": "2026-12-01", "protocol_id": "nope"}, "error.protocol.unknown")
    refused(room, {"type": "start_session", "group_id": "nope", "date": "2026-12-01"}, "error.groups.not_found")


def test_session_setup_scales_steps_and_can_untime_one(room):
    room.do({"type": "start_session", "id": "s-1", "group_id": "g-1", "date": "2026-12-01", "planned_rounds": 1,
             "available_minutes": 60, "untimed_steps": ["expose"]})
    steps = {s.key: s.minutes for s in room.ws.sessions["s-1"].protocol.steps}
    assert steps["expose"] is None
    assert steps["interventions"] < 20 and all(m is None or m >= 1 for m in steps.values())


def test_another_protocol_from_the_library(room):
    room.do({"type": "start_session", "id": "s-1", "group_id": "g-1", "date": "2026-12-01", "protocol_id": "codev-payette-champagne"})
    assert room.ws.sessions["s-1"].protocol.id == "codev-payette-champagne"
    room.do({"type": "acknowledge_charter", "session_id": "s-1", "date": "2026-12-01"})
    # no pitches step in this protocol: a round needs its carrier
    refused(room, {"type": "start_round", "session_id": "s-1", "id": "r-1"}, "error.round.needs_carrier")
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1", "carrier_id": "m-3"})
    assert room.ws.rounds["r-1"].carrier_id == "m-3" and room.ws.rounds["r-1"].step == 0


def test_a_group_adapted_protocol_is_snapshotted_in_the_session(room):
    from app.protocol import LIBRARY

    own = LIBRARY["peer-group-9"].model_copy(update={"id": "ours"})
    room.do({"type": "start_session", "id": "s-1", "group_id": "g-1", "date": "2026-12-01", "protocol": own.model_dump()})
    assert room.ws.sessions["s-1"].protocol.id == "ours"


def test_round_needs_the_charter_acknowledged(room):
    room.do({"type": "start_session", "id": "s-1", "group_id": "g-1", "date": "2026-12-01"})
    session = room.ws.sessions["s-1"].model_copy(update={"stage": "between"})
    room.ws = room.ws.model_copy(update={"sessions": {"s-1": session}})
    refused(room, {"type": "start_round", "session_id": "s-1", "id": "r-1"}, "error.charter.not_acknowledged")


def test_followup_opens_the_next_session_with_open_action_plans(room):
    contracted(room)
    room.do({"type": "add_action_item", "id": "a-1", "round_id": "r-1", "text": "Voir la DRH", "due": "2027-01-15"})
    room.do({"type": "add_action_item", "id": "a-2", "round_id": "r-1", "text": "Écrire les règles"})
    room.do({"type": "finish_round", "round_id": "r-1"})
    room.do({"type": "finish_session", "session_id": "s-1"})
    room.do({"type": "start_session", "id": "s-2", "group_id": "g-1", "date": "2027-03-01"})
    assert [a.id for a in room.ws.open_action_items("g-1", before_session="s-2")] == ["a-1", "a-2"]
    room.do({"type": "acknowledge_charter", "session_id": "s-2", "date": "2027-03-01"})
    assert room.ws.sessions["s-2"].stage == "followup"
    room.do({"type": "update_action_item", "id": "a-1", "session_id": "s-2", "status": "done", "comment": " Rendez-vous fait "})
    item = room.ws.action_items["a-1"]
    assert (item.status, item.comment, item.followup_session_id) == ("done", "Rendez-vous fait", "s-2")
    assert [a.id for a in room.ws.followed_up_in("s-2")] == ["a-1"]
    assert [a.id for a in room.ws.open_action_items("g-1", before_session="s-2")] == ["a-2"]
    room.do({"type": "finish_followup", "session_id": "s-2"})
    assert room.ws.sessions["s-2"].stage == "between"
    refused(room, {"type": "finish_followup", "session_id": "s-2"}, "error.session.wrong_stage")


def test_break_evaluation_and_end_of_session(room):
    chosen(room)
    refused(room, {"type": "start_evaluation", "session_id": "s-1"}, "error.session.wrong_stage")
    refused(room, {"type": "finish_session", "session_id": "s-1"}, "error.session.round_running")
    room.do({"type": "finish_round", "round_id": "r-1"})
    room.do({"type": "start_break", "session_id": "s-1", "minutes": 15})
    assert room.ws.sessions["s-1"].break_timer.budget_ms == 15 * 60_000
    room.do({"type": "start_evaluation", "session_id": "s-1"})
    session = room.ws.sessions["s-1"]
    assert session.stage == "evaluation" and session.break_timer is None
    room.do({"type": "add_entry", "id": "ev-1", "session_id": "s-1", "kind": "evaluation", "author_id": "m-1", "text": "Très utile", "rating": 5})
    assert [e.rating for e in room.ws.session_entries("s-1", "evaluation")] == [5]
    room.do({"type": "set_next_session", "session_id": "s-1", "date": "2027-03-01", "place": " Salle 3 "})
    room.do({"type": "finish_session", "session_id": "s-1"})
    session = room.ws.sessions["s-1"]
    assert (session.stage, session.next_date, session.next_place) == ("finished", "2027-03-01", "Salle 3")
    assert room.ws.running_session() is None
    refused(room, {"type": "add_pitch", "session_id": "s-1", "member_id": "m-0", "title": "Late"}, "error.session.finished")
    refused(room, {"type": "add_entry", "session_id": "s-1", "round_id": "r-1", "kind": "learning", "text": "x"}, "error.session.finished")


# Pitches, votes and the choice -------------------------------------------------------------


def test_one_pitch_per_member_per_session(room):
    first_round(room, pitches=1)
    refused(room, {"type": "add_pitch", "session_id": "s-1", "member_id": "m-0", "title": "Encore"}, "error.pitch.one_per_member")
    refused(room, {"type": "add_pitch", "session_id": "s-1", "member_id": "stranger", "title": "X"}, "error.member.unknown")


def test_edit_withdraw_and_delete_pitches(room):
    first_round(room, pitches=3)
    room.do({"type": "edit_pitch", "id": "p-0", "title": " Nouveau titre ", "text": " détails "})
    assert (room.ws.pitches["p-0"].title, room.ws.pitches["p-0"].text) == ("Nouveau titre", "détails")
    room.do({"type": "withdraw_pitch", "id": "p-1"})
    assert [p.id for p in room.ws.parking_lot("g-1")] == ["p-0", "p-2"]
    room.do({"type": "withdraw_pitch", "id": "p-1", "withdrawn": False})
    room.do({"type": "delete_pitch", "id": "p-2"})
    assert [p.id for p in room.ws.pitches_of("s-1")] == ["p-0", "p-1"]


def test_votes_only_at_the_choice_step_and_toggle(room):
    first_round(room)
    refused(room, {"type": "toggle_vote", "pitch_id": "p-1", "member_id": "m-0"}, "error.vote.not_now")
    room.do({"type": "next_step", "round_id": "r-1"})
    room.do({"type": "toggle_vote", "id": "v-1", "pitch_id": "p-1", "member_id": "m-0"})
    room.do({"type": "toggle_vote", "id": "v-2", "pitch_id": "p-1", "member_id": "m-3"})
    assert sorted(v.member_id for v in room.ws.votes_for("p-1")) == ["m-0", "m-3"]
    room.do({"type": "toggle_vote", "id": "v-3", "pitch_id": "p-1", "member_id": "m-0"})
    assert [v.member_id for v in room.ws.votes_for("p-1")] == ["m-3"]
    refused(room, {"type": "toggle_vote", "pitch_id": "p-1", "member_id": "ghost"}, "error.member.unknown")


def test_the_choice_step_is_a_gate(room):
    first_round(room)
    room.do({"type": "next_step", "round_id": "r-1"})
    refused(room, {"type": "next_step", "round_id": "r-1"}, "error.gate.choose_pitch")
    refused(room, {"type": "go_to_step", "round_id": "r-1", "step": 6}, "error.gate.choose_pitch")
    refused(room, {"type": "finish_round", "round_id": "r-1"}, "error.gate.choose_pitch")
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-1"})
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-2"})  # the group changes its mind
    assert room.ws.pitches["p-1"].round_id == "" and room.ws.pitches["p-2"].round_id == "r-1"
    assert room.ws.rounds["r-1"].carrier_id == "m-2"
    room.do({"type": "next_step", "round_id": "r-1"})
    assert room.ws.rounds["r-1"].step == 2
    refused(room, {"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-3"}, "error.vote.not_now")


def test_a_withdrawn_or_examined_pitch_cannot_be_chosen(room):
    first_round(room)
    room.do({"type": "withdraw_pitch", "id": "p-4"})
    room.do({"type": "next_step", "round_id": "r-1"})
    refused(room, {"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-4"}, "error.pitch.unavailable")
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-0"})
    refused(room, {"type": "delete_pitch", "id": "p-0"}, "error.pitch.already_examined")
    refused(room, {"type": "withdraw_pitch", "id": "p-0"}, "error.pitch.already_examined")


def test_pitches_not_chosen_wait_for_later_rounds_and_sessions(room):
    chosen(room, "p-2")
    room.do({"type": "finish_round", "round_id": "r-1"})
    assert [p.id for p in room.ws.parking_lot("g-1")] == ["p-0", "p-1", "p-3", "p-4"]
    refused(room, {"type": "start_round", "session_id": "s-1", "id": "r-2"}, "error.round.needs_carrier")
    refused(room, {"type": "start_round", "session_id": "s-1", "id": "r-2", "pitch_id": "p-2"}, "error.pitch.unavailable")
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-2", "pitch_id": "p-4"})
    round2 = room.ws.rounds["r-2"]
    assert (round2.number, round2.carrier_id, round2.step) == (2, "m-4", 2)  # straight to the exposé
    refused(room, {"type": "go_to_step", "round_id": "r-2", "step": 0}, "error.step.out_of_range")
    room.do({"type": "finish_round", "round_id": "r-2"})
    room.do({"type": "finish_session", "session_id": "s-1"})
    room.session("s-2", "2027-03-01")
    room.do({"type": "start_round", "session_id": "s-2", "id": "r-3"})
    room.do({"type": "next_step", "round_id": "r-3"})
    room.do({"type": "choose_pitch", "round_id": "r-3", "pitch_id": "p-0"})  # from the parking lot
    assert room.ws.rounds["r-3"].carrier_id == "m-0"


def test_last_carried_favours_those_who_have_not(room):
    chosen(room, "p-2")
    room.do({"type": "finish_round", "round_id": "r-1"})
    assert room.ws.last_carried("g-1") == {"m-0": "", "m-1": "", "m-2": "2026-12-01", "m-3": "", "m-4": ""}


def test_a_casting_in_every_round_chooses_the_carrier_inside_the_round(room):
    room.session(protocol_id="kollegiale-beratung")
    protocol = room.ws.sessions["s-1"].protocol
    assert protocol.chooses_pitch_each_round
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    room.do({"type": "add_pitch", "id": "p-0", "session_id": "s-1", "member_id": "m-0", "title": "Cas"})
    room.do({"type": "add_pitch", "id": "p-1", "session_id": "s-1", "member_id": "m-1", "title": "Cas 2"})
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-0"})
    room.do({"type": "finish_round", "round_id": "r-1"})
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-2"})  # the next casting happens in the round
    assert room.ws.rounds["r-2"].carrier_id == "" and room.ws.rounds["r-2"].step == 0


# Steps, speakers and timers ----------------------------------------------------------------


def test_steps_move_back_and_forth_and_timers_follow(room):
    chosen(room)
    rid = "r-1"
    room.wait(30)
    room.do({"type": "next_step", "round_id": rid}, after_s=0)  # to the exploration
    r = room.ws.rounds[rid]
    assert r.step == 3 and r.step_timers[2].started_at is None and r.step_timers[2].elapsed_ms == 30_000
    room.do({"type": "previous_step", "round_id": rid}, after_s=10)
    r = room.ws.rounds[rid]
    assert r.step == 2 and r.step_timers[2].started_at == room.now and r.step_timers[3].elapsed_ms == 10_000
    room.do({"type": "go_to_step", "round_id": rid, "step": 2})  # already there: nothing changes
    assert room.ws.rounds[rid] == r
    refused(room, {"type": "go_to_step", "round_id": rid, "step": 99}, "error.step.out_of_range")


def test_pause_resume_and_extend(room):
    from app import timers

    chosen(room)
    rid = "r-1"
    room.do({"type": "pause_timer", "round_id": rid}, after_s=60)
    paused_at = room.now
    room.wait(600)
    step_timer = room.ws.rounds[rid].step_timers[2]
    assert timers.remaining(step_timer, room.now) == 10 * 60_000 - 60_000
    room.do({"type": "resume_timer", "round_id": rid}, after_s=0)
    room.do({"type": "extend_timer", "round_id": rid}, after_s=0)
    step_timer = room.ws.rounds[rid].step_timers[2]
    assert timers.remaining(step_timer, room.now) == 11 * 60_000 - 60_000
    assert room.now - paused_at == 600_000


def test_round_robin_steps_have_a_speaking_order_and_a_speaker_timer(room):
    from app import timers

    chosen(room, "p-2")  # carrier m-2
    to_step(room, "reformulations")
    r = room.ws.rounds["r-1"]
    step = room.ws.sessions["s-1"].protocol.steps[r.step]
    assert step.speakers([m.id for m in room.ws.members_of("g-1")], r.carrier_id) == ["m-0", "m-1", "m-3", "m-4"]
    assert r.speaker == 0 and r.speaker_timer.budget_ms == 60_000
    assert r.step_timers[r.step].budget_ms == 4 * 60_000  # one minute for each of the four consultants
    room.do({"type": "extend_timer", "round_id": "r-1"}, after_s=0)
    assert room.ws.rounds["r-1"].speaker_timer.extra_ms == 60_000
    room.do({"type": "next_speaker", "round_id": "r-1"}, after_s=70)
    r = room.ws.rounds["r-1"]
    assert r.speaker == 1 and timers.remaining(r.speaker_timer, room.now) == 60_000
    room.do({"type": "pause_timer", "round_id": "r-1"})
    room.do({"type": "next_speaker", "round_id": "r-1", "index": 3})
    assert room.ws.rounds["r-1"].speaker_timer.started_at is None  # paused rounds stay paused
    refused(room, {"type": "next_speaker", "round_id": "r-1"}, "error.speaker.none_left")
    to_step(room, "expose")
    refused(room, {"type": "next_speaker", "round_id": "r-1"}, "error.speaker.none_left")


def test_the_last_step_ends_with_finish_round(room):
    contracted(room)
    to_step(room, "learnings")
    refused(room, {"type": "next_step", "round_id": "r-1"}, "error.step.last")
    room.do({"type": "finish_round", "round_id": "r-1"})
    r = room.ws.rounds["r-1"]
    assert r.finished and all(t.started_at is None for t in r.step_timers.values())
    assert room.ws.sessions["s-1"].stage == "between"
    refused(room, {"type": "next_step", "round_id": "r-1"}, "error.round.finished")


# Captured contributions --------------------------------------------------------------------


def test_entries_are_captured_at_their_step_with_their_author(room):
    chosen(room, "p-2")
    to_step(room, "exploration")
    room.do({"type": "add_entry", "id": "q-1", "session_id": "s-1", "round_id": "r-1", "kind": "question", "author_id": "m-0", "text": " Pourquoi ? "})
    entry = room.ws.entries["q-1"]
    assert (entry.text, entry.step, entry.author_id, entry.answered) == ("Pourquoi ?", "exploration", "m-0", False)
    room.do({"type": "edit_entry", "id": "q-1", "answered": True, "text": "Pourquoi maintenant ?"})
    assert room.ws.entries["q-1"].answered and room.ws.entries["q-1"].text == "Pourquoi maintenant ?"
    # a note added later for an earlier step goes to the step that captures notes
    room.do({"type": "add_entry", "id": "n-1", "session_id": "s-1", "round_id": "r-1", "kind": "note", "author_id": "m-2", "text": "Contexte"})
    assert room.ws.entries["n-1"].step == "expose"
    assert [e.id for e in room.ws.entries_of("r-1")] == ["q-1", "n-1"]
    assert [e.id for e in room.ws.entries_of("r-1", "question")] == ["q-1"]


def test_who_may_say_what(room):
    chosen(room, "p-2")
    base = {"type": "add_entry", "session_id": "s-1", "round_id": "r-1"}
    refused(room, {**base, "kind": "question", "author_id": "m-2", "text": "?"}, "error.entry.consultants_only")
    refused(room, {**base, "kind": "note", "author_id": "m-0", "text": "x"}, "error.entry.carrier_only")
    refused(room, {**base, "kind": "question", "author_id": "ghost", "text": "?"}, "error.member.unknown")
    refused(room, {**base, "kind": "question", "author_id": "m-0", "text": "   "}, "error.entry.empty")
    refused(room, {**base, "kind": "evaluation", "text": "x", "step": "exploration"}, "error.entry.not_in_protocol")
    refused(room, {**base, "kind": "intervention", "author_id": "m-0", "text": "x", "help_type": "magic"}, "error.entry.unknown_type")
    refused(room, {**base, "kind": "question", "text": "?", "step": "learnings"}, "error.entry.not_in_protocol")
    refused(room, {**base, "round_id": "", "kind": "learning", "text": "x"}, "error.entry.needs_round")
    refused(room, {**base, "round_id": "nope", "kind": "learning", "text": "x"}, "error.rounds.not_found")
    refused(room, {**base, "round_id": "", "kind": "evaluation", "author_id": "ghost", "text": "x"}, "error.member.unknown")
    room.do({**base, "id": "q-anon", "kind": "question", "text": "Sans auteur"})  # the scribe did not catch who
    assert room.ws.entries["q-anon"].author_id == ""


def test_entry_kinds_outside_the_protocol_are_refused(room):
    room.session(protocol_id="troika-consulting")
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1", "carrier_id": "m-0"})
    refused(room, {"type": "add_entry", "session_id": "s-1", "round_id": "r-1", "kind": "reformulation", "text": "x"},
            "error.entry.not_in_protocol")


def test_edit_entry_fields_and_rules(room):
    contracted(room)
    to_step(room, "interventions")
    room.do({"type": "add_entry", "id": "i-1", "session_id": "s-1", "round_id": "r-1", "kind": "intervention",
             "author_id": "m-0", "text": "À ta place…", "help_type": "conseils"})
    room.do({"type": "edit_entry", "id": "i-1", "help_type": "temoignages", "author_id": "m-1"})
    entry = room.ws.entries["i-1"]
    assert (entry.help_type, entry.author_id) == ("temoignages", "m-1")
    room.do({"type": "edit_entry", "id": "i-1", "author_id": ""})
    assert room.ws.entries["i-1"].author_id == ""
    refused(room, {"type": "edit_entry", "id": "i-1", "text": " "}, "error.entry.empty")
    refused(room, {"type": "edit_entry", "id": "i-1", "help_type": "magic"}, "error.entry.unknown_type")
    refused(room, {"type": "edit_entry", "id": "i-1", "author_id": "ghost"}, "error.member.unknown")
    refused(room, {"type": "edit_entry", "id": "nope", "text": "x"}, "error.entries.not_found")


def test_evaluation_ratings(room):
    room.session()
    room.do({"type": "add_entry", "id": "e-1", "session_id": "s-1", "kind": "evaluation", "text": "", "rating": 4})
    room.do({"type": "edit_entry", "id": "e-1", "rating": 5})
    assert room.ws.entries["e-1"].rating == 5
    with pytest.raises(ValidationError):
        parse({"type": "add_entry", "session_id": "s-1", "kind": "evaluation", "text": "", "rating": 6})


def test_mark_out_of_frame_and_delete(room):
    contracted(room)
    room.do({"type": "mark_out_of_frame", "id": "ref-1"})
    assert room.ws.entries["ref-1"].out_of_frame
    room.do({"type": "mark_out_of_frame", "id": "ref-1", "out_of_frame": False})
    assert not room.ws.entries["ref-1"].out_of_frame
    room.do({"type": "delete_entry", "id": "ref-1"})
    assert room.ws.entries["ref-1"].deleted
    assert room.ws.rounds["r-1"].reformulation_id == ""  # the contract no longer points to it
    refused(room, {"type": "delete_entry", "id": "ref-1"}, "error.entries.not_found")


def test_the_contract_is_a_gate(room):
    chosen(room)
    to_step(room, "reformulations")
    room.do({"type": "add_entry", "id": "ref-1", "session_id": "s-1", "round_id": "r-1", "kind": "reformulation", "author_id": "m-0", "text": "R"})
    room.do({"type": "add_entry", "id": "q-1", "session_id": "s-1", "round_id": "r-1", "kind": "question", "author_id": "m-0", "text": "Q"})
    room.do({"type": "next_step", "round_id": "r-1"})
    refused(room, {"type": "next_step", "round_id": "r-1"}, "error.gate.choose_reformulation")
    refused(room, {"type": "choose_reformulation", "round_id": "r-1", "entry_id": "q-1"}, "error.contract.not_a_reformulation")
    room.do({"type": "choose_reformulation", "round_id": "r-1", "entry_id": "ref-1"})
    refused(room, {"type": "next_step", "round_id": "r-1"}, "error.gate.request_type")
    refused(room, {"type": "set_contract", "round_id": "r-1", "request_types": ["bribes"]}, "error.entry.unknown_type")
    room.do({"type": "set_contract", "round_id": "r-1", "request_types": ["temoignages", "avis"], "request": " Vos expériences "})
    r = room.ws.rounds["r-1"]
    assert r.request_types == ("avis", "temoignages") and r.request == "Vos expériences"  # in the protocol's order
    room.do({"type": "next_step", "round_id": "r-1"})
    assert room.ws.rounds["r-1"].step == 6


def test_action_plan_items(room):
    contracted(room)
    room.do({"type": "add_action_item", "id": "a-1", "round_id": "r-1", "text": " Voir la DRH ", "due": "2027-01-15"})
    item = room.ws.action_items["a-1"]
    assert (item.text, item.due, item.owner_id, item.status) == ("Voir la DRH", "2027-01-15", "m-2", "open")
    room.do({"type": "edit_action_item", "id": "a-1", "text": "Voir la DRH et le CSE", "due": ""})
    assert room.ws.action_items["a-1"].text == "Voir la DRH et le CSE" and room.ws.action_items["a-1"].due == ""
    assert [a.id for a in room.ws.action_items_of("r-1")] == ["a-1"]
    room.do({"type": "delete_action_item", "id": "a-1"})
    assert room.ws.action_items_of("r-1") == []
    refused(room, {"type": "add_action_item", "round_id": "r-1", "text": "  "}, "error.entry.empty")
    refused(room, {"type": "edit_action_item", "id": "a-1", "text": "x"}, "error.action_items.not_found")


def test_action_items_need_a_carrier(room):
    first_round(room)
    refused(room, {"type": "add_action_item", "round_id": "r-1", "text": "x"}, "error.round.needs_carrier")


def test_duplicate_ids_are_refused(room):
    refused(room, {"type": "create_group", "id": "g-1", "name": "Twin", "members": [{"name": n} for n in "ABCD"]}, "error.duplicate_id")


# Undo, redo, drafts, preferences --------------------------------------------------------


def test_undo_and_redo_put_back_exactly_what_changed(room):
    chosen(room)
    to_step(room, "exploration")
    room.do({"type": "add_entry", "id": "q-1", "session_id": "s-1", "round_id": "r-1", "kind": "question", "author_id": "m-0", "text": "Q"})
    room.do({"type": "edit_entry", "id": "q-1", "text": "Q modifiée"})
    room.do({"type": "undo"})
    assert room.ws.entries["q-1"].text == "Q"
    room.do({"type": "undo"})
    assert room.ws.entries["q-1"].deleted
    room.do({"type": "redo"})
    assert not room.ws.entries["q-1"].deleted and room.ws.entries["q-1"].text == "Q"
    room.do({"type": "redo"})
    assert room.ws.entries["q-1"].text == "Q modifiée"
    refused(room, {"type": "redo"}, "error.redo.empty")


def test_undo_keeps_later_step_moves_and_timers(room):
    contracted(room)
    room.do({"type": "next_step", "round_id": "r-1"})
    assert room.ws.rounds["r-1"].step == 6
    room.do({"type": "undo"})  # undoes the contract, not the move to step 7
    r = room.ws.rounds["r-1"]
    assert r.request_types == () and r.request == "" and r.step == 6


def test_a_new_action_clears_redo_and_undo_empty_is_refused():
    room = Room()
    refused(room, {"type": "undo"}, "error.undo.empty")
    room.group()
    room.do({"type": "undo"})
    assert room.ws.groups["g-1"].deleted
    room.do({"type": "create_group", "id": "g-2", "name": "Autre", "members": [{"name": n} for n in "ABCD"]})
    assert room.ws.local.redo == ()


def test_drafts_and_preferences_are_local_and_not_undoable(room):
    before_clock = room.ws.local.clock
    room.do({"type": "set_draft", "key": "question:r-1", "text": "Est-ce que tu"})
    room.do({"type": "set_preferences", "language": "en", "muted": True, "projector": True})
    local = room.ws.local
    assert local.drafts == {"question:r-1": "Est-ce que tu"}
    assert (local.language, local.muted, local.projector) == ("en", True, True)
    assert local.clock == before_clock  # no record changed
    room.do({"type": "set_draft", "key": "question:r-1", "text": ""})
    assert room.ws.local.drafts == {}
    room.do({"type": "undo"})  # undoes the group's creation, not the drafts
    assert room.ws.groups["g-1"].deleted


def test_apply_is_pure():
    ws = Workspace()
    action = parse({"type": "create_group", "id": "g", "name": "G", "members": [{"id": f"m{i}", "name": n} for i, n in enumerate("ABCD")]})
    one = apply(ws, action, now=5, device="d")
    two = apply(ws, action, now=5, device="d")
    assert one == two and ws == Workspace()
