"""Conflicts: a person picks one of the versions two devices edited apart."""

from __future__ import annotations

from typing import Literal

from app.actions.core import Action, ActionError, Id, Tx
from app.kinds import KINDS
from app.merge import TEXT_FIELDS, pending, version

CONFLICTING = tuple(kind.collection for kind in KINDS if kind.text)  # the kinds whose text two devices can edit apart


class ResolveConflict(Action):
    """A person picks one of the versions that two devices edited apart: the record takes
    that version's text ("" keeps the current one) and the other versions are set aside, on
    every device the resolution reaches (app/merge.py)."""

    type: Literal["resolve_conflict"] = "resolve_conflict"
    collection: Literal[CONFLICTING]  # type: ignore[valid-type]
    id: Id
    version: str = ""

    def perform(self, tx: Tx) -> None:
        record = tx.need(self.collection, self.id)
        waiting = pending(record, self.collection)
        chosen = [e for e in waiting if version(e["stamp"], e["device"]) == self.version]
        if not waiting or (self.version and not chosen):
            raise ActionError("error.conflict.not_found")
        text = {f: chosen[0][f] for f in TEXT_FIELDS[self.collection] if f in chosen[0]} if chosen else {}
        tx.update(self.collection, self.id, **text, conflicts=())
