"""A pure sweep: a protocol played through the actions from a new group to the end of its
first round, opening each gate the way a room would."""

from __future__ import annotations

from app.protocol import Protocol
from room import Room


def play_round(protocol: Protocol) -> Room:
    """A room where a new group ran `protocol` to the end of a round (raises ActionError if
    the engine refuses any move)."""
    room = Room()
    room.group()
    room.session(protocol=protocol.model_dump())
    carrier = "" if protocol.chooses_pitch else "m-0"
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1", "carrier_id": carrier})
    while True:
        round_ = room.ws.rounds["r-1"]
        step = protocol.steps[round_.step]
        if step.capture == "vote":
            room.do({"type": "add_pitch", "id": "p-1", "session_id": "s-1", "member_id": "m-1", "title": "Un cas"})
            room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-1"})
        if step.capture == "reformulations":
            author = next(m for m in ("m-0", "m-1", "m-2") if m != room.ws.rounds["r-1"].carrier_id)
            room.do({"type": "add_entry", "id": f"e-{step.key}", "session_id": "s-1", "round_id": "r-1",
                     "kind": "reformulation", "author_id": author, "text": "Tu cherches…"})
        if step.capture == "contract":
            room.do({"type": "choose_reformulation", "round_id": "r-1", "entry_id": _first_reformulation(room)})
            room.do({"type": "set_contract", "round_id": "r-1", "request_types": [protocol.request_types[0]]})
        if round_.step + 1 == len(protocol.steps):
            break
        room.do({"type": "next_step", "round_id": "r-1"})
    room.do({"type": "finish_round", "round_id": "r-1"})
    return room


def _first_reformulation(room: Room) -> str:
    return room.ws.entries_of("r-1", "reformulation")[0].id
