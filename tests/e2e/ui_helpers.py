"""Helpers shared by the UI end-to-end tests: a workspace made in Python (tests/room.py)
put in the page's localStorage before the app starts, and small waits."""

from __future__ import annotations

import json
import re
from pathlib import Path

from app.model import COLLECTIONS, Workspace

PREFIX = "cercle."
ROOT = Path(__file__).resolve().parents[2]


def storage_items(ws: Workspace) -> dict[str, str]:
    """The localStorage items app/web/storage.py reads: app/shards.py's layout once the
    storage uses it, else the first layout (one key per collection, and `local`)."""
    if "shards" in (ROOT / "app" / "web" / "storage.py").read_text(encoding="utf-8"):
        from app import shards

        return shards.items(ws)
    items = {PREFIX + name: json.dumps({k: r.model_dump(mode="json") for k, r in ws.collection(name).items()}) for name in COLLECTIONS}
    items[PREFIX + "local"] = ws.local.model_dump_json(exclude={"undo", "redo"})
    return items


def seed(page, ws: Workspace) -> None:
    """Before any script of the page runs (and only on the first load), store `ws`."""
    script = "(items => { if (!localStorage.getItem('cercle.seeded')) { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); localStorage.setItem('cercle.seeded', '1'); } })(%s)"
    page.add_init_script(script % json.dumps(storage_items(ws)))


def seconds(clock_text: str) -> int:
    """"12:34" -> 754; "+01:02" (overtime) -> -62."""
    match = re.fullmatch(r"(\+?)(\d+):(\d\d)", clock_text.strip())
    assert match, clock_text
    value = int(match.group(2)) * 60 + int(match.group(3))
    return -value if match.group(1) else value
