"""The half-day's time budget: when the session started, when it is planned to end, how
much planned time is still ahead, and so how far ahead or behind the room is; and the two
ways back on time when it is behind (shorten the steps to come proportionally, or drop a
round). Pure: computed from the records and the time now."""

from __future__ import annotations

from dataclasses import dataclass

from app import timers
from app.clock import parse_stamp
from app.model import Round, Session, Workspace
from app.protocol import Step

MINUTE = 60_000
SLACK = MINUTE  # behind by less than a minute is on time
# A session whose planned end passed this long ago was left open (since another day): its
# budget no longer says how the room stands, and catching up makes no sense.
STALE = 12 * 60 * MINUTE


@dataclass(frozen=True)
class Budget:
    started_at: int  # epoch ms
    now: int
    planned_end: int
    current_left: int  # ms left in the step running now (0 in overtime or between rounds)
    later_ms: int  # the planned time of every step still to come, the current one aside
    rounds_left: int  # rounds not finished, the current one included
    rounds_to_start: int  # planned rounds not started yet

    @property
    def needed_end(self) -> int:
        """When the session ends if every step to come takes its planned time."""
        return self.now + self.current_left + self.later_ms

    @property
    def late_ms(self) -> int:
        """Behind (positive) or ahead (negative) of the planned end."""
        return self.needed_end - self.planned_end

    @property
    def left_ms(self) -> int:
        """Time until the planned end (negative once past it)."""
        return self.planned_end - self.now

    @property
    def stale(self) -> bool:
        return self.now - self.planned_end >= STALE

    @property
    def behind(self) -> bool:
        return self.late_ms >= SLACK and not self.stale

    @property
    def shorten_factor(self) -> float | None:
        """What the steps to come should be multiplied by to end on time; None if that
        cannot be done (nothing left to shorten, or no time left for it)."""
        room = self.planned_end - self.now - self.current_left
        if not self.behind or self.later_ms <= 0 or room <= 0:
            return None
        return room / self.later_ms

    @property
    def can_drop_round(self) -> bool:
        return self.behind and self.rounds_to_start > 0


def started_at(session: Session) -> int:
    return parse_stamp(session.created or session.stamp)[0]


def _minutes(step: Step, present: int) -> float:
    speakers = present - 1 if step.speaker == "each_consultant" else present
    return step.budget_minutes(speakers) or 0.0


def compute(ws: Workspace, session: Session, now: int) -> Budget:
    protocol = session.protocol
    present = len(ws.attendees(session))
    rounds = ws.rounds_of(session.id)
    start = started_at(session)
    if session.available_minutes:
        planned_end = start + session.available_minutes * MINUTE
    else:
        planned_end = start + int(protocol.session_minutes(present, session.planned_rounds) * MINUTE)
    current: Round | None = ws.rounds.get(session.current_round_id) if session.stage == "round" else None
    current_left, later = 0, 0.0
    if current is not None and not current.finished:
        timer = current.step_timers.get(current.step)
        left = timers.remaining(timer, now) if timer else None
        current_left = max(0, left or 0)
        later += sum(_minutes(s, present) for s in protocol.steps[current.step + 1 :])
    to_start = max(0, session.planned_rounds - len(rounds))
    if to_start and not rounds:  # the first round also runs the once-per-session steps
        later += sum(_minutes(s, present) for s in protocol.steps if s.once_per_session)
    later += to_start * protocol.round_minutes(present)
    finished = sum(r.finished for r in rounds)
    return Budget(
        started_at=start,
        now=now,
        planned_end=planned_end,
        current_left=current_left,
        later_ms=int(later * MINUTE),
        rounds_left=max(0, session.planned_rounds - finished),
        rounds_to_start=to_start,
    )
