"""Getting back on time (app/budget.py): the steps to come shortened proportionally, or one
round fewer. Both undoable, like any change of the plan. A session planned without a time
limit keeps, from then on, the end its plan gave it: otherwise the shorter plan would move
its own end closer."""

from __future__ import annotations

import math
from typing import Any, Literal

from app import budget
from app.actions.core import Action, ActionError, Id, Tx
from app.protocol import fitted
from app.model import Session


def _kept_end(session: Session, b: budget.Budget) -> dict[str, Any]:
    if session.available_minutes:
        return {}
    return {"available_minutes": math.ceil((b.planned_end - b.started_at) / budget.MINUTE)}


class ShortenSteps(Action):
    """Every step to come shortened by the same proportion, so the session ends on time."""

    type: Literal["shorten_steps"] = "shorten_steps"
    session_id: Id

    def perform(self, tx: Tx) -> None:
        session = tx.sessions.need(self.session_id)
        if session.stage == "finished":
            raise ActionError("error.session.finished")
        b = budget.compute(tx.ws, session, tx.now)
        if b.shorten_factor is None:
            raise ActionError("budget.error.cannot_shorten")
        # The steps to come fitted to the time left, as setup fits a plan (the step running
        # now keeps its timer: its budget was set when it began).
        room = (b.planned_end - b.now - b.current_left) / budget.MINUTE
        protocol = fitted(session.protocol, room, lambda p: budget.compute(tx.ws, session.model_copy(update={"protocol": p}), tx.now).later_ms / budget.MINUTE)
        tx.sessions.update(session.id, protocol=protocol, **_kept_end(session, b))


class DropRound(Action):
    """One planned round fewer: a round not started yet."""

    type: Literal["drop_round"] = "drop_round"
    session_id: Id

    def perform(self, tx: Tx) -> None:
        session = tx.sessions.need(self.session_id)
        if session.stage == "finished":
            raise ActionError("error.session.finished")
        if session.planned_rounds <= max(1, len(tx.ws.rounds_of(session.id))):
            raise ActionError("budget.error.no_round_to_drop")
        b = budget.compute(tx.ws, session, tx.now)
        tx.sessions.update(session.id, planned_rounds=session.planned_rounds - 1, **_kept_end(session, b))
