"""The screens issues 18 and 19 added, for bench/interaction.py: each with the group's ten
years of quarterly history (bench/history.py), opened at its address, and the clicks a
person makes there, each kind a cycle of moves that comes back to where it started.

A move is a click on an element, a value put in a field that the screen follows (a select,
a number, a radio: the shell keeps the draft and renders), or a link followed (the screen
changes on the hash change: timed until the page's DOM changed).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from app.model import Workspace
from tests.support.room import Room

MIN = 60_000


def click(selector: str) -> dict[str, str]:
    return {"how": "click", "selector": selector}


def put(selector: str, value: str) -> dict[str, str]:
    return {"how": "input", "selector": selector, "value": value}


def go(selector: str) -> dict[str, str]:
    return {"how": "go", "selector": selector}


UNDO = click('[data-action="undo"][aria-keyshortcuts~="Control+Z"]')


@dataclass
class Screen:
    name: str
    ws: Workspace
    address: str
    title: str  # the start of its h1, to check the bench measures the screen it means to
    kinds: dict[str, list[dict[str, str]]]


def settled(room: Room) -> Workspace:
    """The room's workspace as a page loads it: no undo history."""
    return room.ws.model_copy(update={"local": room.ws.local.model_copy(update={"undo": (), "redo": ()})})


def new_session(history: Workspace, *, minutes_ago: float = 0, **setup: object) -> Room:
    """A session of the group after its ten years, opened `minutes_ago` (the page's clock is now)."""
    room = Room(history, now=int(time.time() * 1000 - minutes_ago * MIN))
    room.do({"type": "start_session", "id": "s-now", "group_id": "g", "date": "2027-03-15", **setup})
    room.do({"type": "acknowledge_charter", "session_id": "s-now", "date": "2027-03-15"})
    return room


def first_round(room: Room, members: list[str], step: int) -> None:
    """Past the follow-up, everyone's pitch, the first one chosen, at `step` of round r-now."""
    if room.ws.sessions["s-now"].stage == "followup":
        room.do({"type": "finish_followup", "session_id": "s-now"})
    room.do({"type": "start_round", "session_id": "s-now", "id": "r-now"})
    pending = {p.member_id for p in room.ws.parking_lot("g")}  # their problem still waits: no second one
    for member in (m for m in members if m not in pending):
        room.do({"type": "add_pitch", "session_id": "s-now", "member_id": member, "title": f"Situation de {member}"})
    room.do({"type": "next_step", "round_id": "r-now"})
    room.do({"type": "choose_pitch", "round_id": "r-now", "pitch_id": room.ws.pitches_of("s-now")[0].id})
    room.do({"type": "go_to_step", "round_id": "r-now", "step": step})


def finished_round(room: Room, members: list[str]) -> None:
    """Round r-now played to its end (its contract's gate passed on the way)."""
    keys = [s.key for s in room.ws.sessions["s-now"].protocol.steps]
    first_round(room, members, keys.index("reformulations"))
    carrier = room.ws.rounds["r-now"].carrier_id
    consultant = next(m for m in members if m != carrier)
    room.do({"type": "add_entry", "id": "ref-now", "session_id": "s-now", "round_id": "r-now", "kind": "reformulation",
             "author_id": consultant, "text": "Ton problème est de tenir le planning."})
    room.do({"type": "next_step", "round_id": "r-now"})
    room.do({"type": "choose_reformulation", "round_id": "r-now", "entry_id": "ref-now"})
    room.do({"type": "set_contract", "round_id": "r-now", "request_types": ["conseils"]})
    room.do({"type": "go_to_step", "round_id": "r-now", "step": len(keys) - 1})
    room.do({"type": "finish_round", "round_id": "r-now"})


def screens(history: Workspace) -> list[Screen]:
    members = [m.id for m in history.members_of("g")]
    found = []

    setup = Room(history)
    found.append(Screen("setup", settled(setup), "#/setup?group=g", "Nouvelle séance", {
        "time available": [put("#f-setup-available-minutes", "210"), put("#f-setup-available-minutes", "240")],
        "role holder": [put("#f-setup-role-facilitator", members[1]), put("#f-setup-role-facilitator", members[2])],
        "coached or not": [click('input[name="coached"][value="true"]'), click('input[name="coached"][value="false"]')],
    }))

    # Four hours available, opened 100 minutes ago and still in the first round: late, so
    # that both ways back on time are offered.
    late = new_session(history, minutes_ago=100, available_minutes=240)
    first_round(late, members, 3)
    found.append(Screen("time budget", settled(late), "#/session?id=s-now", "Exploration par le groupe", {
        "shorten, undo": [click('[data-action="shorten_steps"]'), UNDO],
        "drop a round, undo": [click('[data-action="drop_round"]'), UNDO],
        "budget on the wall": [click('[data-action="set_preferences"][data-budget-on-wall]')] * 2,
    }))

    pause = new_session(history, minutes_ago=60)
    finished_round(pause, members)
    pause.do({"type": "start_break", "session_id": "s-now", "minutes": 15})
    found.append(Screen("break", settled(pause), "#/session?id=s-now", "Pause — reprise à", {
        "end early, start again": [click('[data-action="end_break"]'), click('[data-action="start_break"][data-minutes="15"]')],
    }))

    found.append(Screen("group page", settled(Room(history)), "#/group?id=g", "Cadres de santé", {
        "group kind": [click('input[name="kind"][value="institution"]'), click('input[name="kind"][value="cross"]')],
        "history and back": [go('a[href="#/history?group=g"]'), go('a[href="#/group?id=g"]')],
    }))

    own = Room(history)
    own.do({"type": "adapt_protocol", "id": "p-own", "group_id": "g", "from_id": "peer-group-9"})
    found.append(Screen("protocol list", settled(own), "#/protocols?group=g", "Protocoles —", {
        "editor and back": [go('a[href="#/protocols?id=p-own"]'), go('a[href="#/protocols?group=g"]')],
    }))
    found.append(Screen("protocol editor", settled(own), "#/protocols?id=p-own", "Modifier\u202f:", {
        "move a step": [click("#move-expose-later"), click("#move-expose-earlier")],
        "preview's time": [put("#f-setup-available-minutes", "180"), put("#f-setup-available-minutes", "240")],
        "a role removed and back": [click('[data-action="remove_role"][data-role="timekeeper"]'), UNDO],
    }))

    follow = new_session(history)
    found.append(Screen("follow-up", settled(follow), "#/session?id=s-now", "Suivi des plans d’action", {
        "an action's status": [click('.carrier-plan [data-action="update_action_item"][data-status="done"]'),
                               click('.carrier-plan [data-action="update_action_item"][data-status="in_progress"]')],
    }))
    return found
