"""The Cercle file: what an export writes and an import reads (DESIGN.md §5).

UTF-8 JSON, `{"format": "cercle", "version": 1, "groups": {id: record}, "members": ...}`:
every record of every collection, tombstones included (a merge needs them), never this
device's own state. Its JSON Schema is generated from `CercleFile` (`schema()`) and kept in
schema/; README.md, section "File format", describes it for people. An encrypted file is
an envelope around these bytes (app/envelope.py).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from app.merge import merge
from app.model import ActionItem, Entry, Group, Member, Pitch, Round, Session, Vote, Workspace
from app.restore import FORMAT, VERSION, FileFormatError, restore

__all__ = ["FORMAT", "VERSION", "CercleFile", "FileFormatError", "dump", "load", "merge", "schema"]


class CercleFile(BaseModel):
    """The shape of a file of the current version (its JSON Schema is the contract)."""

    model_config = ConfigDict(extra="ignore", defer_build=True, title="Cercle file")

    format: Literal["cercle"]
    version: Literal[1]
    groups: dict[str, Group] = {}
    members: dict[str, Member] = {}
    sessions: dict[str, Session] = {}
    rounds: dict[str, Round] = {}
    pitches: dict[str, Pitch] = {}
    votes: dict[str, Vote] = {}
    entries: dict[str, Entry] = {}
    action_items: dict[str, ActionItem] = {}


def dump(workspace: Workspace) -> bytes:
    """The file's bytes. Fields at their default value are left out (restore puts them back),
    which makes ten years of history a third smaller."""
    records = {name: workspace.collection(name) for name in CercleFile.model_fields if name not in ("format", "version")}
    return CercleFile(format=FORMAT, version=VERSION, **records).model_dump_json(exclude_defaults=True).encode()


def load(data: bytes) -> Workspace:
    """The workspace in a file's bytes; FileFormatError (with a message key) if refused.
    An encrypted file is refused with "sync.error.locked": open its envelope first."""
    return restore(data)


def schema() -> dict[str, Any]:
    """The JSON Schema of the current version, as committed in schema/."""
    found = CercleFile.model_json_schema()
    found["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return found
