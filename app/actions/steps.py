"""Steps and timers: moving through the protocol's steps, the step and speaker timers."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import Field

from app import timers
from app.actions.core import MINUTE, Action, ActionError, Id, Tx
from app.model import Round, Session, Timer, present
from app.protocol import Step


def speaking_order(tx: Tx, session: Session, round_: Round, step: Step) -> list[str]:
    """Who speaks at the step, in turn: those present at the session."""
    return step.speakers([m.id for m in present(tx.group_members(session.group_id), session)], round_.carrier_id)


def enter_step(tx: Tx, session: Session, round_: Round, index: int) -> Round:
    """The round moved to step `index`: that step's timer runs again where it stopped, and
    its speaking order starts with the first speaker."""
    step = session.protocol.steps[index]
    speakers = speaking_order(tx, session, round_, step)
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


def paused(round_: Round, now: int) -> dict[str, Any]:
    step_timers = dict(round_.step_timers)
    if round_.step in step_timers:
        step_timers[round_.step] = timers.pause(step_timers[round_.step], now)
    speaker = timers.pause(round_.speaker_timer, now) if round_.speaker_timer else None
    return {"step_timers": step_timers, "speaker_timer": speaker}


def check_gate(tx: Tx, step: Step, round_: Round) -> None:
    if step.gate == "chosen_pitch" and not round_.pitch_id:
        raise ActionError("error.gate.choose_pitch")
    if step.gate == "contract":
        chosen = tx.entries.get(round_.reformulation_id) if round_.reformulation_id else None
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
            check_gate(tx, protocol.steps[index], round_)
        left = round_.model_copy(update=paused(round_, tx.now))
        tx.rounds.put(enter_step(tx, session, left, self.step))


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
        tx.rounds.put(round_.model_copy(update=paused(round_, tx.now)))


class ResumeTimer(Action):
    type: Literal["resume_timer"] = "resume_timer"
    round_id: Id
    undoable: ClassVar[bool] = False

    def perform(self, tx: Tx) -> None:
        round_ = tx.live_round(self.round_id)
        step_timers = dict(round_.step_timers)
        step_timers[round_.step] = timers.resume(step_timers[round_.step], tx.now)
        speaker = timers.resume(round_.speaker_timer, tx.now) if round_.speaker_timer else None
        tx.rounds.update(round_.id, step_timers=step_timers, speaker_timer=speaker)


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
        tx.rounds.update(round_.id, step_timers=step_timers, speaker_timer=speaker)


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
        speakers = speaking_order(tx, session, round_, step)
        target = round_.speaker + 1 if self.index is None else self.index
        if not speakers or not 0 <= target < len(speakers):
            raise ActionError("error.speaker.none_left")
        budget = None if step.minutes is None else int(step.minutes * MINUTE)
        running = round_.step_timers[round_.step].started_at is not None
        speaker_timer = Timer(budget_ms=budget, started_at=tx.now if running else None)
        tx.rounds.update(round_.id, speaker=target, speaker_timer=speaker_timer)
