"""A record's content as paths, the units the merge decides (app/sync/merge.py).

Most fields are one path each. A few values hold things two devices change apart:
- a session's `attendance` and `roles`, and a round's `roles`: one path per member
  (`attendance/<member id>`) and per role (`roles/<role key>`), so that one device marking a
  member absent and another assigning the timekeeper both stay; a key left out is the value None;
- a group's own protocol: its order of steps (`protocol/order`, the structure), each
  step's fields by the step's key (`protocol/steps/<key>/minutes`), and each text in each
  language (`protocol/name/fr`, `protocol/steps/<key>/do/fr`), so that two devices editing
  different steps both keep their edits.

`changed` (app/model.py) names the version that last changed a path; a path it does not
name has the value of the nearest enclosing path it names (`dot`): versions written before
paths existed named whole fields (`protocol`, `attendance`), and still read right.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.protocol import LANGUAGES

SEP = "/"
STRUCTURE = "protocol/order"  # a protocol's order of steps, a list of step keys (not enclosing them: `dot`)
STEPS = "protocol/steps"  # a step's paths: protocol/steps/<key>/...
VERSION = "protocol/version"  # its number, which the merge gives a protocol that no version held (app/sync/merge.py)
STEP_TEXTS = ("title", "do", "dont", "script", "coach")
OPTIONAL_TEXTS = frozenset({"dont", "script", "coach"})  # both languages empty: none
KEYED = {"sessions": frozenset({"attendance", "roles"}), "rounds": frozenset({"roles"})}  # dict fields decided per key


def dot(changed: dict[str, str], path: str) -> str:
    """The version whose change gave `path` its value: named for it, or for the nearest
    path that encloses it; "" when none (the value the record was made with)."""
    while True:
        found = changed.get(path)
        if found is not None:
            return found
        path, sep, _ = path.rpartition(SEP)
        if not sep:
            return ""


def _texts(prefix: str, text: dict[str, str] | None) -> Iterator[tuple[str, Any]]:
    for language in LANGUAGES:
        yield f"{prefix}{SEP}{language}", (text or {}).get(language, "")


def _protocol(protocol: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for name, value in protocol.items():
        if name in ("name", "source"):
            yield from _texts(f"protocol{SEP}{name}", value)
        elif name == "steps":
            yield STRUCTURE, [step["key"] for step in value]
            for step in value:
                prefix = f"{STEPS}{SEP}{step['key']}"
                for field, held in step.items():
                    if field in STEP_TEXTS:
                        yield from _texts(f"{prefix}{SEP}{field}", held)
                    elif field != "key":
                        yield f"{prefix}{SEP}{field}", held
        else:
            yield f"protocol{SEP}{name}", value


def flatten(collection: str, field: str, value: Any) -> Iterator[tuple[str, Any]]:
    """A field's paths and their values (the value as JSON holds it)."""
    if field in KEYED.get(collection, ()):
        for key, held in value.items():
            yield f"{field}{SEP}{key}", held
    elif collection == "protocols" and field == "protocol":
        yield from _protocol(value)
    else:
        yield field, value


def flat(collection: str, content: dict[str, Any]) -> dict[str, Any]:
    """Every path of a record's content (fields as JSON holds them)."""
    return {path: held for field, value in content.items() for path, held in flatten(collection, field, value)}


def differing(collection: str, field: str, before: Any, after: Any) -> list[str]:
    """The paths an edit changed in a field. A step a protocol no longer has is not
    changed by its removal (only the order is): a concurrent edit of it still stands."""
    old, new = dict(flatten(collection, field, before)), dict(flatten(collection, field, after))
    if collection == "protocols":
        return [path for path, value in new.items() if old.get(path) != value]
    return [path for path in {**old, **new} if old.get(path) != new.get(path)]


def is_text(collection: str, path: str) -> bool:
    """A text a person types in a protocol: its name, description and each step's texts,
    in each language. Edited apart on two devices, both stay until a person picks."""
    if collection != "protocols":
        return False
    parts = path.split(SEP)
    return parts[-1] in LANGUAGES and (len(parts) == 3 or parts[-2] in STEP_TEXTS)


def step_of(path: str) -> str:
    """The key of the protocol step a path belongs to, "" for the protocol's own."""
    parts = path.split(SEP)
    return parts[2] if len(parts) > 3 and SEP.join(parts[:2]) == STEPS else ""


def _step(key: str, values: dict[str, Any]) -> dict[str, Any]:
    step: dict[str, Any] = {"key": key}
    for path, value in values.items():
        field, _, language = path.partition(SEP)
        if language:
            step.setdefault(field, {})[language] = value
        else:
            step[field] = value
    for field in OPTIONAL_TEXTS:
        if not any((step.get(field) or {}).values()):
            step[field] = None
    return step


def rebuild(collection: str, values: dict[str, Any]) -> dict[str, Any]:
    """The content fields that paths make (the inverse of `flat`); a protocol's steps in
    the order of its structure."""
    content: dict[str, Any] = {}
    steps: dict[str, dict[str, Any]] = {}
    for path, value in values.items():
        field, _, rest = path.partition(SEP)
        if not rest:
            content[field] = value
        elif field in KEYED.get(collection, ()):
            if value is not None:
                content.setdefault(field, {})[rest] = value
        elif path == STRUCTURE:
            continue
        elif step_of(path):
            key = step_of(path)
            steps.setdefault(key, {})[path[len(STEPS) + len(key) + 2 :]] = value
        else:
            name, _, language = rest.partition(SEP)
            protocol = content.setdefault("protocol", {})
            if language:
                protocol.setdefault(name, {})[language] = value
            else:
                protocol[name] = value
    if collection == "protocols":
        content["protocol"]["steps"] = [_step(key, steps.get(key, {})) for key in values.get(STRUCTURE, [])]
    for field in KEYED.get(collection, ()):
        content.setdefault(field, {})
    return content
