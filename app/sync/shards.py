"""How the workspace lies in localStorage (app/web/storage.py does the reading and writing).

One entry per session (the session, its rounds, pitches, votes, entries and action items),
one per group (the group, its members and its own protocols), one for records whose owner is unknown, and one
for this device's own state. Each shard is the bytes of a Cercle file (app/sync/file_format.py) holding
just its records, zlib-compressed and base64-encoded. After an action only the shards whose
records changed are written again: a step of a round rewrites one session, not ten years.

Why this layout (bench/storage.py: ten years of one group, 40 sessions, 4,967 records, in
Chromium, which grants an origin 5 MiB characters): as one plain JSON entry the history
takes 1.83 M characters (35% of the quota) and the save after each action 156 ms; as one
compressed entry, 138 K characters but still 39 ms per save, since everything is encoded
again; as compressed shards, 366 K characters (7%) and 2.3 ms per save. Shards also keep a
damaged entry from taking the rest with it.
"""

from __future__ import annotations

import base64
import binascii
import zlib
from typing import Any, Iterable

from app import invariants, kinds
from app.sync import restore
from app.frozen import from_plain
from app.kinds import KIND
from app.sync.merge import combine
from app.model import COLLECTIONS, Local, Record, Workspace
from app.tabs import merge_local

PREFIX = "cercle."
LOCAL = PREFIX + "local"
GROUP = PREFIX + "g."
SESSION = PREFIX + "s."
LOOSE = PREFIX + "loose"
ASIDE = PREFIX + "aside."  # stored data that could not be read, kept for an export
NOT_STORED = frozenset({"undo", "redo", "device"})  # kept in memory; a device id per page load
QUOTA = 5 * 1024 * 1024  # characters: what Chromium, Firefox and Safari grant localStorage
WARN_AT = 0.8


def is_shard(key: str) -> bool:
    return key.startswith((GROUP, SESSION)) or key == LOOSE


def owner(ws: Workspace, collection: str, record: Record) -> str:
    """The key of the shard a record is stored in (its kind says whose: app/kinds.py)."""
    kind, owner_id = KIND[collection].owner(ws, record)
    return {kinds.GROUP: GROUP, kinds.SESSION: SESSION}[kind] + owner_id if kind else LOOSE


class Layout:
    """Which records each shard holds, and which shards a new workspace changed."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.index: dict[str, dict[str, set[str]]] = {}
        for name in COLLECTIONS:
            for record in ws.collection(name).values():
                self._place(name, record)

    def _place(self, collection: str, record: Record) -> str:
        key = owner(self.ws, collection, record)
        self.index.setdefault(key, {}).setdefault(collection, set()).add(record.id)
        return key

    def _where(self, collection: str, record_id: str) -> set[str]:
        return {key for key, held in self.index.items() if record_id in held.get(collection, ())}

    def advance(self, ws: Workspace) -> set[str]:
        """Move to `ws`; the keys of the shards whose content changed. Unchanged records are
        the same objects (the workspace is immutable), so this costs one pass over the
        collections an action touched."""
        old, self.ws = self.ws, ws
        dirty: set[str] = set()
        for name in COLLECTIONS:
            before, after = old.collection(name), ws.collection(name)
            if before is after:
                continue
            for record_id, record in after.items():
                previous = before.get(record_id)
                if previous is record:
                    continue
                key = self._place(name, record)
                dirty.add(key)
                moved_from = owner(old, name, previous) if previous is not None else key
                if moved_from != key:  # an action item whose round arrived with a merge
                    self.index[moved_from][name].discard(record_id)
                    dirty.add(moved_from)
            for record_id in before.keys() - after.keys():
                for key in self._where(name, record_id):
                    self.index[key][name].discard(record_id)
                    dirty.add(key)
        return dirty

    def keys(self) -> set[str]:
        return {key for key, held in self.index.items() if any(held.values())}

    def shard(self, key: str) -> Workspace:
        held = self.index.get(key, {})
        return Workspace(**{name: {i: self.ws.collection(name)[i] for i in ids} for name, ids in held.items()})


def encode(ws: Workspace) -> str:
    from app.sync import file_format  # pydantic writes files: after the first screen (app/frozen.py)

    return base64.b64encode(zlib.compress(file_format.dump(ws), 6)).decode("ascii")


def decode(text: str) -> Workspace:
    """A shard's records (references are checked once all shards are together)."""
    try:
        data = zlib.decompress(base64.b64decode(text, validate=True))
    except (binascii.Error, ValueError, zlib.error):
        raise restore.FileFormatError("sync.error.not_json") from None
    return restore.partial(data)


def encode_local(local: Local) -> str:
    return local.model_dump_json(exclude=NOT_STORED)


def decode_local(text: str) -> Local:
    from pydantic import ValidationError  # after the first screen (app/frozen.py)

    try:
        return invariants.check_local(Local.model_validate(restore.parse(text.encode(), unique=False)))
    except ValidationError:
        raise restore.FileFormatError("sync.error.not_json") from None


def read_unchecked(stored: dict[str, str]) -> Workspace | None:
    """What `read` finds in stored items, without pydantic (app/frozen.py `from_plain`): how
    the first screen paints before pydantic is loaded. None as soon as anything does not
    have the shape this app stores (damaged, written by another version): `read` decides
    then, with every check. When it is not None, app/web/startup/checks.py still reads the same
    items with `read` once pydantic is up and keeps that result if they differ."""
    parts = []
    try:
        for key, value in stored.items():
            if is_shard(key):
                data = restore.parse(zlib.decompress(base64.b64decode(value, validate=True)), unique=False)
                if data.get("format") != restore.FORMAT or data.get("version") != restore.VERSION:
                    return None
                collections: dict[str, dict[str, Record]] = {}
                for name, model in COLLECTIONS.items():
                    found = data.get(name, {})
                    collections[name] = {i: from_plain(model, record) for i, record in found.items()}
                    if any(record.id != i for i, record in collections[name].items()):
                        return None
                parts.append(Workspace(**collections))
                invariants.check(parts[-1])
        local = from_plain(Local, restore.parse(stored[LOCAL].encode(), unique=False)) if LOCAL in stored else Local()
        return restore.settle(combine(parts)).model_copy(update={"local": invariants.check_local(local)})
    except Exception:  # whatever it is (a shape, a number too big, versions that do not merge)
        return None


def items(ws: Workspace) -> dict[str, str]:
    """Everything localStorage holds for `ws`, by key (tests and benchmarks seed with it)."""
    layout = Layout(ws)
    found = {key: encode(layout.shard(key)) for key in sorted(layout.keys())}
    found[LOCAL] = encode_local(ws.local)
    return found


def read(stored: dict[str, str], held: dict[str, str] | None = None) -> tuple[Workspace, dict[str, str]]:
    """The workspace in stored items, and the items that could not be read (to set aside).
    `held`: the items this tab could not write when storage was full, kept elsewhere
    (app/web/storage.py): merged with the stored ones, this tab's drafts first."""
    held = held or {}
    parts, unreadable = [], {}
    for key, value in [*stored.items(), *held.items()]:
        if not is_shard(key):
            continue
        try:
            parts.append(decode(value))
        except restore.FileFormatError:
            unreadable[key] = value
    ws = restore.settle(combine(parts))
    locals_ = []
    for items in (held, stored):
        if LOCAL in items:
            try:
                locals_.append(decode_local(items[LOCAL]))
            except restore.FileFormatError:
                unreadable[LOCAL] = items[LOCAL]
    local = merge_local(*locals_) if len(locals_) == 2 else (locals_ or [Local()])[0]
    return ws.model_copy(update={"local": local}), unreadable


def without_group(ws: Workspace, group_id: str) -> Workspace:
    """The workspace without a group and everything recorded under it: for "delete this group
    from this device". Nothing is stamped: other devices and files keep the group."""
    sessions = {s.id for s in ws.sessions.values() if s.group_id == group_id}

    def belongs(name: str, record: Any) -> bool:
        kind, owner_id = KIND[name].owner(ws, record)  # the group or session storing it
        return owner_id == group_id if kind == kinds.GROUP else kind == kinds.SESSION and owner_id in sessions

    update = {name: {i: r for i, r in ws.collection(name).items() if not belongs(name, r)} for name in COLLECTIONS}
    return ws.model_copy(update=update)


def usage(items: Iterable[tuple[str, str]]) -> int:
    """Characters held, as the browsers count their quota: keys and values."""
    return sum(len(key) + len(value) for key, value in items)
