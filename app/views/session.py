"""A session on the shared screen: whatever its stage asks for now (charter, follow-up, a
round, between rounds, the evaluation, the end), and until the end who is there, to correct."""

from __future__ import annotations

from app.markup import Markup, fragment
from app.views import attendance, between, budget, roles, charter, evaluation, finished, followup, round as round_view
from app.views.context import View
from app.views.parts import crumb, page, placeholder


def render(view: View) -> Markup:
    _ = view._
    session = view.ws.sessions.get(view.route.get("id")) or view.ws.running_session()
    if session is None or session.deleted or session.group_id not in view.ws.groups:
        return placeholder(view, "session")
    group = view.ws.groups[session.group_id]
    crumbs = fragment(crumb(view, "group", group.name, id=group.id), crumb(view, "session", view.date(session.date), id=session.id))
    stage = session.stage
    if stage == "round" and session.current_round_id in view.ws.rounds:
        round_ = view.ws.rounds[session.current_round_id]
        title = session.protocol.steps[round_.step].title(view.lang)
        # The choice step gives the projector's height to the problems and their ballots
        # (six to eight on a 1280x720 screen): the time budget shows again at the next step.
        choosing = session.protocol.steps[round_.step].capture == "vote"
        timing = None if choosing else budget.panel(view, session)
        return page(view, title, attendance.shortfall(view, session), timing, round_view.body(view, session, round_), roles.correction(view, session), attendance.correction(view, session), wide=True, crumbs=crumbs)
    bodies = {
        "charter": charter.body,
        "followup": followup.body,
        "between": between.body,
        "evaluation": evaluation.body,
        "finished": finished.body,
    }
    body = bodies.get(stage, between.body)
    corrections = (roles.correction(view, session), attendance.correction(view, session)) if stage != "finished" else ()
    title = between.title(view, session) if stage == "between" else _(f"ui.stage.{stage}")
    shortfall = attendance.shortfall(view, session) if stage != "finished" else None
    return page(view, title, shortfall, budget.panel(view, session), body(view, session), *corrections, wide=stage != "finished", crumbs=crumbs)
