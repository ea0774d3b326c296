"""Merge two workspaces (DESIGN.md §5): a union by id, each record decided field by field
from what each of its versions knew, and text edited on two devices apart kept as a conflict
until a person picks.

Every record version carries its hybrid-logical-clock `stamp`, its `device`, `known` (per
other device, the latest of its stamps this version was made on top of, directly or through
the versions it replaced: a version vector, `app.actions.core.Records.put`) and `changed` (per
field, the version whose change gave the field its value). A version *knows* another if it
was made after it on the same device, or knowing that device's version at least as recent.
Stamps are compared as numbers (`app.clock.stamp_key`).

A copy of a record keeps alive its versions: its own, or, once versions made apart met,
every one of them in `conflicts`, each with all its fields. Merging two copies keeps every
version alive in either, except one that the other copy knew and let go (an ordinary later
edit replaced it, or a person resolved the conflict): an observed-remove set of versions,
so merge is commutative, associative and idempotent (tests/test_sync_merge.py). Two copies
that carry one version (same stamp and device) with different content (a hand-edited file,
a device id used twice) keep both: the other content becomes a version of its own
(`device~digest`), never a silent replacement.

The record shown is decided from its live versions, field by field (`decide`), or below the
field where two devices change its parts apart (app/paths.py: a session's attendance per
member and roles per role, a protocol per step field and per text in each language):
- a field's value comes from the change that no other live version knew and replaced; of
  changes made apart, the latest wins (stamp, then device), except for the flags in
  `MONOTONIC`, where "set" wins over a concurrent "unset": an out-of-frame mark, an
  anonymous-summaries choice and a deletion are lifted only by someone who saw them;
- text (`TEXT_FIELDS`): the latest version's shows, and every other live version whose text
  differs waits as a conflict (`pending`);
- a protocol's text is decided as a field is, but of changes made apart with different
  texts the others stay open (`OPEN` in `changed`) until a person picks one
  (`alternatives`) or types one of them; a version made knowing an open text does not
  replace it. Its order of steps takes the later change, and a step it lacks that a change
  it never saw edited comes back (`_restored`); a protocol that no version held gets a
  version number of its own (`_numbered`);
- a deletion wins over every concurrent edit, text included: the record stays deleted, and
  the import's preview names the records it deletes and the edits made here it drops.
A tombstone keeps what merging needs and nothing a person wrote: a deletion empties its
text fields (`ERASED`); a file or a shard never carries the text of a deleted record's
versions (`erase`, when a workspace is written).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from app import invariants, paths
from app.clock import AHEAD_MS, parse_stamp, stamp_key
from app.frozen import Value, from_plain
from app.kinds import KINDS
from app.model import COLLECTIONS, Record, Workspace
from app.sync.restore import FileFormatError, checked

# Per collection, from the kinds' declaration (app/kinds.py): the fields people type, whose
# concurrent edits are kept; what a deletion empties; the safety flags, where set wins over a
# concurrent unset (deletion is one, for every collection).
TEXT_FIELDS: dict[str, tuple[str, ...]] = {kind.collection: kind.text for kind in KINDS}
ERASED: dict[str, tuple[str, ...]] = {kind.collection: kind.emptied for kind in KINDS}
MONOTONIC: dict[str, frozenset[str]] = {kind.collection: frozenset({"deleted", *kind.flags}) for kind in KINDS}
META_FIELDS = frozenset({"id", "stamp", "device", "known", "changed", "created", "conflicts"})
CONTENT_FIELDS: dict[str, tuple[str, ...]] = {
    name: tuple(f.name for f in dataclasses.fields(model) if f.name not in META_FIELDS) for name, model in COLLECTIONS.items()
}


def version(stamp: str, device: str) -> str:
    """A version's name: in `changed`, and in a resolve action."""
    return f"{stamp}/{device}"


def _named(name: str) -> tuple[str, str]:
    stamp, _, device = name.partition("/")
    return stamp, device


def _order(stamp: str, device: str) -> tuple[tuple[int, int], str]:
    return stamp_key(stamp), device


def _get(version: Any, field: str, default: Any) -> Any:
    return version.get(field, default) if isinstance(version, dict) else getattr(version, field)


def knowledge(version: Any) -> dict[str, str]:
    """What a version (a record or a conflict entry) was made knowing, per other device."""
    return _get(version, "known", {})


def knows(head: Any, stamp: str, device: str) -> bool:
    """Whether the version `head` (a record or a conflict entry) was made knowing the
    version (stamp, device)."""
    mine = _get(head, "stamp", ""), _get(head, "device", "")
    if (stamp, device) == mine:
        return False
    if device == mine[1]:
        return stamp_key(stamp) <= stamp_key(mine[0])
    seen = knowledge(head).get(device)
    return seen is not None and stamp_key(stamp) <= stamp_key(seen)


def as_json(value: Any) -> Any:
    """A value as JSON holds it (what a conflict entry stores, and a file gives back)."""
    if isinstance(value, Value):
        value = value.model_dump()
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [as_json(v) for v in value]
    return value


@cache
def _defaults(collection: str) -> dict[str, Any]:
    """Each content field's default, as a conflict entry that leaves it out means it."""
    found = {}
    for f in dataclasses.fields(COLLECTIONS[collection]):
        if f.name in CONTENT_FIELDS[collection]:
            default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
            found[f.name] = None if default is dataclasses.MISSING else as_json(default)
    return found


def snapshot(record: Record, collection: str) -> dict[str, Any]:
    """A version as a conflict entry: which version, what it knew, and all its fields."""
    entry: dict[str, Any] = {"stamp": record.stamp, "device": record.device, "known": dict(record.known),
                             "changed": dict(record.changed)}
    entry.update((field, as_json(getattr(record, field))) for field in CONTENT_FIELDS[collection])
    return entry


def _value(entry: dict[str, Any], field: str, collection: str) -> Any:
    return entry.get(field, _defaults(collection)[field])


def pending(record: Record, collection: str) -> list[dict[str, Any]]:
    """The conflict entries a person has to look at: versions, not deleted, whose text
    differs from the record's current text (for a protocol, whose change of one of its
    texts is still in conflict with the one shown, `alternatives`); and a twin (the same
    version carried with other content: a hand-edited file, a device id used twice, `_add`)
    that differs from the record in any field, since nothing tells which content is the
    later one. A deleted record has none."""
    if record.deleted:
        return []
    if collection == "protocols":
        holders = {id(e) for alternative in alternatives(record, collection) for e in alternative.holders}
        return [e for e in record.conflicts if id(e) in holders]
    return [
        e for e in record.conflicts
        if not e.get("deleted") and not e.get("erased")
        and any(_value(e, f, collection) != as_json(getattr(record, f)) for f in differing(collection, twinned(record, e)))
    ]


TWIN = "~"  # in a version's device: the same version with other content (`_add`)


def twinned(record: Record, entry: dict[str, Any]) -> bool:
    """Whether the conflict entry is one of a version's twins: the same stamp and device
    (before `TWIN`) as another entry of the record, with other content."""
    name = (entry["stamp"], entry["device"].partition(TWIN)[0])
    return sum((e["stamp"], e["device"].partition(TWIN)[0]) == name for e in record.conflicts) > 1


def differing(collection: str, twin: bool) -> tuple[str, ...]:
    """The fields in which a version waiting as a conflict differs, that a person picks: the
    text; every field of content but the deletion for a twin."""
    return tuple(f for f in CONTENT_FIELDS[collection] if f != "deleted") if twin else TEXT_FIELDS[collection]


@dataclass(frozen=True)
class Alternative:
    """A protocol's text edited apart: its path (app/paths.py), the change still in
    conflict with the text shown (`dot`, what a person picks), its text, and the versions
    that hold it."""

    path: str
    dot: str
    text: str
    holders: tuple[dict[str, Any], ...]


def alternatives(record: Record, collection: str, *, settled: str = "") -> list[Alternative]:
    """The texts of a protocol in conflict with the ones shown, each change once (but for
    those of the path `settled`, which a person just picked)."""
    opens = [(key.partition(OPEN)[0], dot) for key, dot in record.changed.items() if OPEN in key and paths.is_text(collection, key.partition(OPEN)[0])]
    if record.deleted or not opens:
        return []
    mine = paths.flat(collection, {f: as_json(getattr(record, f)) for f in CONTENT_FIELDS[collection]})
    flats = [(e, _flat(e, collection)) for e in record.conflicts if not e.get("deleted") and not e.get("erased")]
    found = []
    for path, dot in opens:
        holders = tuple(e for e, flat in flats if paths.dot(e.get("changed", {}), path) == dot and flat.get(path, mine.get(path)) != mine.get(path))
        if path in mine and path != settled and holders:
            found.append(Alternative(path, dot, _flat(holders[-1], collection)[path], holders))
    return found


def settle(record: Record, collection: str, settled: str = "") -> dict[str, str]:
    """A new version's `changed`: the texts still in conflict stay open, the others (made
    identical, of a step removed, or picked by a person: `settled`) are let go."""
    kept = {opened(a.path, a.dot) for a in alternatives(record, collection, settled=settled)}
    return {key: dot for key, dot in record.changed.items() if OPEN not in key or key in kept}


def live(record: Record, collection: str) -> dict[tuple[str, str], dict[str, Any]]:
    """The versions a copy of a record keeps alive: every one in `conflicts`, or itself."""
    found = {(e["stamp"], e["device"]): e for e in record.conflicts}
    if (record.stamp, record.device) not in found:
        found[(record.stamp, record.device)] = snapshot(record, collection)
    return found


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _substance(entry: dict[str, Any], collection: str, erased: bool) -> dict[str, Any]:
    """What tells two contents of one version apart: everything, but the text if a copy
    had it erased (a deleted record's, when written) or defaults left out."""
    found = {**_defaults(collection), **entry}
    found.pop("erased", None)
    if erased:
        found.update((f, "") for f in ERASED[collection])
    return found


def _add(alive: dict[tuple[str, str], dict[str, Any]], entry: dict[str, Any], collection: str) -> None:
    """Put a live version in `alive`. The same version with other content stays too, under
    a name of its own, so that neither content is silently dropped."""
    key = (entry["stamp"], entry["device"])
    held = alive.get(key)
    if held is None:
        alive[key] = entry
        return
    erased = any(e.get(flag) for e in (held, entry) for flag in ("deleted", "erased"))
    if _substance(held, collection, erased) == _substance(entry, collection, erased):
        # one version: its erased form wins (no text comes back), then a fixed choice
        alive[key] = min(held, entry, key=lambda e: (not e.get("erased"), _canonical(e)))
        return
    keep, other = sorted((held, entry), key=_canonical, reverse=True)
    alive[key] = keep
    digest = hashlib.sha256(_canonical(other).encode()).hexdigest()[:8]
    _add(alive, {**other, "device": f"{other['device']}{TWIN}{digest}"}, collection)


def _has_text(entry: dict[str, Any], collection: str) -> bool:
    return not entry.get("erased") and any(_value(entry, f, collection) for f in ERASED[collection])


OPEN = "|"  # in `changed`: "<path>|<version>", a text still in conflict with the one shown


def opened(path: str, dot: str) -> str:
    return f"{path}{OPEN}{dot}"


def _decided(entries: list[dict[str, Any]], flats: list[dict[str, Any]], path: str, collection: str) -> tuple[Any, str, list[str]]:
    """A path's value, the change it comes from, and (for a protocol's text) the other
    changes still in conflict with it, decided over the live versions (oldest first): the
    changes that no live version knew and replaced (a version that knew a text but kept it
    in conflict, `OPEN`, did not replace it); of those, the latest (or, for a safety flag,
    the latest that sets it)."""
    held: dict[str, list[int]] = {}
    for i, entry in enumerate(entries):
        held.setdefault(paths.dot(entry.get("changed", {}), path), []).append(i)

    def replaces(i: int, dot: str) -> bool:
        return knows(entries[i], *_named(dot)) and opened(path, dot) not in entries[i].get("changed", {})

    standing = [
        dot for dot in held if not any(other != dot and (not dot or any(replaces(i, dot) for i in held[other])) for other in held)
    ] or list(held)

    def value(dot: str) -> Any:
        """The latest holder's, of those that have the path: a step removed has not, and
        when it comes back, its text is the latest a version has (a key left out of a
        session's roles is None: removed)."""
        having = [i for i in held[dot] if path in flats[i]]
        if not having and paths.step_of(path):
            having = [i for i, flat in enumerate(flats) if path in flat]
        return flats[(having or held[dot])[-1]].get(path)

    if path in MONOTONIC[collection]:
        setting = [dot for dot in standing if any(flats[i].get(path) is True for i in held[dot])]
        if setting:
            return True, max(setting, key=lambda dot: _order(*_named(dot))), []
    dot = max(standing, key=lambda d: _order(*_named(d)) if d else ((-1, 0), ""))
    shown = value(dot)
    others = [d for d in standing if d != dot and value(d) != shown] if paths.is_text(collection, path) else []
    return shown, dot, others


def _restored(entries: list[dict[str, Any]], flats: list[dict[str, Any]], order: list[str], changed: dict[str, str]) -> list[str]:
    """A protocol's order of steps, with the steps it lacks that a change it was made
    without knowing edited (or added): a step removed on one device while edited on another
    comes back, after the step it followed there, rather than the edit being lost."""
    dot = changed.get(paths.STRUCTURE, "")
    holder = [e for e in entries if paths.dot(e.get("changed", {}), paths.STRUCTURE) == dot][-1]
    order = list(order)
    for flat in reversed(flats):
        theirs = flat.get(paths.STRUCTURE) or []
        for n, key in enumerate(theirs):
            if key in order:
                continue
            edits = {d for p, d in changed.items() if OPEN not in p and paths.step_of(p) == key}
            if any(d != version(holder["stamp"], holder["device"]) and not knows(holder, *_named(d)) for d in edits):
                after = next((order.index(k) + 1 for k in reversed(theirs[:n]) if k in order), 0)
                order.insert(after, key)
    return order


def _numbered(decided: dict[str, Any], flats: list[dict[str, Any]]) -> int:
    """A protocol's version number once versions made apart met: the number of a version
    that holds the protocol the merge makes, else past every one by one less than how many
    met. Two devices editing version 3 apart both number their edit 4; what merging both
    makes is neither, so 5; a third device's 4 merged in makes a 6, not the 5 that the first
    two made. Every device merging the same versions, in any order, numbers it the same."""
    def content(flat: dict[str, Any]) -> dict[str, Any]:  # the protocol's paths, but the number
        order = flat.get(paths.STRUCTURE) or []
        return {p: v for p, v in flat.items() if p.startswith("protocol/") and p != paths.VERSION
                and (not paths.step_of(p) or paths.step_of(p) in order)}

    made = content(decided)
    same = [flat.get(paths.VERSION, 1) for flat in flats if content(flat) == made]
    return max(same) if same else max(flat.get(paths.VERSION, 1) for flat in flats) + len(flats) - 1


def _flat(entry: dict[str, Any], collection: str) -> dict[str, Any]:
    return paths.flat(collection, {f: _value(entry, f, collection) for f in CONTENT_FIELDS[collection]})


def decide(alive: dict[tuple[str, str], dict[str, Any]], collection: str, record_id: str, created: str) -> Record:
    """The record its live versions make, path by path (the module's docstring)."""
    entries = [alive[key] for key in sorted(alive, key=lambda k: _order(*k))]
    latest = entries[-1]
    plain: dict[str, Any] = {**latest, "id": record_id, "created": created, "conflicts": []}
    if len(entries) > 1:
        changed: dict[str, str] = {}
        flats = [_flat(e, collection) for e in entries]
        decided: dict[str, Any] = {}
        for path in dict.fromkeys(p for flat in flats for p in flat if p not in TEXT_FIELDS[collection]):
            decided[path], dot, others = _decided(entries, flats, path, collection)
            if dot:
                changed[path] = dot
            changed.update((opened(path, d), d) for d in others)
        if collection == "protocols":
            decided[paths.STRUCTURE] = _restored(entries, flats, decided[paths.STRUCTURE], changed)
            decided[paths.VERSION] = _numbered(decided, flats)
        plain.update(paths.rebuild(collection, decided))
        shown = [e for e in entries if not e.get("deleted") and not e.get("erased")] or [latest]
        for field in TEXT_FIELDS[collection]:
            plain[field] = _value(shown[-1], field, collection)
            if field in shown[-1].get("changed", {}):
                changed[field] = shown[-1]["changed"][field]
        if plain["deleted"]:
            plain.update((field, "") for field in ERASED[collection])
        plain["changed"] = changed
        plain["conflicts"] = entries
    return from_plain(COLLECTIONS[collection], plain)


def merge_record(a: Record, b: Record, collection: str) -> Record:
    """One record's two copies merged. A version alive in one copy stays alive unless the
    other copy holds a version that knew it and let it go (replaced or resolved it)."""
    if a == b:
        return a
    live_a, live_b = live(a, collection), live(b, collection)
    kept_a = [key for key in live_a if key in live_b or not any(knows(v, *key) for v in live_b.values())]
    kept_b = [key for key in live_b if key in live_a or not any(knows(v, *key) for v in live_a.values())]
    for record, mine, other, kept, theirs in ((a, live_a, live_b, kept_a, kept_b), (b, live_b, live_a, kept_b, kept_a)):
        # one version, which knew every other the other copy holds: nothing to decide
        if not record.conflicts and kept and all(key in mine and other[key] == mine[key] for key in theirs):
            return record
    alive: dict[tuple[str, str], dict[str, Any]] = {}
    for mine, kept in ((live_a, kept_a), (live_b, kept_b)):
        for key in kept:
            _add(alive, mine[key], collection)
    created = min((c for c in (a.created, b.created) if c), key=stamp_key, default="")
    return decide(alive, collection, a.id, created)


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
    return max((r.stamp for name in COLLECTIONS for r in ws.collection(name).values()), key=stamp_key, default="")


def merge(a: Workspace, b: Workspace) -> Workspace:
    """Both workspaces' records, merged; `a`'s own device state, its clock moved past every
    stamp seen so that the next change here is stamped after all of them."""
    update: dict[str, Any] = {name: _union(a.collection(name), b.collection(name), name) for name in COLLECTIONS}
    clock = max(a.local.clock, latest_stamp(b), key=stamp_key)
    if clock != a.local.clock:
        update["local"] = a.local.model_copy(update={"clock": clock})
    return a.model_copy(update=update)


def erase(ws: Workspace) -> Workspace:
    """The workspace as it is written (a file, a shard): no deleted record's versions carry
    text. Written, read back and merged, an erased version is the same version."""
    update: dict[str, dict[str, Record]] = {}
    for name in COLLECTIONS:
        for record in ws.collection(name).values():
            if record.deleted and record.conflicts and any(_has_text(e, name) for e in record.conflicts):
                blank = {"erased": True, **{f: "" for f in ERASED[name]}}
                erased = tuple({**e, **blank} for e in record.conflicts)
                update.setdefault(name, dict(ws.collection(name)))[record.id] = record.model_copy(update={"conflicts": erased})
    return ws.model_copy(update=update) if update else ws


@dataclass(frozen=True)
class Preview:
    """What merging a file would change here, per collection, before anything changes:
    records new, updated, in conflict, deleted here by the file, and of those, the ones
    whose text edited here the deletion drops; and which records the file deletes, by
    collection (for the preview to name each, app/views/deletions.py)."""

    merged: Workspace
    new: dict[str, int]
    updated: dict[str, int]
    conflicting: dict[str, int]
    deleted: dict[str, int] = dataclasses.field(default_factory=dict)
    dropped: dict[str, int] = dataclasses.field(default_factory=dict)
    deletions: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)

    @property
    def changes(self) -> bool:
        return any(any(counts.values()) for counts in (self.new, self.updated, self.conflicting, self.deleted))


def _drops(before: Record, after: Record, collection: str) -> bool:
    """Whether a deletion that `after` carries never saw the text `before` shows: its text
    fields, and a protocol's texts (each path's change, app/paths.py)."""
    dots = [before.changed.get(f, "") for f in TEXT_FIELDS[collection]]
    content = paths.flat(collection, {f: as_json(getattr(before, f)) for f in CONTENT_FIELDS[collection]})
    dots += [paths.dot(before.changed, path) for path in content if paths.is_text(collection, path)]
    deletions = [e for e in live(after, collection).values() if e.get("deleted")]
    return any(dot and not any(knows(d, *_named(dot)) or (d["stamp"], d["device"]) == _named(dot) for d in deletions)
               for dot in dots)


def too_far_ahead(incoming: Workspace, now_ms: int) -> None:
    """A file whose latest stamp is further ahead of this device's clock than a day is
    refused: merged, it would move every clock there for good."""
    latest = latest_stamp(incoming)
    if latest and parse_stamp(latest)[0] > now_ms + AHEAD_MS:
        raise FileFormatError("sync.error.future")


def preview(current: Workspace, incoming: Workspace, *, now_ms: int | None = None) -> Preview:
    """What merging `incoming` would change; a file stamped far ahead of `now_ms` (this
    device's clock, when the file comes from elsewhere) is refused."""
    if now_ms is not None:
        too_far_ahead(incoming, now_ms)
    merged = merge(current, incoming)
    checked(merged, invariants.check_counts)  # each within the bounds, together perhaps not
    counts: dict[str, dict[str, int]] = {kind: {} for kind in ("new", "updated", "conflicting", "deleted", "dropped")}
    deletions: dict[str, tuple[str, ...]] = {}
    for name in COLLECTIONS:
        mine, after = current.collection(name), merged.collection(name)
        for record_id in incoming.collection(name):
            before, now = mine.get(record_id), after[record_id]
            kinds = []
            if before is None:
                kinds = ["new"] if not now.deleted else []
            elif now is before or now == before:
                pass
            elif now.deleted and not before.deleted:
                kinds = ["deleted", "dropped"] if _drops(before, now, name) else ["deleted"]
            elif len(pending(now, name)) > len(pending(before, name)):
                kinds = ["conflicting"]
            else:
                kinds = ["updated"]
            for kind in kinds:
                counts[kind][name] = counts[kind].get(name, 0) + 1
            if "deleted" in kinds:
                deletions[name] = (*deletions.get(name, ()), record_id)
    return Preview(merged, **counts, deletions=deletions)
