"""Sessions: starting one (with who is there, and the follow-up of earlier action plans),
correcting who is there, its rounds, the break, the evaluation, the end (and reopening, to
correct), and the date of the next one."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from app import timers
from app.attendance import MIN_PRESENT, present, short
from app.actions.core import MINUTE, Action, ActionError, Id, IsoDate, NewId, Tx
from app.actions.protocols import runnable, source_protocol
from app.actions.roles import RoleHolder, round_roles, starting_roles, without
from app.actions.steps import NextSpeaker, check_gate, enter_step, paused, speaking_order
from app.model import Presence, Round, Session, VotingMode
from app.protocol import DEFAULT_ID, Protocol, scale


class Attendee(BaseModel):
    """One line of the attendance taken at the start: a member and whether they are there."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    member_id: Id
    presence: Presence = "present"


def _check_present(attendance: dict[str, Presence], before: dict[str, Presence] | None = None) -> None:
    """Refused below the minimum, but for a correction towards it (after a merge, app/attendance.py)."""
    if present(attendance) < MIN_PRESENT and (before is None or present(attendance) <= present(before)):
        raise ActionError("error.attendance.too_few", min=MIN_PRESENT)


class StartSession(Action):
    type: Literal["start_session"] = "start_session"
    id: NewId
    group_id: Id
    date: IsoDate
    place: Annotated[str, Field(max_length=200)] = ""
    protocol_id: str = DEFAULT_ID  # a built-in protocol or one of the group's own (app/actions/protocols.py)
    protocol: Protocol | None = None  # a protocol given whole, instead
    planned_rounds: int = Field(default=3, ge=1, le=8)
    available_minutes: int | None = Field(default=None, ge=10, le=24 * 60)
    untimed_steps: tuple[str, ...] = ()  # step keys the group runs without a timer
    attendance: tuple[Attendee, ...] = ()  # members left out are present
    roles: tuple[RoleHolder, ...] = ()  # roles left out go by the fair rotation (app/roles.py)
    coached: bool = False
    voting: VotingMode = "one"
    dots: int = Field(default=3, ge=2, le=3)

    def perform(self, tx: Tx) -> None:
        tx.groups.need(self.group_id)
        attendance: dict[str, Presence] = {m.id: "present" for m in tx.group_members(self.group_id)}
        for line in self.attendance:
            tx.member_of(self.group_id, line.member_id)
            attendance[line.member_id] = line.presence
        _check_present(attendance)
        protocol = runnable(self.protocol or source_protocol(tx, self.group_id, self.protocol_id))
        if self.untimed_steps:
            steps = tuple(
                s.model_copy(update={"minutes": None}) if s.key in self.untimed_steps else s for s in protocol.steps
            )
            protocol = protocol.model_copy(update={"steps": steps})
        if self.available_minutes:
            present = sum(p == "present" for p in attendance.values())
            protocol = scale(protocol, self.available_minutes, members=present, rounds=self.planned_rounds)
        session = Session(
            id=self.id,
            group_id=self.group_id,
            date=self.date,
            place=self.place.strip(),
            protocol=protocol,
            planned_rounds=self.planned_rounds,
            available_minutes=self.available_minutes,
            attendance=attendance,
            coached=self.coached,
            voting=self.voting,
            dots=self.dots,
        )
        tx.sessions.create(session.model_copy(update={"roles": starting_roles(tx, session, self.roles)}))


class SetAttendance(Action):
    """A correction during the session: a member is present, excused or absent after all.
    Who speaks next follows at once; the votes and roles of someone no longer present go."""

    type: Literal["set_attendance"] = "set_attendance"
    session_id: Id
    member_id: Id
    presence: Presence

    def perform(self, tx: Tx) -> None:
        before = tx.sessions.need(self.session_id)
        if before.stage == "finished":
            raise ActionError("error.session.finished")
        member = tx.member_of(before.group_id, self.member_id)
        round_ = tx.rounds.get(before.current_round_id) if before.current_round_id else None
        if round_ is not None and round_.carrier_id == member.id and self.presence != "present":
            raise ActionError("error.attendance.carrier", name=member.name)
        attendance = {**before.attendance, member.id: self.presence}
        _check_present(attendance, before.attendance)
        held = before.roles if self.presence == "present" else without(before.roles, member.id)
        after = tx.sessions.update(before.id, attendance=attendance, roles=held)
        if round_ is not None and not round_.deleted and self.presence != "present" and member.id in round_.roles.values():
            round_ = tx.rounds.update(round_.id, roles=without(round_.roles, member.id))
        if self.presence != "present":
            for vote in tx.ws.votes.values():
                if vote.session_id == before.id and vote.member_id == member.id and not vote.deleted:
                    tx.votes.delete(vote.id)
        if round_ is not None and not round_.deleted and not round_.finished:
            _same_speaker(tx, before, after, round_)


def _same_speaker(tx: Tx, before: Session, after: Session, round_: Round) -> None:
    """The person speaking keeps the floor; if they are the one no longer present, the
    next in the order takes it."""
    step = after.protocol.steps[round_.step]
    old, new = speaking_order(tx, before, round_, step), speaking_order(tx, after, round_, step)
    if not new:
        return
    current = old[round_.speaker] if 0 <= round_.speaker < len(old) else ""
    index = new.index(current) if current in new else min(round_.speaker, len(new) - 1)
    if new[index] != current:
        NextSpeaker(round_id=round_.id, index=index).perform(tx)
    elif index != round_.speaker:
        tx.rounds.update(round_.id, speaker=index)


class FinishFollowup(Action):
    type: Literal["finish_followup"] = "finish_followup"
    session_id: Id

    def perform(self, tx: Tx) -> None:
        session = tx.sessions.need(self.session_id)
        if session.stage != "followup":
            raise ActionError("error.session.wrong_stage")
        tx.sessions.update(session.id, stage="between")


class UpdateActionItem(Action):
    """Follow-up: the status of an earlier action, reviewed in a later session."""

    type: Literal["update_action_item"] = "update_action_item"
    id: Id
    session_id: Id
    status: Literal["open", "in_progress", "done", "dropped"]
    comment: Annotated[str, Field(max_length=2000)] = ""

    def perform(self, tx: Tx) -> None:
        tx.sessions.need(self.session_id)
        tx.action_items.update(self.id, status=self.status, comment=self.comment.strip(), followup_session_id=self.session_id)


class StartRound(Action):
    """Open the session's next round: the first one with the pitches and the choice, later
    ones with a pitch from those that remain (or a carrier, for protocols without pitches)."""

    type: Literal["start_round"] = "start_round"
    session_id: Id
    id: NewId
    pitch_id: str = ""
    carrier_id: str = ""

    def perform(self, tx: Tx) -> None:
        session = tx.sessions.need(self.session_id)
        if session.stage not in ("between", "followup"):
            raise ActionError("error.session.wrong_stage")
        group = tx.groups.need(session.group_id)
        if not group.charter_acknowledged:
            raise ActionError("error.charter.not_acknowledged")
        if short(session):
            raise ActionError("error.attendance.too_few", min=MIN_PRESENT)
        rounds = tx.ws.rounds_of(session.id)
        protocol = session.protocol
        carrier, pitch_id, step = self.carrier_id, self.pitch_id, 0
        if pitch_id:
            pitch = tx.pitches.need(pitch_id)
            if pitch.group_id != group.id or pitch.round_id or pitch.withdrawn:
                raise ActionError("error.pitch.unavailable")
            carrier = pitch.member_id
            tx.pitches.update(pitch_id, round_id=self.id)
        if carrier:
            tx.attendee(session, carrier)
            step = protocol.first_round_step
        elif not protocol.chooses_pitch or (rounds and not protocol.chooses_pitch_each_round):
            raise ActionError("error.round.needs_carrier")
        elif rounds:
            step = protocol.first_round_step
        held = round_roles(tx, session, carrier)
        round_ = Round(id=self.id, session_id=session.id, number=len(rounds) + 1, carrier_id=carrier, pitch_id=pitch_id, roles=held)
        tx.rounds.create(enter_step(tx, session, round_, step))
        tx.sessions.update(session.id, stage="round", current_round_id=self.id, break_timer=None)


class FinishRound(Action):
    type: Literal["finish_round"] = "finish_round"
    round_id: Id

    def perform(self, tx: Tx) -> None:
        round_ = tx.live_round(self.round_id)
        session = tx.session_of(round_)
        check_gate(tx, session.protocol.steps[round_.step], round_)
        tx.rounds.update(round_.id, **paused(round_, tx.now), finished=True)
        tx.sessions.update(session.id, stage="between", current_round_id="")


class StartBreak(Action):
    type: Literal["start_break"] = "start_break"
    session_id: Id
    minutes: int = Field(default=10, ge=1, le=120)
    undoable: ClassVar[bool] = False

    def perform(self, tx: Tx) -> None:
        tx.sessions.need(self.session_id)
        tx.sessions.update(self.session_id, break_timer=timers.start(self.minutes * MINUTE, tx.now))


class EndBreak(Action):
    """The room is back before the time is up: the break ends now."""

    type: Literal["end_break"] = "end_break"
    session_id: Id
    undoable: ClassVar[bool] = False

    def perform(self, tx: Tx) -> None:
        session = tx.sessions.need(self.session_id)
        if session.break_timer is None:
            raise ActionError("error.session.no_break")
        tx.sessions.update(session.id, break_timer=None)


class ResumeRound(Action):
    """Go back into a finished round of the session, to correct what it captured; it
    finishes again as any round does."""

    type: Literal["resume_round"] = "resume_round"
    round_id: Id

    def perform(self, tx: Tx) -> None:
        round_ = tx.rounds.need(self.round_id)
        if not round_.finished:
            raise ActionError("error.round.not_finished")
        session = tx.session_of(round_)
        if session.stage != "between":
            raise ActionError("error.session.wrong_stage")
        tx.rounds.update(round_.id, finished=False)
        tx.sessions.update(session.id, stage="round", current_round_id=round_.id, break_timer=None)


class StartEvaluation(Action):
    type: Literal["start_evaluation"] = "start_evaluation"
    session_id: Id

    def perform(self, tx: Tx) -> None:
        session = tx.sessions.need(self.session_id)
        if session.stage not in ("between", "followup"):
            raise ActionError("error.session.wrong_stage")
        tx.sessions.update(session.id, stage="evaluation", break_timer=None)


class FinishSession(Action):
    type: Literal["finish_session"] = "finish_session"
    session_id: Id

    def perform(self, tx: Tx) -> None:
        session = tx.sessions.need(self.session_id)
        if session.stage == "round":
            raise ActionError("error.session.round_running")
        if session.stage == "finished":
            raise ActionError("error.session.finished")
        tx.sessions.update(session.id, stage="finished", break_timer=None)


class ReopenSession(Action):
    """A closed session opened again to correct it: back between rounds, from where any
    round can be resumed and the evaluation done again. Every correction is an action like
    any other (stamped, merged, undoable), and summaries made afterwards show it."""

    type: Literal["reopen_session"] = "reopen_session"
    session_id: Id

    def perform(self, tx: Tx) -> None:
        session = tx.sessions.need(self.session_id)
        if session.stage != "finished":
            raise ActionError("error.session.not_finished")
        tx.sessions.update(session.id, stage="between")


class SetNextSession(Action):
    type: Literal["set_next_session"] = "set_next_session"
    session_id: Id
    date: IsoDate
    place: Annotated[str, Field(max_length=200)] = ""

    def perform(self, tx: Tx) -> None:
        tx.sessions.update(self.session_id, next_date=self.date, next_place=self.place.strip())
