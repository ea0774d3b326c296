"""Merge two workspaces (DESIGN.md §5): a union by id where, per record, the later version wins,
and where text edited on two devices apart stays visible as a conflict until a person picks.

Every record version carries its hybrid-logical-clock `stamp`, its `device`, and `known`:
per other device, the latest of its stamps this version was made on top of, directly or
through the versions it replaced (a version vector; `app.actions.core.Tx.put`). A version *knows*
another if it was made after it on the same device, or knowing that device's version at
least as recent.

A copy of a record keeps alive its own version and the versions in its `conflicts`. Merging
two copies keeps every version alive in either, except one that the other copy knew and let
go (an ordinary later edit replaced it, or a person resolved the conflict); the latest
(stamp, device) shows, the others stay in `conflicts` (with their text and what they knew)
until a person picks (`ResolveConflict`). This is an observed-remove set of versions, so
merge is commutative, associative and idempotent (tests/test_sync_merge.py).

Versions saved before `known` existed carry only `base`, the latest of those stamps from any
device: what they knew is read as "every device up to `base`" (`known["*"]`), which can
take a version made on top of a newer edit from a third device to know an older one it
never saw, as before `known` existed; versions made on top of them carry that on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.model import COLLECTIONS, Record, Workspace

# The fields people type, per collection: the ones whose concurrent edits are kept.
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "groups": ("name",),
    "members": ("name",),
    "sessions": ("place", "next_place"),
    "rounds": ("request",),
    "pitches": ("title", "text"),
    "votes": (),
    "entries": ("text",),
    "action_items": ("text", "comment"),
    "protocols": (),  # the protocol is one nested value: the later edit wins (its version says which)
}


def version(stamp: str, device: str) -> str:
    """A version's name in a resolve action."""
    return f"{stamp}/{device}"


ANY_DEVICE = "*"  # in `known`: a stamp known of every device (what versions saved before `known` carried)


def knowledge(version: Any) -> dict[str, str]:
    """What a version (a record or a conflict entry) was made knowing, per other device. A
    version saved before `known` existed knew every device's versions up to its `base`."""
    known = _get(version, "known", {})
    if known:
        return known
    base = _get(version, "base", "")
    return {ANY_DEVICE: base} if base else {}


def knows(head: Any, stamp: str, device: str) -> bool:
    """Whether the version `head` (a record or a conflict entry) was made knowing the
    version (stamp, device)."""
    mine = _get(head, "stamp", ""), _get(head, "device", "")
    if (stamp, device) == mine:
        return False
    if device == mine[1] and stamp <= mine[0]:
        return True
    known = knowledge(head)
    return stamp <= max(known.get(device, ""), known.get(ANY_DEVICE, ""))


def _get(version: Any, field: str, default: Any) -> Any:
    return version.get(field, default) if isinstance(version, dict) else getattr(version, field)


def snapshot(record: Record, collection: str) -> dict[str, Any]:
    """A conflict entry: which version, what it knew, and its text."""
    entry: dict[str, Any] = {"stamp": record.stamp, "device": record.device, "known": dict(record.known),
                             "base": record.base}
    entry.update((field, getattr(record, field)) for field in TEXT_FIELDS[collection])
    return entry


def pending(record: Record, collection: str) -> list[dict[str, Any]]:
    """The conflict entries a person has to look at: those whose text differs from the
    record's current text."""
    fields = TEXT_FIELDS[collection]
    return [e for e in record.conflicts if any(e.get(f) != getattr(record, f) for f in fields)]


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _later(a: Record, b: Record) -> bool:
    """Whether `a` wins over `b`: later stamp, then device; then (only for hand-made files
    with two contents under one version) the content, so that the choice never depends on
    the order of the merge."""
    if (a.stamp, a.device) != (b.stamp, b.device):
        return (a.stamp, a.device) > (b.stamp, b.device)
    return _canonical(a.model_dump()) >= _canonical(b.model_dump())


def _live(record: Record, collection: str) -> dict[tuple[str, str], dict[str, Any]]:
    """The versions a copy of a record keeps alive: its own and its conflict entries."""
    found = {(e["stamp"], e["device"]): e for e in record.conflicts}
    found[(record.stamp, record.device)] = snapshot(record, collection)
    return found


def merge_record(a: Record, b: Record, collection: str) -> Record:
    """One record's two copies merged. A version alive in one copy stays alive unless the
    other copy holds a version that knew it and let it go (replaced or resolved it)."""
    if a == b:
        return a
    winner = a if _later(a, b) else b
    live_a, live_b = _live(a, collection), _live(b, collection)
    alive: dict[tuple[str, str], dict[str, Any]] = {}
    for mine, other in ((live_a, live_b), (live_b, live_a)):
        for key, entry in mine.items():
            if key in other or not any(knows(v, *key) for v in other.values()):
                kept = alive.get(key)
                alive[key] = entry if kept is None or _canonical(entry) > _canonical(kept) else kept
    alive.pop((winner.stamp, winner.device), None)
    conflicts = tuple(alive[key] for key in sorted(alive))
    return winner if conflicts == winner.conflicts else winner.model_copy(update={"conflicts": conflicts})


def _union(a: dict[str, Record], b: dict[str, Record], collection: str) -> dict[str, Record]:
    if a is b or not b:
        return a
    if not a:
        return b
    merged = dict(a)
    for record_id, theirs in b.items():
        mine = merged.get(record_id)
        if mine is None:
            merged[record_id] = theirs
        elif mine is not theirs:
            merged[record_id] = merge_record(mine, theirs, collection)
    return merged


def combine(parts: list[Workspace]) -> Workspace:
    """Many workspaces' records merged at once (the stored shards of one device: mostly
    apart, so this is a union at the cost of one pass)."""
    collections: dict[str, dict[str, Record]] = {name: {} for name in COLLECTIONS}
    for part in parts:
        for name, held in collections.items():
            for record_id, record in part.collection(name).items():
                mine = held.get(record_id)
                held[record_id] = record if mine is None else merge_record(mine, record, name)
    return Workspace(**collections)


def latest_stamp(ws: Workspace) -> str:
    return max((r.stamp for name in COLLECTIONS for r in ws.collection(name).values()), default="")


def merge(a: Workspace, b: Workspace) -> Workspace:
    """Both workspaces' records, merged; `a`'s own device state, its clock moved past every
    stamp seen so that the next change here is stamped after all of them."""
    update: dict[str, Any] = {name: _union(a.collection(name), b.collection(name), name) for name in COLLECTIONS}
    clock = max(a.local.clock, latest_stamp(b))
    if clock != a.local.clock:
        update["local"] = a.local.model_copy(update={"clock": clock})
    return a.model_copy(update=update)


@dataclass(frozen=True)
class Preview:
    """What merging a file would change here, per collection, before anything changes."""

    merged: Workspace
    new: dict[str, int]
    updated: dict[str, int]
    conflicting: dict[str, int]

    @property
    def changes(self) -> bool:
        return any(self.new.values()) or any(self.updated.values()) or any(self.conflicting.values())


def preview(current: Workspace, incoming: Workspace) -> Preview:
    merged = merge(current, incoming)
    counts: dict[str, dict[str, int]] = {"new": {}, "updated": {}, "conflicting": {}}
    for name in COLLECTIONS:
        mine, after = current.collection(name), merged.collection(name)
        for record_id in incoming.collection(name):
            before, now = mine.get(record_id), after[record_id]
            if before is None:
                kind = "new" if not now.deleted else ""
            elif now is before or now == before:
                kind = ""
            elif len(pending(now, name)) > len(pending(before, name)):
                kind = "conflicting"
            else:
                kind = "updated"
            if kind:
                counts[kind][name] = counts[kind].get(name, 0) + 1
    return Preview(merged, counts["new"], counts["updated"], counts["conflicting"])
