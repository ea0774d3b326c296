"""Actions: the only way the workspace changes.

One typed action per user intent (pydantic models in a discriminated union) and one pure
`apply`. Each action's `perform` works on a `Tx`, which stamps every record it writes and
remembers what each record was before, so undo and redo fall out of it. An invalid action
raises `ActionError` carrying a translatable message key, and the workspace is unchanged.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from app import timers
from app.clock import new_id, next_stamp
from app.merge import TEXT_FIELDS, pending, version
from app.model import (
    COLLECTIONS,
    MAX_MEMBERS,
    MIN_MEMBERS,
    UNDO_DEPTH,
    ActionItem,
    Change,
    Entry,
    Group,
    Member,
    Pitch,
    Record,
    Round,
    Session,
    Timer,
    Vote,
    Workspace,
)
from app.protocol import DEFAULT_ID, LIBRARY, Protocol, Step, scale

MINUTE = 60_000
META_FIELDS = frozenset({"id", "stamp", "device", "known", "base", "created", "conflicts"})
CONTENT_FIELDS = {
    name: tuple(f for f in model.model_fields if f not in META_FIELDS) for name, model in COLLECTIONS.items()
}
Name = Annotated[str, Field(min_length=1, max_length=200)]
Id = Annotated[str, Field(min_length=1, max_length=64)]
NewId = Annotated[str, Field(default_factory=new_id, min_length=1, max_length=64)]
LongText = Annotated[str, Field(max_length=20_000)]
IsoDate = Annotated[str, Field(pattern=r"^(\d{4}-\d{2}-\d{2})?$")]


class ActionError(ValueError):
    """A refused action. `key` names the message in the translation catalogs."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _known(old: Record, device: str) -> dict[str, str]:
    """What a new version of `old` made on `device` knows of other devices: `old` and the
    conflicting versions shown with it, and all that they knew. Own versions do not count:
    a device knows them anyway, and counting them would claim to know other devices'
    versions of the same moment."""
    known: dict[str, str] = {}
    for seen in (old.model_dump(include={"stamp", "device", "known"}), *old.conflicts):
        for other, stamp in [*seen.get("known", {}).items(), (seen["device"], seen["stamp"])]:
            if other != device and stamp > known.get(other, ""):
                known[other] = stamp
    return known


class Tx:
    """The changes one action makes, on top of a workspace that stays untouched."""

    def __init__(self, ws: Workspace, now: int, device: str) -> None:
        self.ws = ws
        self.now = now
        self.device = device
        self.stamp = next_stamp(ws.local.clock, now)
        self.written: dict[str, dict[str, Record]] = {}
        self.before: dict[tuple[str, str], Record | None] = {}
        self.local_update: dict[str, Any] = {}  # this device's own state (drafts, undo...)

    def get(self, collection: str, record_id: str) -> Any:
        written = self.written.get(collection, {})
        if record_id in written:
            return written[record_id]
        return self.ws.collection(collection).get(record_id)

    def need(self, collection: str, record_id: str) -> Any:
        record = self.get(collection, record_id)
        if record is None or record.deleted:
            raise ActionError(f"error.{collection}.not_found")
        return record

    def put(self, collection: str, record: Record) -> Any:
        """Write a record, stamped by this action. Conflicts a merge found stay until a person
        resolves them (those this edit made identical go); `known` is what app/merge.py reads
        to tell a later edit from a concurrent one."""
        old = self.get(collection, record.id)
        self.before.setdefault((collection, record.id), old)
        known = _known(old, self.device) if old is not None else {}
        stamped = record.model_copy(
            update={
                "stamp": self.stamp,
                "device": self.device,
                "known": known,
                "base": max(known.values(), default=""),
                "created": old.created if old is not None and old.created else self.stamp,
                "conflicts": tuple(pending(record, collection)),
            }
        )
        self.written.setdefault(collection, {})[record.id] = stamped
        return stamped

    def create(self, collection: str, record: Record) -> Any:
        if self.get(collection, record.id) is not None:
            raise ActionError("error.duplicate_id")
        return self.put(collection, record)

    def update(self, collection: str, record_id: str, **fields: Any) -> Any:
        return self.put(collection, self.need(collection, record_id).model_copy(update=fields))

    def delete(self, collection: str, record_id: str) -> Any:
        return self.update(collection, record_id, deleted=True)

    def changes(self) -> tuple[Change, ...]:
        """What this action changed, field by field, as it was before (what undo restores)."""
        found = []
        for (collection, record_id), old in self.before.items():
            new = self.written[collection][record_id]
            if old is None:
                before = {"deleted": True}
            else:
                before = {f: getattr(old, f) for f in CONTENT_FIELDS[collection] if getattr(old, f) != getattr(new, f)}
            if before:
                found.append(Change(collection=collection, id=record_id, before=before))
        return tuple(found)

    def result(self, *, undoable: bool) -> Workspace:
        if not self.written and not self.local_update:
            return self.ws
        update: dict[str, Any] = {
            name: {**self.ws.collection(name), **records} for name, records in self.written.items()
        }
        local = dict(self.local_update)
        if self.written:
            local["clock"] = max(self.stamp, self.ws.local.clock)
        changes = self.changes() if undoable else ()
        if changes:
            local["undo"] = (self.ws.local.undo + (changes,))[-UNDO_DEPTH:]
            local["redo"] = ()
        update["local"] = self.ws.local.model_copy(update=local)
        return self.ws.model_copy(update=update)

    # Lookups shared by many actions.

    def member_of(self, group_id: str, member_id: str) -> Member:
        member = self.get("members", member_id)
        if member is None or member.deleted or member.group_id != group_id:
            raise ActionError("error.member.unknown")
        return member

    def members(self, group_id: str) -> list[Member]:
        merged = {**self.ws.members, **self.written.get("members", {})}
        found = [m for m in merged.values() if m.group_id == group_id and not m.deleted]
        return sorted(found, key=lambda m: (m.order, m.name, m.id))

    def session_of(self, round_: Round) -> Session:
        return self.need("sessions", round_.session_id)

    def live_round(self, round_id: str) -> Round:
        round_ = self.need("rounds", round_id)
        if round_.finished:
            raise ActionError("error.round.finished")
        return round_


class Action(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    undoable: ClassVar[bool] = True

    def perform(self, tx: Tx) -> None:
        raise NotImplementedError


# Groups and members ----------------------------------------------------------------------


class NewMember(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    id: NewId
    name: Name


def _check_size(count: int) -> None:
    if count < MIN_MEMBERS:
        raise ActionError("error.group.too_few", min=MIN_MEMBERS)
    if count > MAX_MEMBERS:
        raise ActionError("error.group.too_many", max=MAX_MEMBERS)


class CreateGroup(Action):
    type: Literal["create_group"] = "create_group"
    id: NewId
    name: Name
    kind: Literal["institution", "cross"] = "cross"
    members: tuple[NewMember, ...]

    def perform(self, tx: Tx) -> None:
        names = [m.name.strip().casefold() for m in self.members]
        if len(set(names)) != len(names):
            raise ActionError("error.member.duplicate_name")
        _check_size(len(self.members))
        tx.create("groups", Group(id=self.id, name=self.name.strip(), kind=self.kind))
        for order, member in enumerate(self.members):
            tx.create("members", Member(id=member.id, group_id=self.id, name=member.name.strip(), order=order))


class UpdateGroup(Action):
    type: Literal["update_group"] = "update_group"
    id: Id
    name: Name | None = None
    kind: Literal["institution", "cross"] | None = None
    anonymous_summaries: bool | None = None
    full_summaries: bool | None = None

    def perform(self, tx: Tx) -> None:
        fields = self.model_dump(exclude={"type", "id"}, exclude_none=True)
        if "name" in fields:
            fields["name"] = fields["name"].strip()
        tx.update("groups", self.id, **fields)


class AddMember(Action):
    type: Literal["add_member"] = "add_member"
    group_id: Id
    id: NewId
    name: Name

    def perform(self, tx: Tx) -> None:
        tx.need("groups", self.group_id)
        members = tx.members(self.group_id)
        _check_size(len(members) + 1)
        if any(m.name.casefold() == self.name.strip().casefold() for m in members):
            raise ActionError("error.member.duplicate_name")
        order = max((m.order for m in members), default=-1) + 1
        tx.create("members", Member(id=self.id, group_id=self.group_id, name=self.name.strip(), order=order))


class RenameMember(Action):
    type: Literal["rename_member"] = "rename_member"
    id: Id
    name: Name

    def perform(self, tx: Tx) -> None:
        member = tx.need("members", self.id)
        others = [m for m in tx.members(member.group_id) if m.id != self.id]
        if any(m.name.casefold() == self.name.strip().casefold() for m in others):
            raise ActionError("error.member.duplicate_name")
        tx.update("members", self.id, name=self.name.strip())


class RemoveMember(Action):
    type: Literal["remove_member"] = "remove_member"
    id: Id

    def perform(self, tx: Tx) -> None:
        member = tx.need("members", self.id)
        _check_size(len(tx.members(member.group_id)) - 1)
        tx.delete("members", self.id)


class AcknowledgeCharter(Action):
    """The group acknowledges the charter at the opening of a session."""

    type: Literal["acknowledge_charter"] = "acknowledge_charter"
    session_id: Id
    date: IsoDate

    def perform(self, tx: Tx) -> None:
        session = tx.need("sessions", self.session_id)
        group = tx.need("groups", session.group_id)
        if not group.charter_acknowledged:
            tx.update("groups", group.id, charter_acknowledged=self.date)
        if session.stage == "charter":
            followup = tx.ws.open_action_items(group.id, before_session=session.id)
            tx.update("sessions", session.id, stage="followup" if followup else "between")


# Sessions -----------------------------------------------------------------------------


class StartSession(Action):
    type: Literal["start_session"] = "start_session"
    id: NewId
    group_id: Id
    date: IsoDate
    place: Annotated[str, Field(max_length=200)] = ""
    protocol_id: str = DEFAULT_ID
    protocol: Protocol | None = None  # a group's own adapted protocol, instead of the library's
    planned_rounds: int = Field(default=3, ge=1, le=8)
    available_minutes: int | None = Field(default=None, ge=10, le=24 * 60)
    untimed_steps: tuple[str, ...] = ()  # step keys the group runs without a timer

    def perform(self, tx: Tx) -> None:
        tx.need("groups", self.group_id)
        protocol = self.protocol or LIBRARY.get(self.protocol_id)
        if protocol is None:
            raise ActionError("error.protocol.unknown")
        if self.untimed_steps:
            steps = tuple(
                s.model_copy(update={"minutes": None}) if s.key in self.untimed_steps else s for s in protocol.steps
            )
            protocol = protocol.model_copy(update={"steps": steps})
        if self.available_minutes:
            members = len(tx.members(self.group_id))
            protocol = scale(protocol, self.available_minutes, members=members, rounds=self.planned_rounds)
        tx.create(
            "sessions",
            Session(
                id=self.id,
                group_id=self.group_id,
                date=self.date,
                place=self.place.strip(),
                protocol=protocol,
                planned_rounds=self.planned_rounds,
                available_minutes=self.available_minutes,
            ),
        )


class FinishFollowup(Action):
    type: Literal["finish_followup"] = "finish_followup"
    session_id: Id

    def perform(self, tx: Tx) -> None:
        session = tx.need("sessions", self.session_id)
        if session.stage != "followup":
            raise ActionError("error.session.wrong_stage")
        tx.update("sessions", session.id, stage="between")


class UpdateActionItem(Action):
    """Follow-up: the status of an earlier action, reviewed in a later session."""

    type: Literal["update_action_item"] = "update_action_item"
    id: Id
    session_id: Id
    status: Literal["open", "in_progress", "done", "dropped"]
    comment: Annotated[str, Field(max_length=2000)] = ""

    def perform(self, tx: Tx) -> None:
        tx.need("sessions", self.session_id)
        tx.update(
            "action_items", self.id, status=self.status, comment=self.comment.strip(), followup_session_id=self.session_id
        )


class StartRound(Action):
    """Open the session's next round: the first one with the pitches and the choice, later
    ones with a pitch from those that remain (or a carrier, for protocols without pitches)."""

    type: Literal["start_round"] = "start_round"
    session_id: Id
    id: NewId
    pitch_id: str = ""
    carrier_id: str = ""

    def perform(self, tx: Tx) -> None:
        session = tx.need("sessions", self.session_id)
        if session.stage not in ("between", "followup"):
            raise ActionError("error.session.wrong_stage")
        group = tx.need("groups", session.group_id)
        if not group.charter_acknowledged:
            raise ActionError("error.charter.not_acknowledged")
        rounds = tx.ws.rounds_of(session.id)
        protocol = session.protocol
        carrier, pitch_id, step = self.carrier_id, self.pitch_id, 0
        if pitch_id:
            pitch = tx.need("pitches", pitch_id)
            if pitch.group_id != group.id or pitch.round_id or pitch.withdrawn:
                raise ActionError("error.pitch.unavailable")
            carrier = pitch.member_id
            tx.update("pitches", pitch_id, round_id=self.id)
        if carrier:
            tx.member_of(group.id, carrier)
            step = protocol.first_round_step
        elif not protocol.chooses_pitch or (rounds and not protocol.chooses_pitch_each_round):
            raise ActionError("error.round.needs_carrier")
        elif rounds:
            step = protocol.first_round_step
        round_ = Round(id=self.id, session_id=session.id, number=len(rounds) + 1, carrier_id=carrier, pitch_id=pitch_id)
        tx.create("rounds", _enter_step(tx, session, round_, step))
        tx.update("sessions", session.id, stage="round", current_round_id=self.id, break_timer=None)


class FinishRound(Action):
    type: Literal["finish_round"] = "finish_round"
    round_id: Id

    def perform(self, tx: Tx) -> None:
        round_ = tx.live_round(self.round_id)
        session = tx.session_of(round_)
        _check_gate(tx, session.protocol.steps[round_.step], round_)
        tx.update("rounds", round_.id, **_paused(round_, tx.now), finished=True)
        tx.update("sessions", session.id, stage="between", current_round_id="")


class StartBreak(Action):
    type: Literal["start_break"] = "start_break"
    session_id: Id
    minutes: int = Field(default=10, ge=1, le=120)
    undoable: ClassVar[bool] = False

    def perform(self, tx: Tx) -> None:
        tx.need("sessions", self.session_id)
        tx.update("sessions", self.session_id, break_timer=timers.start(self.minutes * MINUTE, tx.now))


class StartEvaluation(Action):
    type: Literal["start_evaluation"] = "start_evaluation"
    session_id: Id

    def perform(self, tx: Tx) -> None:
        session = tx.need("sessions", self.session_id)
        if session.stage not in ("between", "followup"):
            raise ActionError("error.session.wrong_stage")
        tx.update("sessions", session.id, stage="evaluation", break_timer=None)


class FinishSession(Action):
    type: Literal["finish_session"] = "finish_session"
    session_id: Id

    def perform(self, tx: Tx) -> None:
        session = tx.need("sessions", self.session_id)
        if session.stage == "round":
            raise ActionError("error.session.round_running")
        tx.update("sessions", session.id, stage="finished", break_timer=None)


class SetNextSession(Action):
    type: Literal["set_next_session"] = "set_next_session"
    session_id: Id
    date: IsoDate
    place: Annotated[str, Field(max_length=200)] = ""

    def perform(self, tx: Tx) -> None:
        tx.update("sessions", self.session_id, next_date=self.date, next_place=self.place.strip())


# Steps and timers ---------------------------------------------------------------------


def _speakers(tx: Tx, session: Session, round_: Round, step: Step) -> list[str]:
    return step.speakers([m.id for m in tx.members(session.group_id)], round_.carrier_id)


def _enter_step(tx: Tx, session: Session, round_: Round, index: int) -> Round:
    """The round moved to step `index`: that step's timer runs again where it stopped, and
    its speaking order starts with the first speaker."""
    step = session.protocol.steps[index]
    speakers = _speakers(tx, session, round_, step)
    current = round_.step_timers.get(index)
    if current is None:
        budget = step.budget_minutes(len(speakers))
        current = timers.start(None if budget is None else int(budget * MINUTE), tx.now)
    else:
        current = timers.resume(current, tx.now)
    speaker_timer = None
    if speakers:
        budget = None if step.minutes is None else int(step.minutes * MINUTE)
        speaker_timer = timers.start(budget, tx.now)
    return round_.model_copy(
        update={
            "step": index,
            "step_timers": {**round_.step_timers, index: current},
            "speaker": 0,
            "speaker_timer": speaker_timer,
        }
    )


def _paused(round_: Round, now: int) -> dict[str, Any]:
    step_timers = dict(round_.step_timers)
    if round_.step in step_timers:
        step_timers[round_.step] = timers.pause(step_timers[round_.step], now)
    speaker = timers.pause(round_.speaker_timer, now) if round_.speaker_timer else None
    return {"step_timers": step_timers, "speaker_timer": speaker}


def _check_gate(tx: Tx, step: Step, round_: Round) -> None:
    if step.gate == "chosen_pitch" and not round_.pitch_id:
        raise ActionError("error.gate.choose_pitch")
    if step.gate == "contract":
        chosen = tx.get("entries", round_.reformulation_id) if round_.reformulation_id else None
        if chosen is None or chosen.deleted:
            raise ActionError("error.gate.choose_reformulation")
        if not round_.request_types:
            raise ActionError("error.gate.request_type")


class GoToStep(Action):
    """Move to any step: back freely; forward only past resolved gates."""

    type: Literal["go_to_step"] = "go_to_step"
    round_id: Id
    step: int
    undoable: ClassVar[bool] = False

    def perform(self, tx: Tx) -> None:
        round_ = tx.live_round(self.round_id)
        session = tx.session_of(round_)
        protocol = session.protocol
        first = 0 if round_.number == 1 else protocol.first_round_step
        if not first <= self.step < len(protocol.steps):
            raise ActionError("error.step.out_of_range")
        if self.step == round_.step:
            return
        for index in range(round_.step, self.step):
            _check_gate(tx, protocol.steps[index], round_)
        left = round_.model_copy(update=_paused(round_, tx.now))
        tx.put("rounds", _enter_step(tx, session, left, self.step))


class NextStep(Action):
    type: Literal["next_step"] = "next_step"
    round_id: Id
    undoable: ClassVar[bool] = False

    def perform(self, tx: Tx) -> None:
        round_ = tx.live_round(self.round_id)
        if round_.step + 1 >= len(tx.session_of(round_).protocol.steps):
            raise ActionError("error.step.last")
        GoToStep(round_id=self.round_id, step=round_.step + 1).perform(tx)


class PreviousStep(Action):
    type: Literal["previous_step"] = "previous_step"
    round_id: Id
    undoable: ClassVar[bool] = False

    def perform(self, tx: Tx) -> None:
        round_ = tx.live_round(self.round_id)
        GoToStep(round_id=self.round_id, step=round_.step - 1).perform(tx)


class PauseTimer(Action):
    type: Literal["pause_timer"] = "pause_timer"
    round_id: Id
    undoable: ClassVar[bool] = False

    def perform(self, tx: Tx) -> None:
        round_ = tx.live_round(self.round_id)
        tx.put("rounds", round_.model_copy(update=_paused(round_, tx.now)))


class ResumeTimer(Action):
    type: Literal["resume_timer"] = "resume_timer"
    round_id: Id
    undoable: ClassVar[bool] = False

    def perform(self, tx: Tx) -> None:
        round_ = tx.live_round(self.round_id)
        step_timers = dict(round_.step_timers)
        step_timers[round_.step] = timers.resume(step_timers[round_.step], tx.now)
        speaker = timers.resume(round_.speaker_timer, tx.now) if round_.speaker_timer else None
        tx.update("rounds", round_.id, step_timers=step_timers, speaker_timer=speaker)


class ExtendTimer(Action):
    """"+1 min": more time for the step, and for the current speaker in a round-robin step."""

    type: Literal["extend_timer"] = "extend_timer"
    round_id: Id
    minutes: int = Field(default=1, ge=1, le=60)
    undoable: ClassVar[bool] = False

    def perform(self, tx: Tx) -> None:
        round_ = tx.live_round(self.round_id)
        step_timers = dict(round_.step_timers)
        step_timers[round_.step] = timers.extend(step_timers[round_.step], self.minutes * MINUTE)
        speaker = timers.extend(round_.speaker_timer, self.minutes * MINUTE) if round_.speaker_timer else None
        tx.update("rounds", round_.id, step_timers=step_timers, speaker_timer=speaker)


class NextSpeaker(Action):
    """The next person in a round-robin step; `index` jumps to a given person instead."""

    type: Literal["next_speaker"] = "next_speaker"
    round_id: Id
    index: int | None = None
    undoable: ClassVar[bool] = False

    def perform(self, tx: Tx) -> None:
        round_ = tx.live_round(self.round_id)
        session = tx.session_of(round_)
        step = session.protocol.steps[round_.step]
        speakers = _speakers(tx, session, round_, step)
        target = round_.speaker + 1 if self.index is None else self.index
        if not speakers or not 0 <= target < len(speakers):
            raise ActionError("error.speaker.none_left")
        budget = None if step.minutes is None else int(step.minutes * MINUTE)
        running = round_.step_timers[round_.step].started_at is not None
        speaker_timer = Timer(budget_ms=budget, started_at=tx.now if running else None)
        tx.update("rounds", round_.id, speaker=target, speaker_timer=speaker_timer)


# Pitches and the choice ---------------------------------------------------------------


def _current_step(tx: Tx, session: Session) -> tuple[Round, Step] | None:
    if not session.current_round_id:
        return None
    round_ = tx.need("rounds", session.current_round_id)
    return round_, session.protocol.steps[round_.step]


class AddPitch(Action):
    type: Literal["add_pitch"] = "add_pitch"
    id: NewId
    session_id: Id
    member_id: Id
    title: Name
    text: LongText = ""

    def perform(self, tx: Tx) -> None:
        session = tx.need("sessions", self.session_id)
        if session.stage == "finished":
            raise ActionError("error.session.finished")
        tx.member_of(session.group_id, self.member_id)
        if any(p.member_id == self.member_id for p in tx.ws.pitches_of(session.id)):
            raise ActionError("error.pitch.one_per_member")
        pitch = Pitch(
            id=self.id,
            group_id=session.group_id,
            session_id=session.id,
            member_id=self.member_id,
            title=self.title.strip(),
            text=self.text.strip(),
        )
        tx.create("pitches", pitch)


class EditPitch(Action):
    type: Literal["edit_pitch"] = "edit_pitch"
    id: Id
    title: Name
    text: LongText = ""

    def perform(self, tx: Tx) -> None:
        tx.update("pitches", self.id, title=self.title.strip(), text=self.text.strip())


class WithdrawPitch(Action):
    """The member takes the pitch back: it leaves the parking lot, and can be restored."""

    type: Literal["withdraw_pitch"] = "withdraw_pitch"
    id: Id
    withdrawn: bool = True

    def perform(self, tx: Tx) -> None:
        pitch = tx.need("pitches", self.id)
        if pitch.round_id:
            raise ActionError("error.pitch.already_examined")
        tx.update("pitches", self.id, withdrawn=self.withdrawn)


class DeletePitch(Action):
    type: Literal["delete_pitch"] = "delete_pitch"
    id: Id

    def perform(self, tx: Tx) -> None:
        pitch = tx.need("pitches", self.id)
        if pitch.round_id:
            raise ActionError("error.pitch.already_examined")
        tx.delete("pitches", self.id)


class ToggleVote(Action):
    """A member votes for a pitch, or takes the vote back."""

    type: Literal["toggle_vote"] = "toggle_vote"
    id: NewId
    pitch_id: Id
    member_id: Id

    def perform(self, tx: Tx) -> None:
        pitch = tx.need("pitches", self.pitch_id)
        session = tx.need("sessions", pitch.session_id)
        current = _current_step(tx, session)
        if current is None or current[1].capture != "vote":
            raise ActionError("error.vote.not_now")
        tx.member_of(session.group_id, self.member_id)
        existing = [v for v in tx.ws.votes_for(pitch.id) if v.member_id == self.member_id]
        if existing:
            for vote in existing:
                tx.delete("votes", vote.id)
        else:
            tx.create("votes", Vote(id=self.id, session_id=session.id, pitch_id=pitch.id, member_id=self.member_id))


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
        pitch = tx.need("pitches", self.pitch_id)
        if pitch.group_id != session.group_id or pitch.withdrawn or (pitch.round_id and pitch.round_id != round_.id):
            raise ActionError("error.pitch.unavailable")
        if round_.pitch_id and round_.pitch_id != pitch.id:
            tx.update("pitches", round_.pitch_id, round_id="")
        tx.update("pitches", pitch.id, round_id=round_.id)
        tx.update("rounds", round_.id, pitch_id=pitch.id, carrier_id=pitch.member_id)


# What is said at each step ------------------------------------------------------------

ENTRY_CAPTURE = {
    "note": "notes",
    "question": "questions",
    "reformulation": "reformulations",
    "intervention": "interventions",
    "synthesis": "synthesis",
    "learning": "learnings",
    "evaluation": "evaluation",
}
CONSULTANTS_ONLY = frozenset({"question", "reformulation", "intervention"})
CARRIER_ONLY = frozenset({"note", "synthesis"})


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
        session = tx.need("sessions", self.session_id)
        if session.stage == "finished" and self.kind != "evaluation":
            raise ActionError("error.session.finished")
        if not self.text.strip() and self.rating is None:
            raise ActionError("error.entry.empty")
        step = ""
        if self.round_id:
            round_ = tx.need("rounds", self.round_id)
            if round_.session_id != session.id:
                raise ActionError("error.rounds.not_found")
            step = self._step(session.protocol, round_)
            self._check_author(tx, session, round_)
        elif self.kind != "evaluation":
            raise ActionError("error.entry.needs_round")
        elif self.author_id:
            tx.member_of(session.group_id, self.author_id)
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
        tx.create("entries", entry)

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
        tx.member_of(session.group_id, self.author_id)
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

    def perform(self, tx: Tx) -> None:
        entry = tx.need("entries", self.id)
        fields: dict[str, Any] = {}
        if self.text is not None:
            if not self.text.strip():
                raise ActionError("error.entry.empty")
            fields["text"] = self.text.strip()
        if self.answered is not None:
            fields["answered"] = self.answered
        if self.help_type is not None:
            session = tx.need("sessions", entry.session_id)
            if self.help_type and self.help_type not in session.protocol.request_types:
                raise ActionError("error.entry.unknown_type")
            fields["help_type"] = self.help_type
        if self.rating is not None:
            fields["rating"] = self.rating
        if self.author_id is not None:
            if self.author_id:
                session = tx.need("sessions", entry.session_id)
                tx.member_of(session.group_id, self.author_id)
            fields["author_id"] = self.author_id
        tx.update("entries", self.id, **fields)


class DeleteEntry(Action):
    type: Literal["delete_entry"] = "delete_entry"
    id: Id

    def perform(self, tx: Tx) -> None:
        tx.delete("entries", self.id)
        for round_ in tx.ws.rounds.values():
            if round_.reformulation_id == self.id and not round_.deleted:
                tx.update("rounds", round_.id, reformulation_id="")


class MarkOutOfFrame(Action):
    """The facilitator marks a contribution out of frame: it stays out of every summary."""

    type: Literal["mark_out_of_frame"] = "mark_out_of_frame"
    id: Id
    out_of_frame: bool = True

    def perform(self, tx: Tx) -> None:
        tx.update("entries", self.id, out_of_frame=self.out_of_frame)


class ChooseReformulation(Action):
    type: Literal["choose_reformulation"] = "choose_reformulation"
    round_id: Id
    entry_id: Id

    def perform(self, tx: Tx) -> None:
        round_ = tx.live_round(self.round_id)
        entry = tx.need("entries", self.entry_id)
        if entry.kind != "reformulation" or entry.round_id != round_.id:
            raise ActionError("error.contract.not_a_reformulation")
        tx.update("rounds", round_.id, reformulation_id=entry.id)


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
        tx.update("rounds", round_.id, request_types=ordered, request=self.request.strip())


class AddActionItem(Action):
    type: Literal["add_action_item"] = "add_action_item"
    id: NewId
    round_id: Id
    text: Annotated[str, Field(min_length=1, max_length=2000)]
    due: IsoDate = ""

    def perform(self, tx: Tx) -> None:
        round_ = tx.need("rounds", self.round_id)
        if not round_.carrier_id:
            raise ActionError("error.round.needs_carrier")
        if not self.text.strip():
            raise ActionError("error.entry.empty")
        item = ActionItem(id=self.id, round_id=round_.id, owner_id=round_.carrier_id, text=self.text.strip(), due=self.due)
        tx.create("action_items", item)


class EditActionItem(Action):
    type: Literal["edit_action_item"] = "edit_action_item"
    id: Id
    text: Annotated[str, Field(min_length=1, max_length=2000)]
    due: IsoDate = ""

    def perform(self, tx: Tx) -> None:
        if not self.text.strip():
            raise ActionError("error.entry.empty")
        tx.update("action_items", self.id, text=self.text.strip(), due=self.due)


class DeleteActionItem(Action):
    type: Literal["delete_action_item"] = "delete_action_item"
    id: Id

    def perform(self, tx: Tx) -> None:
        tx.delete("action_items", self.id)


class ResolveConflict(Action):
    """A person picks one of the versions that two devices edited apart: the record takes
    that version's text ("" keeps the current one) and the other versions are set aside, on
    every device the resolution reaches (app/merge.py)."""

    type: Literal["resolve_conflict"] = "resolve_conflict"
    collection: Literal["groups", "members", "sessions", "rounds", "pitches", "votes", "entries", "action_items"]
    id: Id
    version: str = ""

    def perform(self, tx: Tx) -> None:
        record = tx.need(self.collection, self.id)
        chosen = [e for e in record.conflicts if version(e["stamp"], e["device"]) == self.version]
        if not record.conflicts or (self.version and not chosen):
            raise ActionError("error.conflict.not_found")
        text = {f: chosen[0][f] for f in TEXT_FIELDS[self.collection] if f in chosen[0]} if chosen else {}
        tx.update(self.collection, self.id, **text, conflicts=())


# Undo, redo and this device's settings ------------------------------------------------


def _swap(tx: Tx, changes: tuple[Change, ...]) -> tuple[Change, ...]:
    """Put back the fields each change records; return the changes that would undo this.

    Only the fields the undone action changed come back, so a later timer or step move on
    the same record stays as it is."""
    inverse = []
    for change in reversed(changes):
        current = tx.get(change.collection, change.id)
        if current is None:
            continue
        now = {field: getattr(current, field) for field in change.before}
        inverse.append(Change(collection=change.collection, id=change.id, before=now))
        tx.put(change.collection, current.model_copy(update=change.before))
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
    undoable: ClassVar[bool] = False

    def perform(self, tx: Tx) -> None:
        tx.local_update = self.model_dump(exclude={"type"}, exclude_none=True)


AnyAction = Annotated[
    Union[
        CreateGroup, UpdateGroup, AddMember, RenameMember, RemoveMember, AcknowledgeCharter,
        StartSession, FinishFollowup, UpdateActionItem, StartRound, FinishRound, StartBreak,
        StartEvaluation, FinishSession, SetNextSession,
        GoToStep, NextStep, PreviousStep, PauseTimer, ResumeTimer, ExtendTimer, NextSpeaker,
        AddPitch, EditPitch, WithdrawPitch, DeletePitch, ToggleVote, ChoosePitch,
        AddEntry, EditEntry, DeleteEntry, MarkOutOfFrame, ChooseReformulation, SetContract,
        AddActionItem, EditActionItem, DeleteActionItem, ResolveConflict,
        Undo, Redo, SetDraft, SetPreferences,
    ],
    Field(discriminator="type"),
]  # fmt: skip

_ADAPTER: TypeAdapter[Any] | None = None


def parse(data: dict[str, Any]) -> Action:
    """An action from plain data (a DOM event's attributes, a test), validated."""
    global _ADAPTER
    if _ADAPTER is None:
        _ADAPTER = TypeAdapter(AnyAction)
    return _ADAPTER.validate_python(data)


def apply(ws: Workspace, action: Action, *, now: int, device: str) -> Workspace:
    """The workspace after `action`; raises ActionError (workspace unchanged) if refused."""
    tx = Tx(ws, now, device)
    action.perform(tx)
    return tx.result(undoable=action.undoable)
