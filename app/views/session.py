"""A session on the shared screen: whatever its stage asks for now (charter, follow-up, a
round, between rounds, the evaluation, the end), and until the end who is there, to correct."""

from __future__ import annotations

from app.markup import Markup, fragment
from app.views import attendance, between, charter, evaluation, finished, followup, round as round_view
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
        return page(view, title, round_view.body(view, session, round_), attendance.correction(view, session), wide=True, crumbs=crumbs)
    bodies = {
        "charter": charter.body,
        "followup": followup.body,
        "between": between.body,
        "evaluation": evaluation.body,
        "finished": finished.body,
    }
    body = bodies.get(stage, between.body)
    correction = attendance.correction(view, session) if stage != "finished" else None
    title = between.title(view, session) if stage == "between" else _(f"ui.stage.{stage}")
    return page(view, title, body(view, session), correction, wide=stage != "finished", crumbs=crumbs)
