"""From what the DOM says to plain data: the payload of a `data-action` or `data-command`.

Pure (no `js`), so the rules are tested under CPython:
- `data-*` attributes arrive camelCased (`dataset.roundId`): they become snake_case.
- Form fields arrive as (name, value, type) triples, in document order. A name ending in
  `[]` always gives a list (checkboxes: `request_types[]`); a dotted name builds nested
  lists of objects (`members.0.name`), and a row whose fields are all blank is dropped (the
  empty member rows of a new group).
- A blank number field is left out, so the action's default applies.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

CONTROL = frozenset({"action", "command", "go", "draft", "confirm", "focus", "saved"})  # the shell's own attributes


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).replace("-", "_").lower()


def payload(dataset: dict[str, str], fields: Iterable[tuple[str, str, str]] = ()) -> dict[str, Any]:
    data: dict[str, Any] = {}
    rows: dict[str, dict[int, dict[str, str]]] = {}
    for name, value, kind in fields:
        if not name or (kind == "number" and value.strip() == ""):
            continue
        if name.endswith("[]"):
            data.setdefault(name[:-2], []).append(value)
        elif "." in name:
            list_name, index, key = (name.split(".", 2) + ["", ""])[:3]
            if index.isdigit() and key:
                rows.setdefault(list_name, {}).setdefault(int(index), {})[key] = value
        else:
            data[name] = value
    for list_name, by_index in rows.items():
        data[list_name] = [row for _, row in sorted(by_index.items()) if any(v.strip() for v in row.values())]
    for key, value in dataset.items():
        name = snake(key)
        if name not in CONTROL:
            data[name] = value
    return data
