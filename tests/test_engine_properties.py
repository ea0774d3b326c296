"""Property tests: random sequences of actions keep the engine's invariants."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import timers
from app.actions import ActionError, apply, parse
from app.model import COLLECTIONS, Workspace
from support.room import Room

META = {"stamp", "device", "known", "changed", "created", "conflicts"}
TEXTS = st.sampled_from(["Pourquoi ?", "À ta place…", "<script>alert(1)</script>", "  ", "é" * 300, "Ça va\nmieux"])


def content(ws: Workspace) -> dict:
    """Everything a person sees: the records without their merge stamps."""
    return {
        name: {rid: r.model_dump(exclude=META) for rid, r in ws.collection(name).items()} for name in COLLECTIONS
    }


def started() -> Room:
    room = Room()
    room.group()
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-0"})
    return room


def candidates(ws: Workspace, draw) -> dict:
    """One plausible action for the current state; some are invalid on purpose."""
    session = ws.sessions["s-1"]
    rounds = ws.rounds_of("s-1")
    rid = draw(st.sampled_from([r.id for r in rounds] + ["nope"]))
    member = draw(st.sampled_from([f"m-{i}" for i in range(5)] + ["ghost"]))
    entries = sorted(ws.entries) or ["nope"]
    pitches = sorted(ws.pitches) or ["nope"]
    kind = draw(st.sampled_from(["note", "question", "reformulation", "intervention", "synthesis", "learning"]))
    n = len(ws.entries) + len(ws.pitches) + len(ws.rounds) + len(ws.action_items)
    options = [
        {"type": "next_step", "round_id": rid},
        {"type": "previous_step", "round_id": rid},
        {"type": "go_to_step", "round_id": rid, "step": draw(st.integers(-1, 9))},
        {"type": "pause_timer", "round_id": rid},
        {"type": "resume_timer", "round_id": rid},
        {"type": "extend_timer", "round_id": rid},
        {"type": "next_speaker", "round_id": rid},
        {"type": "add_pitch", "id": f"p{n}", "session_id": "s-1", "member_id": member, "title": draw(TEXTS)},
        {"type": "toggle_vote", "id": f"v{n}", "pitch_id": draw(st.sampled_from(pitches)), "member_id": member},
        {"type": "choose_pitch", "round_id": rid, "pitch_id": draw(st.sampled_from(pitches))},
        {"type": "add_entry", "id": f"e{n}", "session_id": "s-1", "round_id": rid, "kind": kind, "author_id": member, "text": draw(TEXTS)},
        {"type": "edit_entry", "id": draw(st.sampled_from(entries)), "text": draw(TEXTS), "answered": draw(st.booleans())},
        {"type": "delete_entry", "id": draw(st.sampled_from(entries))},
        {"type": "mark_out_of_frame", "id": draw(st.sampled_from(entries))},
        {"type": "choose_reformulation", "round_id": rid, "entry_id": draw(st.sampled_from(entries))},
        {"type": "set_contract", "round_id": rid, "request_types": draw(st.sampled_from([[], ["avis"], ["conseils", "hypotheses"]]))},
        {"type": "add_action_item", "id": f"a{n}", "round_id": rid, "text": draw(TEXTS)},
        {"type": "finish_round", "round_id": rid},
        {"type": "start_round", "session_id": "s-1", "id": f"r{n}", "pitch_id": draw(st.sampled_from(pitches + [""]))},
        {"type": "undo"},
        {"type": "redo"},
        {"type": "set_draft", "key": "note", "text": draw(TEXTS)},
    ]
    if session.stage == "between" and draw(st.booleans()):
        return options[-4]  # start the next round more often than by chance
    return draw(st.sampled_from(options))


def check_invariants(ws: Workspace, seen: set[tuple[str, str]], now: int) -> None:
    for name in COLLECTIONS:
        seen.update((name, rid) for rid in ws.collection(name))
    for name, rid in seen:
        assert rid in ws.collection(name), f"{name} {rid} was lost"
    session = ws.sessions["s-1"]
    current = [r for r in ws.rounds_of("s-1") if not r.finished]
    assert len(current) <= 1
    if session.stage == "round":
        assert [r.id for r in current] == [session.current_round_id]
    for round_ in ws.rounds_of("s-1"):
        assert 0 <= round_.step < len(session.protocol.steps)
        for timer in list(round_.step_timers.values()) + [round_.speaker_timer]:
            if timer is not None:
                assert timers.elapsed(timer, now) >= 0 and timer.elapsed_ms >= 0
        running = [i for i, t in round_.step_timers.items() if timers.running(t)]
        assert running in ([], [round_.step])  # only the current step's timer may run


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_sessions_keep_the_invariants(data):
    room = started()
    seen: set[tuple[str, str]] = set()
    for _ in range(data.draw(st.integers(5, 60))):
        action = candidates(room.ws, data.draw)
        before = room.ws
        try:
            room.do(action, after_s=data.draw(st.sampled_from([0, 1, 45, 700])))
        except ActionError:
            assert room.ws is before
            continue
        except ValueError:  # refused by validation (e.g. an empty title): nothing was applied
            assert room.ws is before
            continue
        check_invariants(room.ws, seen, room.now)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_undo_then_redo_gives_back_the_same_workspace(data):
    room = started()
    for _ in range(data.draw(st.integers(1, 40))):
        try:
            room.do(candidates(room.ws, data.draw))
        except ValueError:
            continue
    if not room.ws.local.undo:
        return
    depth = data.draw(st.integers(1, len(room.ws.local.undo)))
    before = content(room.ws)
    for _ in range(depth):
        room.do({"type": "undo"})
    for _ in range(depth):
        room.do({"type": "redo"})
    assert content(room.ws) == before


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_an_invalid_action_leaves_the_workspace_exactly_as_it_was(data):
    room = started()
    for _ in range(data.draw(st.integers(0, 20))):
        try:
            room.do(candidates(room.ws, data.draw))
        except ValueError:
            pass
    bad = data.draw(
        st.sampled_from(
            [
                {"type": "toggle_vote", "pitch_id": "nope", "member_id": "m-0"},
                {"type": "add_pitch", "session_id": "s-1", "member_id": "ghost", "title": "x"},
                {"type": "next_step", "round_id": "nope"},
                {"type": "add_member", "group_id": "g-1", "name": "ALICE"},
                {"type": "choose_reformulation", "round_id": "r-0", "entry_id": "nope"},
            ]
        )
    )
    before = room.ws
    snapshot = before.model_dump()
    try:
        apply(before, parse(bad), now=room.now + 1, device="d-room")
    except ActionError:
        pass
    else:
        raise AssertionError("the action should have been refused")
    assert before.model_dump() == snapshot
