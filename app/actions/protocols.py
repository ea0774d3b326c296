"""A group's own protocols (issue 19): adapted from any protocol or new, then edited, each
edit checked (app/protocol_check.py) so that what a group keeps can always run. A session
runs a copy (app/actions/sessions.py): editing a protocol never changes past sessions."""

from __future__ import annotations

import secrets
from typing import Annotated, Literal

from pydantic import Field

from app.actions.core import Action, ActionError, Id, LongText, NewId, Tx
from app.i18n import translator
from app.model import GroupProtocol
from app.protocol import LIBRARY, Capture, Protocol, Speaker, Step, Text
from app.protocol_check import KEY, MAX_MINUTES, problems

Title = Annotated[str, Field(max_length=200)]


def said(key: str, **params: object) -> Text:
    """A catalog message in both languages: what a new protocol or step starts with."""
    return Text(fr=translator("fr")(key, **params), en=translator("en")(key, **params))


def runnable(protocol: Protocol) -> Protocol:
    """The protocol, or ActionError saying the first thing to fix."""
    found = problems(protocol)
    if found:
        raise ActionError(found[0].key, **found[0].params)
    return protocol


def source_protocol(tx: Tx, group_id: str, protocol_id: str) -> Protocol:
    """A built-in protocol or one of the group's own, by id."""
    if protocol_id in LIBRARY:
        return LIBRARY[protocol_id]
    own = tx.protocols.get(protocol_id)
    if own is None or own.deleted or own.group_id != group_id:
        raise ActionError("error.protocol.unknown")
    return own.protocol


def _step_key() -> str:
    """A new step's key: random, so that steps added on two devices apart stay two steps
    when their protocols merge (app/paths.py names a step's fields by its key)."""
    return f"step-{secrets.token_hex(4)}"


StepKey = Annotated[str, Field(default_factory=_step_key, pattern=f"^{KEY}$")]


def _new_step(key: str) -> Step:
    return Step(key=key, title=said("protocol.new_step"), do=Text(fr="", en=""), speaker="group", minutes=10.0)


class AdaptProtocol(Action):
    """Copy any protocol (built-in or the group's own) into one the group can edit."""

    type: Literal["adapt_protocol"] = "adapt_protocol"
    id: NewId
    group_id: Id
    from_id: Id

    def perform(self, tx: Tx) -> None:
        tx.groups.need(self.group_id)
        original = source_protocol(tx, self.group_id, self.from_id)
        name = Text(fr=translator("fr")("protocol.adapted_name", name=original.name.fr),
                    en=translator("en")("protocol.adapted_name", name=original.name.en))
        copy = original.model_copy(update={"id": self.id, "name": name, "version": 1})
        tx.protocols.create(GroupProtocol(id=self.id, group_id=self.group_id, protocol=runnable(copy)))


class NewProtocol(Action):
    """A protocol of one step, to build on."""

    type: Literal["new_protocol"] = "new_protocol"
    id: NewId
    group_id: Id

    def perform(self, tx: Tx) -> None:
        tx.groups.need(self.group_id)
        empty = Protocol(id=self.id, name=said("protocol.new_name"), source=Text(fr="", en=""), steps=())
        protocol = empty.model_copy(update={"steps": (_new_step("step-1"),)})
        tx.protocols.create(GroupProtocol(id=self.id, group_id=self.group_id, protocol=runnable(protocol)))


class DeleteProtocol(Action):
    type: Literal["delete_protocol"] = "delete_protocol"
    id: Id

    def perform(self, tx: Tx) -> None:
        tx.protocols.delete(self.id)


def _save(tx: Tx, record_id: str, protocol: Protocol) -> None:
    """Keep an edited protocol, one version later, if it can run."""
    edited = protocol.model_copy(update={"version": protocol.version + 1})
    tx.protocols.update(record_id, protocol=runnable(edited))


def _own(tx: Tx, record_id: str) -> Protocol:
    return tx.protocols.need(record_id).protocol


def _index(protocol: Protocol, key: str) -> int:
    for i, step in enumerate(protocol.steps):
        if step.key == key:
            return i
    raise ActionError("error.protocol.no_step")


class EditProtocol(Action):
    """The protocol's name and description (its source), in both languages, and the group
    sizes it suits."""

    type: Literal["edit_protocol"] = "edit_protocol"
    id: Id
    name_fr: Title | None = None
    name_en: Title | None = None
    source_fr: LongText | None = None
    source_en: LongText | None = None
    fewest_members: int | None = Field(default=None, ge=0, le=100)
    most_members: int | None = Field(default=None, ge=0, le=100)

    def perform(self, tx: Tx) -> None:
        protocol = _own(tx, self.id)
        update = self.model_dump(include={"fewest_members", "most_members"}, exclude_none=True)
        update["name"] = _texts(protocol.name, self.name_fr, self.name_en)
        update["source"] = _texts(protocol.source, self.source_fr, self.source_en)
        _save(tx, self.id, protocol.model_copy(update=update))


class AddStep(Action):
    """A new step after `after` (a step's key; empty: at the start)."""

    type: Literal["add_step"] = "add_step"
    id: Id
    after: str = ""
    key: StepKey

    def perform(self, tx: Tx) -> None:
        protocol = _own(tx, self.id)
        if any(step.key == self.key for step in protocol.steps):
            raise ActionError("error.duplicate_id")
        at = _index(protocol, self.after) + 1 if self.after else 0
        steps = list(protocol.steps)
        steps.insert(at, _new_step(self.key))
        _save(tx, self.id, protocol.model_copy(update={"steps": tuple(steps)}))


class RemoveStep(Action):
    type: Literal["remove_step"] = "remove_step"
    id: Id
    step: Id

    def perform(self, tx: Tx) -> None:
        protocol = _own(tx, self.id)
        index = _index(protocol, self.step)
        _save(tx, self.id, protocol.model_copy(update={"steps": protocol.steps[:index] + protocol.steps[index + 1 :]}))


class MoveStep(Action):
    """One place earlier or later."""

    type: Literal["move_step"] = "move_step"
    id: Id
    step: Id
    to: Literal["earlier", "later"]

    def perform(self, tx: Tx) -> None:
        protocol = _own(tx, self.id)
        index = _index(protocol, self.step)
        target = index + (1 if self.to == "later" else -1)
        if not 0 <= target < len(protocol.steps):
            raise ActionError("error.protocol.cannot_move")
        steps = list(protocol.steps)
        steps[index], steps[target] = steps[target], steps[index]
        _save(tx, self.id, protocol.model_copy(update={"steps": tuple(steps)}))


class EditStep(Action):
    """A step's fields; those left out stay as they are. `minutes` None with `timed` false:
    the step runs without a timer."""

    type: Literal["edit_step"] = "edit_step"
    id: Id
    step: Id
    title_fr: Title | None = None
    title_en: Title | None = None
    timed: bool | None = None
    minutes: float | None = Field(default=None, gt=0, le=MAX_MINUTES, allow_inf_nan=False)
    per_person: bool | None = None
    once_per_session: bool | None = None
    capture: Capture | None = None
    speaker: Speaker | None = None
    do_fr: LongText | None = None
    do_en: LongText | None = None
    dont_fr: LongText | None = None
    dont_en: LongText | None = None
    script_fr: LongText | None = None
    script_en: LongText | None = None
    coach_fr: LongText | None = None
    coach_en: LongText | None = None

    def perform(self, tx: Tx) -> None:
        protocol = _own(tx, self.id)
        index = _index(protocol, self.step)
        step = protocol.steps[index]
        update: dict[str, object] = {
            "title": _texts(step.title, self.title_fr, self.title_en),
            "do": _texts(step.do, self.do_fr, self.do_en),
            "dont": _optional(step.dont, self.dont_fr, self.dont_en),
            "script": _optional(step.script, self.script_fr, self.script_en),
            "coach": _optional(step.coach, self.coach_fr, self.coach_en),
        }
        update.update(self.model_dump(include={"per_person", "once_per_session", "capture", "speaker"}, exclude_none=True))
        if self.timed is False:
            update["minutes"] = None
        elif self.minutes is not None:
            update["minutes"] = self.minutes
        elif self.timed and step.minutes is None:
            update["minutes"] = 10.0
        steps = list(protocol.steps)
        steps[index] = step.model_copy(update=update)
        _save(tx, self.id, protocol.model_copy(update={"steps": tuple(steps)}))


def _texts(text: Text, fr: str | None, en: str | None) -> Text:
    if fr is None and en is None:
        return text
    return Text(fr=text.fr if fr is None else fr.strip(), en=text.en if en is None else en.strip())


def _optional(text: Text | None, fr: str | None, en: str | None) -> Text | None:
    """A guidance text that may be absent: both languages empty is none."""
    found = _texts(text or Text(fr="", en=""), fr, en)
    return found if found.fr or found.en else None


class ImportProtocol(Action):
    """A protocol from a file (app/protocol_file.py) becomes one of the group's own, under
    a new id: importing the same file twice gives two protocols to compare, never a merge."""

    type: Literal["import_protocol"] = "import_protocol"
    id: NewId
    group_id: Id
    protocol: Protocol

    def perform(self, tx: Tx) -> None:
        tx.groups.need(self.group_id)
        protocol = runnable(self.protocol.model_copy(update={"id": self.id}))
        tx.protocols.create(GroupProtocol(id=self.id, group_id=self.group_id, protocol=protocol))
