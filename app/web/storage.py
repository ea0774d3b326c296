"""The workspace in this browser's localStorage, saved after every action.

One key per collection (`cercle.groups`, `cercle.entries`...) and one for this device's own
state (`cercle.local`, without the undo and redo stacks, which stay in memory), and only what
an action changed is written again: typing a draft rewrites a few bytes, not ten years of
history.
"""

from __future__ import annotations

import json

import js
from pydantic import TypeAdapter

from app.clock import new_device_id
from app.model import COLLECTIONS, Workspace

PREFIX = "cercle."
LOCAL = "local"
_NOT_SAVED = {"undo", "redo"}

_saved: dict[str, object] = {}
_adapters: dict[str, TypeAdapter] = {}  # per key, the object last written (frozen: identity = unchanged)


def _read(name: str) -> dict:
    text = js.localStorage.getItem(PREFIX + name)
    if not text:
        return {}
    data = json.loads(str(text))
    if not isinstance(data, dict):
        raise ValueError(name)
    return data


def load_workspace() -> Workspace:
    """The saved workspace (a new one on first use), with this device's id."""
    try:
        data = {name: _read(name) for name in (*COLLECTIONS, LOCAL)}
        ws = Workspace.model_validate(data)
    except ValueError:
        # Never overwrite what could not be read: set it aside, and start afresh.
        for name in (*COLLECTIONS, LOCAL):
            text = js.localStorage.getItem(PREFIX + name)
            if text:
                js.localStorage.setItem(PREFIX + name + ".unreadable", text)
        ws = Workspace()
    if not ws.local.device:
        ws = ws.model_copy(update={"local": ws.local.model_copy(update={"device": new_device_id()})})
    for name in COLLECTIONS:
        _saved[name] = ws.collection(name)
    return ws


def _adapter(name: str) -> TypeAdapter:
    if name not in _adapters:
        _adapters[name] = TypeAdapter(dict[str, COLLECTIONS[name]])  # type: ignore[name-defined]
    return _adapters[name]


def save_workspace(ws: Workspace) -> None:
    for name in COLLECTIONS:
        records = ws.collection(name)
        if records is not _saved.get(name):
            js.localStorage.setItem(PREFIX + name, _adapter(name).dump_json(records).decode())
            _saved[name] = records
    if ws.local is not _saved.get(LOCAL):
        js.localStorage.setItem(PREFIX + LOCAL, ws.local.model_dump_json(exclude=_NOT_SAVED))
        _saved[LOCAL] = ws.local
