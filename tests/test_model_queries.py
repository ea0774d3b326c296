"""Some of the workspace's queries read an index of their collection (app/model.py
`grouped`), kept while the collection is the same: they answer what reading every record
answers, and an action's change is in the next answer."""

from __future__ import annotations

from app.model import Workspace
from tests.support.busy_day import busy_day
from tests.support.room import Room


def scanned(ws: Workspace) -> dict[str, object]:
    """Each query's answer, by reading every record (what the queries did before the index)."""
    live = lambda name: [r for r in ws.collection(name).values() if not r.deleted]  # noqa: E731
    by = lambda records, key: sorted(records, key=key)  # noqa: E731
    return {
        "rounds": {s: by([r for r in live("rounds") if r.session_id == s], lambda r: (r.number, r.id)) for s in ws.sessions},
        "entries": {r: by([e for e in live("entries") if e.round_id == r], lambda e: (e.created, e.id)) for r in ws.rounds},
        "questions": {r: by([e for e in live("entries") if e.round_id == r and e.kind == "question"], lambda e: (e.created, e.id)) for r in ws.rounds},
        "pitches": {s: by([p for p in live("pitches") if p.session_id == s], lambda p: (p.created, p.id)) for s in ws.sessions},
        "parking": {g: by([p for p in live("pitches") if p.group_id == g and not p.round_id and not p.withdrawn], lambda p: (p.created, p.id)) for g in ws.groups},
        "actions": {r: by([a for a in live("action_items") if a.round_id == r], lambda a: a.by_due) for r in ws.rounds},
    }


def asked(ws: Workspace) -> dict[str, object]:
    return {
        "rounds": {s: ws.rounds_of(s) for s in ws.sessions},
        "entries": {r: ws.entries_of(r) for r in ws.rounds},
        "questions": {r: ws.entries_of(r, "question") for r in ws.rounds},
        "pitches": {s: ws.pitches_of(s) for s in ws.sessions},
        "parking": {g: ws.parking_lot(g) for g in ws.groups},
        "actions": {r: ws.action_items_of(r) for r in ws.rounds},
    }


def test_the_queries_answer_what_reading_every_record_answers():
    ws = busy_day().ws
    assert any(asked(ws)["entries"].values()) and any(asked(ws)["actions"].values())
    assert asked(ws) == scanned(ws)


def test_a_change_is_in_the_next_answer_and_the_workspace_before_keeps_its_own():
    room = Room()
    room.group()
    sid = room.session()
    pitch = lambda pid, member: room.do({"type": "add_pitch", "id": pid, "session_id": sid, "member_id": member,  # noqa: E731
                                         "title": f"Situation {pid}"})
    pitch("p-1", "m-0")
    before = room.ws
    assert [p.id for p in before.parking_lot("g-1")] == ["p-1"]
    room.do({"type": "delete_pitch", "id": "p-1"})
    pitch("p-2", "m-1")
    assert [p.id for p in room.ws.parking_lot("g-1")] == [p.id for p in room.ws.pitches_of(sid)] == ["p-2"]
    assert [p.id for p in before.parking_lot("g-1")] == ["p-1"]
    room.do({"type": "start_round", "session_id": sid, "id": "r-1", "pitch_id": "p-2"})
    assert [r.id for r in room.ws.rounds_of(sid)] == ["r-1"] and room.ws.parking_lot("g-1") == []
    assert asked(room.ws) == scanned(room.ws)


def test_an_empty_workspace_has_nothing_to_list():
    ws = Room().ws
    assert ws.entries_of("r-none") == [] and ws.rounds_of("s-none") == [] and ws.parking_lot("g-none") == []
