"""Files to restore for the invariants' tests: the half-day (tests/support/halfday.py) exported,
finished, and the same caught in its third round (every screen of a running session)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any, Callable

from app.sync import file_format
from .halfday import half_day


@cache
def finished() -> bytes:
    return file_format.dump(half_day().ws)


@cache
def running() -> bytes:
    """The half-day in its third round, at the questions, the speaker's turn running."""
    data = json.loads(finished())
    data["rounds"]["r-3"].update(finished=False, step=2)
    data["sessions"]["s-1"].update(stage="round", current_round_id="r-3")
    return json.dumps(data).encode()


def edited(base: bytes, change: Callable[[dict[str, Any]], Any]) -> bytes:
    data = json.loads(base)
    change(data)
    return json.dumps(data).encode()


@cache
def two_sessions() -> bytes:
    """The running half-day and, in the same group, a second session with a shorter
    protocol and a round of its own: for references from one session into the other."""
    data = json.loads(running())
    session = data["sessions"]["s-1"]
    steps = session["protocol"]["steps"][:4]
    data["sessions"]["s-2"] = {**session, "id": "s-2", "date": "2027-03-11", "current_round_id": "r-9",
                               "protocol": {**session["protocol"], "steps": steps}}
    data["rounds"]["r-9"] = {**data["rounds"]["r-1"], "id": "r-9", "session_id": "s-2", "finished": False, "step": 3,
                             "step_timers": {str(i): t for i, t in data["rounds"]["r-1"]["step_timers"].items() if int(i) < 4}}
    return json.dumps(data).encode()
