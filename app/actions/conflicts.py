"""Conflicts: a person picks one of the versions two devices edited apart."""

from __future__ import annotations

from typing import Literal

from app import paths
from app.actions.core import Action, ActionError, Id, Records, Tx
from app.frozen import from_plain
from app.kinds import KIND, KINDS, Collections
from app.sync.merge import CONTENT_FIELDS, alternatives, as_json, differing, pending, twinned, version
from app.model import GroupProtocol
from app.protocol import Protocol

# Every kind: text edited apart (in fields, or below one: app/paths.py), and for any kind
# the same version carried with other content (app/sync/merge.py `pending`).
CONFLICTING = tuple(kind.collection for kind in KINDS)


class ResolveConflict(Action):
    """A person picks one of the versions that two devices edited apart: the record takes
    that version's text ("" keeps the current one) and the other versions are set aside, on
    every device the resolution reaches (app/sync/merge.py). A protocol's texts are decided one
    by one (app/paths.py): `path` names the text, `version` the change to keep ("" keeps
    the one shown)."""

    type: Literal["resolve_conflict"] = "resolve_conflict"
    collection: Literal[CONFLICTING]  # type: ignore[valid-type]
    id: Id
    version: str = ""
    path: str = ""

    def perform(self, tx: Tx) -> None:
        records = tx.records(KIND[self.collection])
        record = records.need(self.id)
        if records.kind is Collections.protocols:  # decided text by text (app/paths.py)
            _pick(tx.protocols, record, self.path, self.version)
            return
        waiting = pending(record, self.collection)
        chosen = [e for e in waiting if version(e["stamp"], e["device"]) == self.version]
        if not waiting or (self.version and not chosen):
            raise ActionError("error.conflict.not_found")
        taken = {}
        if chosen:  # its text; for a twin, all it holds (read as the record's fields read it)
            plain = {**{f: as_json(getattr(record, f)) for f in CONTENT_FIELDS[self.collection]}, "id": record.id}
            fields = [f for f in differing(self.collection, twinned(record, chosen[0])) if f in chosen[0]]
            picked = from_plain(type(record), {**plain, **{f: chosen[0][f] for f in fields}})
            taken = {f: getattr(picked, f) for f in fields}
        records.update(self.id, **taken, conflicts=())


def _pick(protocols: Records[GroupProtocol], record: GroupProtocol, path: str, dot: str) -> None:
    """One text of a protocol: the change `dot` ("" the one shown) becomes a change made
    knowing the others, which no longer wait."""
    name = protocols.kind.collection
    waiting = [a for a in alternatives(record, name) if a.path == path]
    chosen = [a for a in waiting if a.dot == dot]
    if not waiting or (dot and not chosen):
        raise ActionError("error.conflict.not_found")
    content = paths.flat(name, {f: as_json(getattr(record, f)) for f in CONTENT_FIELDS[name]})
    if chosen:
        content[path] = chosen[0].text
    protocol = Protocol.model_validate(paths.rebuild(name, content)["protocol"])
    protocols.put(record.model_copy(update={"protocol": protocol}), settled=path)
