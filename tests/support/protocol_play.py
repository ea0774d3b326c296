"""The one sweep of a protocol (the library's, a generated one, one a group edited): from a
brand-new group of four with nothing pending, at each step the screen offers the capture the
step asks for, one capture is made through it, the gates are satisfied, and the round reaches
its end. tests/test_protocol_sweep.py plays the library with it, tests/test_protocol_check.py
and tests/test_protocol_actions.py what the validator and the editor accept."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

from app.protocol import Protocol, Step
from app.views import render
from app.views.context import View
from app.views.routes import route
from .room import Room

MEMBERS = ("Alice", "Bruno", "Chloé", "David")


class Offered(HTMLParser):
    """The intents a screen offers: (data-action, data-kind) of its buttons and forms, and
    the member ids its "who" selects offer."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.intents: list[dict[str, str]] = []
        self.ids: list[str] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(found["id"])
        if tag in ("button", "form") and found.get("data-action") and "disabled" not in found:
            self.intents.append(found)

    def offers(self, action: str, **data: str) -> list[dict[str, str]]:
        return [i for i in self.intents if i["data-action"] == action and all(i.get("data-" + k.replace("_", "-")) == v for k, v in data.items())]


def screen(room: Room) -> Offered:
    view = View(ws=room.ws, route=route("session", id="s-1"), lang="fr", now=room.now, today="2026-12-01")
    offered = Offered(render(view))
    # one id per element: a label names its field only then (two forms of a step shared one)
    assert len(offered.ids) == len(set(offered.ids)), sorted(i for i in offered.ids if offered.ids.count(i) > 1)
    return offered


def offered(room: Room, action: str, **data: str) -> dict[str, str]:
    found = screen(room).offers(action, **data)
    step = room.ws.rounds[room.ws.sessions["s-1"].current_round_id].step if room.ws.sessions["s-1"].current_round_id else None
    assert found, f"{action} {data} is not offered (step {step})"
    return found[0]


def new_group(protocol: Protocol, **session: Any) -> Room:
    room = Room()
    room.group(MEMBERS)
    room.session(protocol=protocol.model_dump(), **session)
    if room.ws.sessions["s-1"].stage == "followup":
        room.do(offered(room, "finish_followup", session_id="s-1") and {"type": "finish_followup", "session_id": "s-1"})
    return room


def begin(room: Room, rid: str) -> None:
    """Start a round the way the screen between rounds offers: the group's choice when the
    protocol opens with it, else a carrier (the one who has carried least lately)."""
    opening = screen(room).offers("start_round", session_id="s-1")
    plain = [i for i in opening if "data-carrier-id" not in i and "data-pitch-id" not in i]
    if plain:
        room.do({"type": "start_round", "session_id": "s-1", "id": rid})
        return
    carrier = next(i for i in opening if "data-carrier-id" in i or "data-pitch-id" in i)
    room.do({"type": "start_round", "session_id": "s-1", "id": rid, "carrier_id": carrier.get("data-carrier-id", ""), "pitch_id": carrier.get("data-pitch-id", "")})


def play(room: Room, rid: str, step: Step, n: int) -> None:
    """One capture of the step's kind, made with what the screen offers."""
    round_ = room.ws.rounds[rid]
    carrier = round_.carrier_id
    consultant = next(f"m-{i}" for i in range(len(MEMBERS)) if f"m-{i}" != carrier)
    entry = {"session_id": "s-1", "round_id": rid, "text": f"{step.key} {n}"}
    pitched = {p.member_id for p in room.ws.pitches_of("s-1")}
    # a pitch step offers the form while someone has not pitched (a protocol may pitch again
    # in later rounds: everyone's problem is then on the table already)
    if (step.capture == "pitches" and len(pitched) < len(MEMBERS)) or (step.capture == "vote" and screen(room).offers("add_pitch")):
        form = offered(room, "add_pitch", session_id="s-1")
        member = next(m for m in (consultant, *(f"m-{i}" for i in range(len(MEMBERS)))) if m not in pitched)
        room.do({"type": "add_pitch", "id": f"p-{rid}-{n}", "session_id": form["data-session-id"], "member_id": member, "title": f"Situation {n}"})
    if step.capture == "pitches":
        assert room.ws.pitches_of("s-1")
    elif step.capture == "vote":
        pitch = room.ws.pitches_of("s-1")[-1] if room.ws.pitches_of("s-1") else room.ws.parking_lot("g-1")[0]
        ballot = offered(room, "toggle_vote", pitch_id=pitch.id, member_id="m-1")
        room.do({"type": "toggle_vote", "pitch_id": pitch.id, "member_id": "m-1", "session_id": ballot["data-session-id"]})
        offered(room, "choose_pitch", pitch_id=pitch.id)
        room.do({"type": "choose_pitch", "round_id": rid, "pitch_id": pitch.id})
    elif step.capture in ("notes", "synthesis", "learnings", "questions", "reformulations", "interventions"):
        kind = {"notes": "note", "learnings": "learning", "questions": "question", "reformulations": "reformulation", "interventions": "intervention"}.get(step.capture, step.capture)
        offered(room, "add_entry", kind=kind, step=step.key)
        author = carrier if kind in ("note", "synthesis") else consultant
        help_type = room.ws.sessions["s-1"].protocol.request_types[0] if kind == "intervention" else ""
        room.do({"type": "add_entry", "id": f"e-{rid}-{n}", "kind": kind, "author_id": author, "help_type": help_type, **entry})
        if kind == "synthesis":
            offered(room, "add_action_item", round_id=rid)
            room.do({"type": "add_action_item", "round_id": rid, "text": "Une première action", "due": "2027-01-15"})
    elif step.capture == "contract":
        reformulation = room.ws.entries_of(rid, "reformulation")[0]
        offered(room, "choose_reformulation", entry_id=reformulation.id)
        room.do({"type": "choose_reformulation", "round_id": rid, "entry_id": reformulation.id})
        offered(room, "set_contract", round_id=rid)
        room.do({"type": "set_contract", "round_id": rid, "request_types": ["conseils"], "request": "Des idées"})
    elif step.capture == "evaluation":
        offered(room, "add_entry", kind="evaluation", session_id="s-1")
        room.do({"type": "add_entry", "session_id": "s-1", "kind": "evaluation", "author_id": consultant, "rating": 4, "text": "Riche."})
    else:  # followup (nothing pending for a new group) and none: nothing to capture
        assert step.capture in ("followup", "none"), step.capture


def play_round(room: Room, rid: str, look: Callable[[Step], None] | None = None) -> None:
    """Play the round's steps from where it is to its end; `look` sees each step's screen first."""
    protocol = room.ws.sessions["s-1"].protocol
    round_ = room.ws.rounds[rid]
    for index in range(round_.step, len(protocol.steps)):
        assert room.ws.rounds[rid].step == index
        if look is not None:
            look(protocol.steps[index])
        play(room, rid, protocol.steps[index], index)
        last = index + 1 == len(protocol.steps)
        offered(room, "finish_round" if last else "next_step", round_id=rid)
        room.do({"type": "finish_round" if last else "next_step", "round_id": rid})
    assert room.ws.rounds[rid].finished and room.ws.rounds[rid].carrier_id
    assert room.ws.sessions["s-1"].stage == "between"


def played(protocol: Protocol) -> Room:
    """A room where a new group of four ran `protocol` to the end of its first round with
    what each screen offered (raises ActionError if the engine refuses any move, fails an
    assertion if a screen does not offer what the step asks for)."""
    room = new_group(protocol)
    begin(room, "r-1")
    play_round(room, "r-1")
    return room
