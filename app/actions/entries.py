"""What is said at each step: entries (questions, reformulations, interventions...),
the carrier's contract, and the action plan."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from app.actions.core import Action, ActionError, Id, IsoDate, LongText, NewId, Seen, Tx
from app.model import ActionItem, Entry, Round, Session
from app.protocol import CARRIER_ONLY, CONSULTANTS_ONLY, ENTRY_CAPTURE, Protocol



class AddEntry(Action):
    """Capture what somebody said: in a round, or (evaluations) in the session."""

    type: Literal["add_entry"] = "add_entry"
    id: NewId
    session_id: Id
    round_id: str = ""
    kind: Literal["note", "question", "reformulation", "intervention", "synthesis", "learning", "evaluation"]
    author_id: str = ""
    text: LongText
    step: str = ""  # a step key; by default the current step (or the first that captures it)
    help_type: str = ""  # interventions: one of the protocol's request types
    rating: int | None = Field(default=None, ge=1, le=5)

    def perform(self, tx: Tx) -> None:
        session = tx.sessions.need(self.session_id)
        if session.stage == "finished" and self.kind != "evaluation":
            raise ActionError("error.session.finished")
        if not self.text.strip() and self.rating is None:
            raise ActionError("error.entry.empty")
        step = ""
        if self.round_id:
            round_ = tx.rounds.need(self.round_id)
            if round_.session_id != session.id:
                raise ActionError("error.rounds.not_found")
            step = self._step(session.protocol, round_)
            self._check_author(tx, session, round_)
        elif self.kind != "evaluation":
            raise ActionError("error.entry.needs_round")
        elif self.author_id:
            tx.attendee(session, self.author_id)
        if self.help_type and self.help_type not in session.protocol.request_types:
            raise ActionError("error.entry.unknown_type")
        entry = Entry(
            id=self.id,
            kind=self.kind,
            session_id=session.id,
            round_id=self.round_id,
            step=step,
            author_id=self.author_id,
            text=self.text.strip(),
            help_type=self.help_type,
            rating=self.rating,
        )
        tx.entries.create(entry)

    def _step(self, protocol: Protocol, round_: Round) -> str:
        """The step it belongs to: the one requested, else the current step if it captures
        this kind, else the protocol's first step that does."""
        capture = ENTRY_CAPTURE[self.kind]
        fitting = [s.key for s in protocol.steps if s.capture == capture]
        if not fitting:
            raise ActionError("error.entry.not_in_protocol")
        if self.step:
            if self.step not in fitting:
                raise ActionError("error.entry.not_in_protocol")
            return self.step
        current = protocol.steps[round_.step].key
        return current if current in fitting else fitting[0]

    def _check_author(self, tx: Tx, session: Session, round_: Round) -> None:
        if self.kind in CARRIER_ONLY:
            if self.author_id and self.author_id != round_.carrier_id:
                raise ActionError("error.entry.carrier_only")
            return
        if not self.author_id:
            return
        tx.attendee(session, self.author_id)
        if self.kind in CONSULTANTS_ONLY and self.author_id == round_.carrier_id:
            raise ActionError("error.entry.consultants_only")


class EditEntry(Action):
    type: Literal["edit_entry"] = "edit_entry"
    id: Id
    text: LongText | None = None
    answered: bool | None = None
    help_type: str | None = None
    rating: int | None = Field(default=None, ge=1, le=5)
    author_id: str | None = None
    seen: Seen = ""  # the version the form was opened on (Records.edit)

    def perform(self, tx: Tx) -> None:
        entry = tx.entries.need(self.id)
        fields: dict[str, Any] = {}
        if self.text is not None:
            if not self.text.strip():
                raise ActionError("error.entry.empty")
            fields["text"] = self.text.strip()
        if self.answered is not None:
            fields["answered"] = self.answered
        if self.help_type is not None:
            session = tx.sessions.need(entry.session_id)
            if self.help_type and self.help_type not in session.protocol.request_types:
                raise ActionError("error.entry.unknown_type")
            fields["help_type"] = self.help_type
        if self.rating is not None:
            fields["rating"] = self.rating
        if self.author_id is not None:
            if self.author_id:
                tx.attendee(tx.sessions.need(entry.session_id), self.author_id)
            fields["author_id"] = self.author_id
        tx.entries.edit(self.id, self.seen, **fields)


class DeleteEntry(Action):
    type: Literal["delete_entry"] = "delete_entry"
    id: Id

    def perform(self, tx: Tx) -> None:
        tx.entries.delete(self.id)
        for round_ in tx.ws.rounds.values():
            if round_.reformulation_id == self.id and not round_.deleted:
                tx.rounds.update(round_.id, reformulation_id="")


class MarkOutOfFrame(Action):
    """The facilitator marks a contribution out of frame: it stays out of every summary."""

    type: Literal["mark_out_of_frame"] = "mark_out_of_frame"
    id: Id
    out_of_frame: bool = True

    def perform(self, tx: Tx) -> None:
        tx.entries.update(self.id, out_of_frame=self.out_of_frame)


class ChooseReformulation(Action):
    type: Literal["choose_reformulation"] = "choose_reformulation"
    round_id: Id
    entry_id: Id

    def perform(self, tx: Tx) -> None:
        round_ = tx.live_round(self.round_id)
        entry = tx.entries.need(self.entry_id)
        if entry.kind != "reformulation" or entry.round_id != round_.id:
            raise ActionError("error.contract.not_a_reformulation")
        tx.rounds.update(round_.id, reformulation_id=entry.id)


class SetContract(Action):
    """The carrier's request to the group: the kinds of help wanted, and in their words."""

    type: Literal["set_contract"] = "set_contract"
    round_id: Id
    request_types: tuple[str, ...] = ()
    request: LongText = ""

    def perform(self, tx: Tx) -> None:
        round_ = tx.live_round(self.round_id)
        known = tx.session_of(round_).protocol.request_types
        if any(t not in known for t in self.request_types):
            raise ActionError("error.entry.unknown_type")
        ordered = tuple(t for t in known if t in self.request_types)
        tx.rounds.update(round_.id, request_types=ordered, request=self.request.strip())


class AddActionItem(Action):
    type: Literal["add_action_item"] = "add_action_item"
    id: NewId
    round_id: Id
    text: Annotated[str, Field(min_length=1, max_length=2000)]
    due: IsoDate = ""
    with_whom: Annotated[str, Field(max_length=200)] = ""

    def perform(self, tx: Tx) -> None:
        round_ = tx.rounds.need(self.round_id)
        if not round_.carrier_id:
            raise ActionError("error.round.needs_carrier")
        if not self.text.strip():
            raise ActionError("error.entry.empty")
        item = ActionItem(
            id=self.id, round_id=round_.id, owner_id=round_.carrier_id, text=self.text.strip(), due=self.due, with_whom=self.with_whom.strip()
        )
        tx.action_items.create(item)


class EditActionItem(Action):
    type: Literal["edit_action_item"] = "edit_action_item"
    id: Id
    text: Annotated[str, Field(min_length=1, max_length=2000)]
    due: IsoDate = ""
    with_whom: Annotated[str, Field(max_length=200)] = ""
    seen: Seen = ""  # the version the form was opened on (Records.edit)

    def perform(self, tx: Tx) -> None:
        if not self.text.strip():
            raise ActionError("error.entry.empty")
        tx.action_items.edit(self.id, self.seen, text=self.text.strip(), due=self.due, with_whom=self.with_whom.strip())


class DeleteActionItem(Action):
    type: Literal["delete_action_item"] = "delete_action_item"
    id: Id

    def perform(self, tx: Tx) -> None:
        tx.action_items.delete(self.id)
