"""The first click after a load, made as fast as the next ones.

Once pydantic is up after the first screen (app/web/startup/checks.py, which imports the actions),
one chain runs in the browser's idle time, a phase at a time (app/web/shell.py
`when_idle`), so that a click meanwhile waits for one phase at most: first it imports what
the first clicks need (the modules it is given: the engine's actions and the commands',
app/web/commands `first_click_modules`), then, where people click, it rehearses.

pydantic builds a validator the first time a model or record class is used (the action
models say `defer_build`, so that start-up stays fast), and that first use would otherwise
fall on the facilitator's first click: 60 to 150 ms more, once. After the app is ready, in
the browser's idle time (app/web/shell.py `when_idle`), the app rehearses instead: it parses
and plays a representative action of each common kind on a scratch workspace, encodes it
as a save would (without storing it), then renders the screen once, and keeps nothing.
None of these modules is imported before the first screen. Pure (no `js`): tested under
CPython.
"""

from __future__ import annotations

import importlib
import traceback
from typing import Any, Iterable, Iterator

from app.sync import shards
from app.model import Workspace
from app.views import render

DEVICE = "warm-up"
MEMBERS = [{"id": f"w-m{i}", "name": f"M{i}"} for i in range(4)]
# As the DOM sends them (strings), in the order a session goes, so that every gate opens.
REHEARSAL: tuple[dict[str, Any], ...] = (
    {"type": "create_group", "id": "w-g", "name": "W", "members": MEMBERS},
    {"type": "start_session", "id": "w-s", "group_id": "w-g", "date": "2026-01-01"},
    {"type": "acknowledge_charter", "session_id": "w-s", "date": "2026-01-01"},
    {"type": "start_round", "session_id": "w-s", "id": "w-r"},
    {"type": "add_pitch", "id": "w-p", "session_id": "w-s", "member_id": "w-m0", "title": "P", "text": ""},
    {"type": "next_speaker", "round_id": "w-r"},
    {"type": "next_step", "round_id": "w-r"},
    {"type": "toggle_vote", "pitch_id": "w-p", "member_id": "w-m1"},
    {"type": "choose_pitch", "round_id": "w-r", "pitch_id": "w-p"},
    {"type": "go_to_step", "round_id": "w-r", "step": "3"},
    {"type": "pause_timer", "round_id": "w-r"},
    {"type": "resume_timer", "round_id": "w-r"},
    {"type": "extend_timer", "round_id": "w-r", "minutes": "1"},
    {"type": "add_entry", "id": "w-e", "session_id": "w-s", "round_id": "w-r", "kind": "question", "author_id": "w-m1", "text": "Q"},
    {"type": "edit_entry", "id": "w-e", "answered": "true"},
    {"type": "mark_out_of_frame", "id": "w-e", "out_of_frame": "false"},
    {"type": "edit_pitch", "id": "w-p", "title": "P", "text": "T"},
    {"type": "add_action_item", "id": "w-a", "round_id": "w-r", "text": "A", "due": ""},
    {"type": "edit_action_item", "id": "w-a", "text": "A", "due": "2026-02-01"},
    {"type": "undo"},
    {"type": "redo"},
    {"type": "set_draft", "key": "w", "text": "w"},
    {"type": "set_preferences", "muted": "false"},
)


def play(now: int) -> Workspace:
    """The rehearsal on a scratch workspace (a refusal is part of the path too)."""
    from app.actions import ActionError, apply, parse  # after start-up: see the docstring

    ws = Workspace()
    for step, data in enumerate(REHEARSAL):
        try:
            ws = apply(ws, parse(data), now=now + step, device=DEVICE)
        except ActionError:
            pass
    return ws


def after_ready(app, modules: Iterable[str], *, rehearse: bool) -> Iterator[None]:
    """The chain: a module imported per phase, then the rehearsal if `rehearse`. A module
    that fails to import is reported (the page's console) and the chain goes on: its first
    use will say what is wrong where it happens."""
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:
            traceback.print_exc()
        yield
    if rehearse:
        yield from rehearsal(app)


def rehearsal(app) -> Iterator[None]:
    """The rehearsal in phases, each short enough that a click between two of them is
    answered at once: parse, play, encode as a save would (storing nothing), render."""
    from app.actions import parse

    parse(REHEARSAL[0])  # the union of every action's validator, the largest piece
    yield
    ws = play(app.effects.now())
    yield
    shards.encode(ws)
    shards.encode_local(ws.local)
    yield
    render(app.view())
