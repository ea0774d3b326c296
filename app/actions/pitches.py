"""Pitches and the choice: the problems members bring and the chosen one (the votes:
app/actions/votes.py)."""

from __future__ import annotations

from typing import Literal

from app.actions.core import Action, ActionError, Id, LongText, Name, NewId, Seen, Tx
from app.actions.roles import for_carrier
from app.model import Pitch


class AddPitch(Action):
    type: Literal["add_pitch"] = "add_pitch"
    id: NewId
    session_id: Id
    member_id: Id
    title: Name
    text: LongText = ""

    def perform(self, tx: Tx) -> None:
        session = tx.sessions.need(self.session_id)
        if session.stage == "finished":
            raise ActionError("error.session.finished")
        tx.attendee(session, self.member_id)
        if any(p.member_id == self.member_id for p in tx.ws.pitches_of(session.id)):
            raise ActionError("error.pitch.one_per_member")
        if any(p.member_id == self.member_id and not (p.round_id or p.withdrawn) for p in tx.ws.carried_over(session.id)):
            # their problem from an earlier session is still on the table: they update it
            # or withdraw it, rather than pitch a second one beside it
            raise ActionError("walk.error.pitch_pending")
        pitch = Pitch(
            id=self.id,
            group_id=session.group_id,
            session_id=session.id,
            member_id=self.member_id,
            title=self.title.strip(),
            text=self.text.strip(),
        )
        tx.pitches.create(pitch)


class EditPitch(Action):
    type: Literal["edit_pitch"] = "edit_pitch"
    id: Id
    title: Name
    text: LongText = ""
    seen: Seen = ""  # the version the form was opened on (Records.edit)

    def perform(self, tx: Tx) -> None:
        tx.pitches.edit(self.id, self.seen, title=self.title.strip(), text=self.text.strip())


class WithdrawPitch(Action):
    """The member takes the pitch back: it leaves the parking lot, and can be restored."""

    type: Literal["withdraw_pitch"] = "withdraw_pitch"
    id: Id
    withdrawn: bool = True

    def perform(self, tx: Tx) -> None:
        pitch = tx.pitches.need(self.id)
        if pitch.round_id:
            raise ActionError("error.pitch.already_examined")
        tx.pitches.update(self.id, withdrawn=self.withdrawn)


class DeletePitch(Action):
    type: Literal["delete_pitch"] = "delete_pitch"
    id: Id

    def perform(self, tx: Tx) -> None:
        pitch = tx.pitches.need(self.id)
        if pitch.round_id:
            raise ActionError("error.pitch.already_examined")
        tx.pitches.delete(self.id)


class ChoosePitch(Action):
    """The group confirms its choice: the pitch's member becomes the round's carrier."""

    type: Literal["choose_pitch"] = "choose_pitch"
    round_id: Id
    pitch_id: Id

    def perform(self, tx: Tx) -> None:
        round_ = tx.live_round(self.round_id)
        session = tx.session_of(round_)
        if session.protocol.steps[round_.step].capture != "vote":
            raise ActionError("error.vote.not_now")
        pitch = tx.pitches.need(self.pitch_id)
        if pitch.group_id != session.group_id or pitch.withdrawn or (pitch.round_id and pitch.round_id != round_.id):
            raise ActionError("error.pitch.unavailable")
        tx.attendee(session, pitch.member_id)
        if round_.pitch_id and round_.pitch_id != pitch.id:
            tx.pitches.update(round_.pitch_id, round_id="")
        tx.pitches.update(pitch.id, round_id=round_.id)
        held = for_carrier(tx, round_, pitch.member_id)
        tx.rounds.update(round_.id, pitch_id=pitch.id, carrier_id=pitch.member_id, roles=held)
