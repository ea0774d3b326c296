"""The engine's ground: `Tx` (what one action writes, stamped, and what it replaced),
the `Action` base class, `ActionError`, and the field types actions share."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Generic, cast

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from app import invariants
from app.clock import new_id, next_stamp, stamp_key
from app.dates import from_typed, is_date
from app.kinds import Collections, Kind, R
from app import paths
from app.sync.merge import CONTENT_FIELDS, ERASED, as_json, knowledge, merge_record, pending, settle, snapshot, version
from app.model import (
    COLLECTIONS,
    UNDO_DEPTH,
    Change,
    Member,
    Record,
    Round,
    Session,
    Workspace,
)
from app.refusal import Refusal

MINUTE = 60_000
# What a record beyond a bound (app/invariants.py BOUNDS) is refused with, by what is full.
FULL = {"rounds": "bounds.error.round_full", "sessions": "bounds.error.session_full",
        "groups": "bounds.error.group_full", "": "bounds.error.workspace_full"}
Name = Annotated[str, Field(min_length=1, max_length=200)]
Id = Annotated[str, Field(min_length=1, max_length=64)]
NewId = Annotated[str, Field(default_factory=new_id, min_length=1, max_length=64)]
LongText = Annotated[str, Field(max_length=20_000)]
def _real_day(text: str) -> str:
    """Empty, or a day every writer of a date accepts (app/dates.py), as restore requires."""
    if text and not is_date(text):
        raise ValueError("not a day from 1980 to 2107")
    return text


# A date as the app's date fields send it (day first, app/dates.py), or ISO: kept as ISO.
IsoDate = Annotated[str, BeforeValidator(from_typed), Field(pattern=r"^(\d{4}-\d{2}-\d{2})?$"), AfterValidator(_real_day)]
Seen = Annotated[str, Field(max_length=200, pattern=r"^([^/]+/[^/]+)?$")]  # a version (app.sync.merge `version`), for Records.edit


class ActionError(Refusal):
    """A refused action. `key` names the message in the translation catalogs."""


def _known(seen: list[Any], device: str) -> dict[str, str]:
    """What a new version made on `device` knows of other devices: the versions it was made
    on top of (those of the record it replaces, conflicting ones included), and all that
    they knew. Own versions do not count: a device knows them anyway, and counting them
    would claim to know other devices' versions of the same moment."""
    known: dict[str, str] = {}
    for entry in seen:
        mine = (entry["device"], entry["stamp"]) if isinstance(entry, dict) else (entry.device, entry.stamp)
        for other, stamp in [*knowledge(entry).items(), mine]:
            if other != device and stamp_key(stamp) > stamp_key(known.get(other, "")):
                known[other] = stamp
    return known


def change(collection: str, old: Record | None, new: Record) -> Change | None:
    """What undo puts back of `new`: the fields that differ from `old`, as they were; a
    record that was not there is deleted. None when nothing differs."""
    if old is None:
        before = {"deleted": True} if not new.deleted else {}
    else:
        before = {f: getattr(old, f) for f in CONTENT_FIELDS[collection] if getattr(old, f) != getattr(new, f)}
    return Change(collection=collection, id=new.id, before=before) if before else None


def imported(before: Workspace, after: Workspace) -> Workspace:
    """`after`, a file merged into `before`, with the import as the one step undo takes
    back: what the file changed here comes back as it was, stamped now, so that the file's
    versions, known, do not win again. The earlier steps go: undoing one of them over
    merged records could put back text that the other device had replaced since."""
    found = []
    for name in COLLECTIONS:
        held = before.collection(name)
        for record_id, record in after.collection(name).items():
            old = held.get(record_id)
            if record is not old and record != old and (one := change(name, old, record)) is not None:
                found.append(one)
    undo = (tuple(found),) if found else ()
    return after.model_copy(update={"local": after.local.model_copy(update={"undo": undo, "redo": ()})})


class Records(Generic[R]):
    """One kind's records as an action reads and writes them (`tx.members`): what it wrote,
    else what the workspace holds."""

    def __init__(self, tx: Tx, kind: Kind[R]) -> None:
        self.tx = tx
        self.kind = kind

    def get(self, record_id: str) -> R | None:
        written = self.tx.written.get(self.kind.collection, {})
        found = written[record_id] if record_id in written else self.tx.ws.collection(self.kind.collection).get(record_id)
        return cast("R | None", found)  # a record of this kind: its collection holds no other

    def need(self, record_id: str) -> R:
        record = self.get(record_id)
        if record is None or record.deleted:
            raise ActionError(f"error.{self.kind.collection}.not_found")
        return record

    def put(self, record: R, *, settled: str = "") -> R:
        """Write a record, stamped by this action, as a version made on top of every version
        the record held (`known`), naming this version in `changed` for each field (or path,
        app/paths.py) it changes: what app/sync/merge.py reads to tell a later edit from a
        concurrent one, path by path. Text conflicts a merge found stay until a person
        resolves them (those this edit made identical go, a protocol's text a person picked,
        `settled`, goes, and a deletion lets them all go)."""
        tx, collection = self.tx, self.kind.collection
        old = self.get(record.id)
        tx.before.setdefault((collection, record.id), old)
        if record.deleted:  # a tombstone: what merging needs, and none of the text a person wrote
            record = record.model_copy(update={f: "" for f in ERASED[collection]})
        name = version(tx.stamp, tx.device)
        changed = dict(old.changed) if old is not None else {}
        if old is not None:
            for f in CONTENT_FIELDS[collection]:
                before, after = getattr(old, f), getattr(record, f)
                if after != before:
                    changed.update((path, name) for path in paths.differing(collection, f, as_json(before), as_json(after)))
        if settled:
            changed[settled] = name
        stamped = record.model_copy(
            update={
                "stamp": tx.stamp,
                "device": tx.device,
                "known": _known([old, *old.conflicts], tx.device) if old is not None else {},
                "changed": changed,
                "created": old.created if old is not None and old.created else tx.stamp,
                "conflicts": record.conflicts,
            }
        )
        stamped = stamped.model_copy(update={"changed": settle(stamped, collection, settled)})
        # still waiting: the versions a person had to look at that this edit did not match
        shown = pending(old, collection) if old is not None and not record.deleted else []
        waiting = tuple(e for e in pending(stamped, collection) if e in shown)
        stamped = stamped.model_copy(update={"conflicts": ()})
        if waiting:
            stamped = stamped.model_copy(update={"conflicts": (snapshot(stamped, collection), *waiting)})
        tx.written.setdefault(collection, {})[record.id] = stamped
        return stamped

    def create(self, record: R) -> R:
        if self.get(record.id) is not None:
            raise ActionError("error.duplicate_id")
        try:
            invariants.room_for(self.tx.ws, self.tx.written, self.kind.collection, record)
        except invariants.Refusal as refusal:
            raise ActionError(FULL[refusal.place.partition("/")[0]], limit=refusal.limit) from None
        return self.put(record)

    def update(self, record_id: str, **fields: Any) -> R:
        return self.put(self.need(record_id).model_copy(update=fields))

    def edit(self, record_id: str, seen: str, **fields: Any) -> R:
        """A person's edit from a form opened on the version `seen` (app.sync.merge `version`; ""
        when unknown). If the record changed since (another tab's edit, merged in meanwhile),
        the new version is made on top of `seen`, not of the version the person never saw:
        the two stay concurrent, and that one is kept as a conflict, as between two devices."""
        old = self.need(record_id)
        new = self.update(record_id, **fields)
        if not seen or seen == version(old.stamp, old.device):
            return new
        stamp, device = seen.split("/", 1)
        known = {other: at for other, at in new.known.items() if other != old.device}
        if device != self.tx.device:
            known[device] = max(stamp, known.get(device, ""))
        concurrent = new.model_copy(update={"known": known})
        merged = cast(R, merge_record(old, concurrent, self.kind.collection))
        self.tx.written[self.kind.collection][record_id] = merged
        return merged

    def delete(self, record_id: str) -> R:
        return self.update(record_id, deleted=True)

    def live(self) -> list[R]:
        """Every record of this kind not deleted, as this action leaves them so far."""
        merged = {**self.tx.ws.collection(self.kind.collection), **self.tx.written.get(self.kind.collection, {})}
        return [cast(R, r) for r in merged.values() if not r.deleted]


class Tx(Collections):
    """The changes one action makes, on top of a workspace that stays untouched. Its
    records, one kind at a time and typed, are its accessors, one per kind (app/kinds.py
    `Collections`): `tx.sessions.need(id)` is a `Session`."""

    def __init__(self, ws: Workspace, now: int, device: str) -> None:
        self.ws = ws
        self.now = now
        self.device = device
        self.stamp = next_stamp(ws.local.clock, now)
        self.written: dict[str, dict[str, Record]] = {}
        self.before: dict[tuple[str, str], Record | None] = {}
        self.local_update: dict[str, Any] = {}  # this device's own state (drafts, undo...)

    def records(self, kind: Kind[R]) -> Records[R]:
        return Records(self, kind)

    def changes(self) -> tuple[Change, ...]:
        """What this action changed, field by field, as it was before (what undo restores)."""
        found = (change(collection, old, self.written[collection][record_id]) for (collection, record_id), old in self.before.items())
        return tuple(c for c in found if c is not None)

    def result(self, *, undoable: bool) -> Workspace:
        if not self.written and not self.local_update:
            return self.ws
        update: dict[str, Any] = {
            name: {**self.ws.collection(name), **records} for name, records in self.written.items()
        }
        local = dict(self.local_update)
        if self.written:
            local["clock"] = max(self.stamp, self.ws.local.clock, key=stamp_key)
        changes = self.changes() if undoable else ()
        if changes:
            local["undo"] = (self.ws.local.undo + (changes,))[-UNDO_DEPTH:]
            local["redo"] = ()
        update["local"] = self.ws.local.model_copy(update=local)
        return self.ws.model_copy(update=update)

    # Lookups shared by many actions.

    def member_of(self, group_id: str, member_id: str) -> Member:
        member = self.members.get(member_id)
        if member is None or member.deleted or member.group_id != group_id:
            raise ActionError("error.member.unknown")
        return member

    def attendee(self, session: Session, member_id: str) -> Member:
        """A member present at the session: who may speak, vote, pitch or carry there."""
        member = self.member_of(session.group_id, member_id)
        if session.attendance.get(member_id) != "present":
            raise ActionError("error.attendance.not_present", name=member.name)
        return member

    def group_members(self, group_id: str) -> list[Member]:
        found = [m for m in self.members.live() if m.group_id == group_id]
        return sorted(found, key=lambda m: (m.order, m.name, m.id))

    def session_of(self, round_: Round) -> Session:
        return self.sessions.need(round_.session_id)

    def live_round(self, round_id: str) -> Round:
        round_ = self.rounds.need(round_id)
        if round_.finished:
            raise ActionError("error.round.finished")
        return round_


class Action(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    undoable: ClassVar[bool] = True

    def perform(self, tx: Tx) -> None:
        raise NotImplementedError
