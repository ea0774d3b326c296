"""Undo, redo, and this device's own settings (drafts, language, sound, projector)."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from app.actions.core import Action, ActionError, LongText, Tx
from app.kinds import KIND
from app.sync.merge import CONTENT_FIELDS
from app.model import Change


def _swap(tx: Tx, changes: tuple[Change, ...]) -> tuple[Change, ...]:
    """Put back the fields each change records; return the changes that would undo this.

    Only the fields the undone action changed come back, so a later timer or step move on
    the same record stays as it is."""
    inverse = []
    for change in reversed(changes):
        records = tx.records(KIND[change.collection])
        current = records.get(change.id)
        if current is None:
            continue
        after = records.put(current.model_copy(update=change.before))
        # what changed: the fields put back, and the text a deletion empties
        fields = [f for f in CONTENT_FIELDS[change.collection] if f in change.before or getattr(current, f) != getattr(after, f)]
        inverse.append(Change(collection=change.collection, id=change.id, before={f: getattr(current, f) for f in fields}))
    return tuple(reversed(inverse))


class Undo(Action):
    type: Literal["undo"] = "undo"
    undoable: ClassVar[bool] = False

    def perform(self, tx: Tx) -> None:
        if not tx.ws.local.undo:
            raise ActionError("error.undo.empty")
        inverse = _swap(tx, tx.ws.local.undo[-1])
        tx.local_update = {"undo": tx.ws.local.undo[:-1], "redo": tx.ws.local.redo + (inverse,)}


class Redo(Action):
    type: Literal["redo"] = "redo"
    undoable: ClassVar[bool] = False

    def perform(self, tx: Tx) -> None:
        if not tx.ws.local.redo:
            raise ActionError("error.redo.empty")
        inverse = _swap(tx, tx.ws.local.redo[-1])
        tx.local_update = {"redo": tx.ws.local.redo[:-1], "undo": tx.ws.local.undo + (inverse,)}


class SetDraft(Action):
    """Text being typed, kept so that a reload or a crash loses nothing."""

    type: Literal["set_draft"] = "set_draft"
    key: Annotated[str, Field(min_length=1, max_length=200)]
    text: LongText
    undoable: ClassVar[bool] = False

    def perform(self, tx: Tx) -> None:
        drafts = {k: v for k, v in tx.ws.local.drafts.items() if k != self.key}
        if self.text:
            drafts[self.key] = self.text
        tx.local_update = {"drafts": drafts}


class SetPreferences(Action):
    type: Literal["set_preferences"] = "set_preferences"
    language: Literal["fr", "en"] | None = None
    muted: bool | None = None
    projector: bool | None = None
    budget_on_wall: bool | None = None
    undoable: ClassVar[bool] = False

    def perform(self, tx: Tx) -> None:
        tx.local_update = self.model_dump(exclude={"type"}, exclude_none=True)
