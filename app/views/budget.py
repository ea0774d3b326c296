"""The time budget on screen: started at, now, the planned end, how far ahead or behind
("12 min de retard, il reste 1 h 40 pour 2 tours"), and when behind the two ways back on
time, one press each (undoable). The presentation window shows the same line when asked."""

from __future__ import annotations

from app import budget
from app.markup import Markup, h
from app.model import Session
from app.views.context import View
from app.views.parts import button, classes, toggle

SHOWN = ("round", "between", "followup", "charter")  # the stages the budget is kept through


def duration(view: View, ms: int) -> str:
    """"1 h 40", "12 min": whole minutes, rounded to the nearest."""
    minutes = max(0, round(ms / budget.MINUTE))
    hours, rest = divmod(minutes, 60)
    return view._("budget.hours", h=hours, m=f"{rest:02d}") if hours else view._("budget.minutes", m=rest)


def status(view: View, b: budget.Budget, session: Session) -> str:
    _ = view._
    if b.stale:
        return _("budget.stale", date=view.date(session.date))
    rounds = view.plural("ui.count.rounds", b.rounds_left)
    left = _("budget.left", time=duration(view, b.left_ms), rounds=rounds) if b.left_ms > 0 else _("budget.over", rounds=rounds)
    if b.behind:
        return _("budget.late", time=duration(view, b.late_ms), left=left)
    if -b.late_ms >= budget.SLACK:
        return _("budget.ahead", time=duration(view, -b.late_ms), left=left)
    return _("budget.on_time", left=left)


def panel(view: View, session: Session) -> Markup | None:
    if session.stage not in SHOWN:
        return None
    _ = view._
    b = budget.compute(view.ws, session, view.now)
    times = _("budget.times", start=view.time(b.started_at), now=view.time(b.now), end=view.time(b.planned_end))
    moves = []
    if b.shorten_factor is not None:
        cut = round((1 - b.shorten_factor) * 100)
        moves.append(button(_("budget.shorten", percent=cut), "shorten_steps", session_id=session.id))
    if b.can_drop_round:
        moves.append(button(_("budget.drop_round", n=session.planned_rounds - 1), "drop_round", session_id=session.id))
    on_wall = view.ws.local.budget_on_wall
    return h(
        "section",
        {"class": classes("budget panel", behind=b.behind), "aria-labelledby": "budget-title"},
        h("h2", {"id": "budget-title"}, _("budget.title")),
        h("p", {"class": "budget-status"}, status(view, b, session)),
        None if b.stale else h("p", {"class": "hint"}, times),  # hours of another day, without their date
        h("div", {"class": "budget-moves"}, h("span", {}, _("budget.suggest")), *moves) if moves else None,
        toggle(_("budget.on_wall"), "set_preferences", on_wall, budget_on_wall=str(not on_wall).lower()),
    )


def wall_line(view: View, session: Session) -> Markup | None:
    """The budget's line on the presentation window, when the operator asked for it."""
    if not view.ws.local.budget_on_wall or session.stage not in SHOWN:
        return None
    b = budget.compute(view.ws, session, view.now)
    if b.stale:
        return None  # the room is not looking at an old session's budget
    return h("p", {"class": classes("budget-status", behind=b.behind)}, status(view, b, session))
