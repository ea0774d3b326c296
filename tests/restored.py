"""Files to restore for the invariants' tests: the half-day (tests/halfday.py) exported,
finished, and the same caught in its third round (every screen of a running session)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any, Callable

from app import sync
from halfday import half_day


@cache
def finished() -> bytes:
    return sync.dump(half_day().ws)


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
