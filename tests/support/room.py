"""A test driver: a room that plays actions on a workspace with a clock that moves."""

from __future__ import annotations

from typing import Any

from app.actions import Action, apply, parse
from app.model import Workspace

START = 1_780_000_000_000  # a morning in 2026, epoch ms


class Room:
    def __init__(self, ws: Workspace | None = None, *, device: str = "d-room", now: int = START) -> None:
        self.ws = ws or Workspace()
        self.device = device
        self.now = now

    def do(self, action: Action | dict[str, Any], *, after_s: float = 1) -> Workspace:
        self.now += int(after_s * 1000)
        if isinstance(action, dict):
            action = parse(action)
        self.ws = apply(self.ws, action, now=self.now, device=self.device)
        return self.ws

    def wait(self, seconds: float) -> None:
        self.now += int(seconds * 1000)

    # shortcuts used by many tests

    def group(self, names=("Alice", "Bruno", "Chloé", "David", "Émilie"), *, kind: str = "cross") -> str:
        members = [{"id": f"m-{i}", "name": n} for i, n in enumerate(names)]
        self.do({"type": "create_group", "id": "g-1", "name": "Cadres santé", "kind": kind, "members": members})
        return "g-1"

    def session(self, sid: str = "s-1", date: str = "2026-12-01", **extra: Any) -> str:
        self.do({"type": "start_session", "id": sid, "group_id": "g-1", "date": date, **extra})
        self.do({"type": "acknowledge_charter", "session_id": sid, "date": date})
        return sid

    def current_round(self, sid: str = "s-1"):
        return self.ws.rounds[self.ws.sessions[sid].current_round_id]
