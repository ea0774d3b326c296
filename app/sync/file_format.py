"""The Cercle file: what an export writes and an import reads (DESIGN.md §5).

UTF-8 JSON, `{"format": "cercle", "version": 2, "groups": {id: record}, "members": ...}`:
every record of every collection, tombstones included (a merge needs them, not the text they
had), never this device's own state. Version 1 files are migrated as they are read
(app/sync/restore.py). Its JSON Schema is generated from `CercleFile` (`schema()`) and kept in
schema/; README.md, section "File format", describes it for people. An encrypted file is
an envelope around these bytes (app/sync/envelope.py).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, create_model

from app.sync.envelope import Envelope
from app.sync.merge import erase, merge
from app.model import COLLECTIONS, Workspace
from app.sync.restore import FORMAT, VERSION, FileFormatError, restore

__all__ = ["FORMAT", "VERSION", "CercleFile", "FileFormatError", "dump", "load", "merge", "schema"]


CercleFile: type[BaseModel] = create_model(
    "CercleFile",
    __doc__="The shape of a file of the current version (its JSON Schema is the contract).",
    __config__=ConfigDict(extra="ignore", defer_build=True, title="Cercle file"),
    format=(Literal["cercle"], ...),
    version=(Literal[2], ...),
    # then every collection of the workspace
    **{name: (dict[str, model], {}) for name, model in COLLECTIONS.items()},  # type: ignore[valid-type]
)


def dump(workspace: Workspace) -> bytes:
    """The file's bytes. Fields at their default value are left out (restore puts them back),
    which makes ten years of history a fifth smaller. No deleted record's versions carry
    text (app/sync/merge.py `erase`)."""
    workspace = erase(workspace)
    records = {name: workspace.collection(name) for name in COLLECTIONS}
    return CercleFile(format=FORMAT, version=VERSION, **records).model_dump_json(exclude_defaults=True).encode()


def file_name(workspace: Workspace, today: str, *, encrypted: bool) -> str:
    """cercle-<group>-<date>.json when the device holds one group (the file is that group's),
    else cercle-<date>.json; "-encrypted" before the extension when it is sealed."""
    from app.summary.files import slug  # the summaries' safe names (ASCII, lowercase)

    groups = workspace.live("groups")
    parts = ["cercle", slug(groups[0].name, "") if len(groups) == 1 else "", today, "encrypted" if encrypted else ""]
    return "-".join(p for p in parts if p) + ".json"


def load(data: bytes) -> Workspace:
    """The workspace in a file's bytes; FileFormatError (with a message key) if refused.
    An encrypted file is refused with "sync.error.locked": open its envelope first. A damaged
    one says so instead, before anyone types a passphrase for nothing."""
    try:
        return restore(data)
    except FileFormatError as refused:
        if refused.key == "sync.error.locked":
            Envelope.from_bytes(data)
        raise


def schema() -> dict[str, Any]:
    """The JSON Schema of the current version, as committed in schema/."""
    found = CercleFile.model_json_schema()
    found["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return found
