"""What the step's guidance says, after the session's mode: with a coach, the fuller text
(why the step exists, what to watch, the usual pitfalls); on its own, the short guidance,
the facilitator's script open for whoever is animateur, and the charter recalled before the
group questions the carrier and before it answers the request: at the protocol's first step
that captures questions, and its first that captures contributions, whatever the protocol
calls them (GEASE's hypotheses, intervision's advice, Kollegiale Beratung's consultation)."""

from __future__ import annotations

from app.markup import Markup, h
from app.model import Round, Session
from app.protocol import Step
from app.views import roles
from app.views.context import View

REMINDED = ("questions", "interventions")  # the captures before which the charter is recalled


def reminded(session: Session, step: Step) -> bool:
    """Whether the charter is recalled at this step: the first of its capture in the protocol
    (action learning's helping questions follow its clarifying ones: once is enough)."""
    if session.coached or step.capture not in REMINDED:
        return False
    return next(s for s in session.protocol.steps if s.capture == step.capture).key == step.key


def guidance(view: View, session: Session, step: Step, round_: Round | None = None) -> Markup:
    _ = view._
    coached = session.coached
    script = None
    if step.script:
        script = h(
            "details",
            {"class": "script", "open": not coached},
            h("summary", {}, _("ui.guidance.script")),
            roles.leader_line(view, session, round_),
            h("p", {}, step.script(view.lang)),
        )
    return h(
        "div",
        {"class": "guidance"},
        h("p", {"class": "do"}, h("strong", {}, _("ui.guidance.do")), " ", step.do(view.lang)),
        h("p", {"class": "dont"}, h("strong", {}, _("ui.guidance.dont")), " ", step.dont(view.lang)) if step.dont else None,
        h("p", {"class": "coach"}, h("strong", {}, _("roles.guidance.coach")), " ", step.coach(view.lang)) if coached and step.coach else None,
        h("p", {"class": "reminder", "role": "note"}, _(f"roles.reminder.{step.capture}")) if reminded(session, step) else None,
        script,
    )
