"""A round on the shared screen: the stepper, the step's title and timer (read from four
metres), whose turn it is, what to do and not to do, the capture area, previous and next."""

from __future__ import annotations

from app.markup import Markup, fragment, h
from app.model import Round, Session
from app.protocol import Step
from app.views import roles, steps
from app.views.context import View
from app.views.guidance import guidance
from app.views.parts import button, clock, names, present_names


def body(view: View, session: Session, round_: Round) -> Markup:
    step = session.protocol.steps[round_.step]
    return fragment(
        stepper(view, session, round_),
        moves(view, session, round_),
        h(
            "div",
            {"class": "round"},
            h("section", {"class": "stage", "aria-labelledby": "screen-title"}, stage(view, session, round_, step)),
            h("section", {"class": "capture", "aria-label": view._("ui.capture.label")}, steps.capture(view, session, round_, step)),
        ),
    )


def stepper(view: View, session: Session, round_: Round) -> Markup:
    _ = view._
    protocol = session.protocol
    first = 0 if round_.number == 1 else protocol.first_round_step
    items = []
    for index, step in enumerate(protocol.steps):
        state = "done" if index < round_.step else "current" if index == round_.step else "todo"
        items.append(
            h(
                "li",
                {"class": state},
                button(
                    fragment(h("span", {"class": "step-no"}, index + 1), " ", h("span", {"class": "step-name"}, step.title(view.lang))),
                    "go_to_step",
                    round_id=round_.id,
                    step=index,
                    disabled=index < first,
                    aria_current="step" if index == round_.step else None,
                ),
            )
        )
    return h("nav", {"class": "stepper", "aria-label": _("ui.round.steps")}, h("ol", {}, items))


def stage(view: View, session: Session, round_: Round, step: Step) -> Markup:
    _ = view._
    who = names(view, session.group_id)
    timer = round_.step_timers.get(round_.step)
    running = timer is not None and timer.started_at is not None
    facts = [
        _("ui.round.step_of", n=round_.step + 1, total=len(session.protocol.steps)),
        _("ui.round.round_of", n=round_.number, total=session.planned_rounds),
    ]
    if round_.carrier_id:
        facts.append(_("ui.round.carrier", name=who.get(round_.carrier_id, "?")))
    if round_.roles:
        facts.append(roles.line(view, session, round_, only_round=True))
    return fragment(
        h("p", {"class": "facts"}, " · ".join(facts)),
        h("p", {"class": "speaker"}, _(f"ui.speaker.{step.speaker}")),
        h(
            "div",
            {"class": "timer-row"},
            clock(view, timer, _("ui.timer.step"), cls="big") if timer else None,
            h(
                "div",
                {"class": "timer-buttons"},
                button(_("ui.timer.pause") if running else _("ui.timer.resume"), "pause_timer" if running else "resume_timer", keys="Space", round_id=round_.id),
                button(_("ui.timer.plus_one"), "extend_timer", round_id=round_.id, minutes=1),
            ),
        ),
        turns(view, session, round_, step, who),
        guidance(view, session, step, round_),
    )


def turns(view: View, session: Session, round_: Round, step: Step, who: dict[str, str]) -> Markup | None:
    """The speaking order of a round-robin step, with the current speaker's own timer."""
    order = step.speakers(list(present_names(view, session)), round_.carrier_id)
    if not order:
        return None
    _ = view._
    items = []
    for index, member_id in enumerate(order):
        current = index == round_.speaker
        items.append(
            h(
                "li",
                {"class": "turn current" if current else "turn"},
                button(who.get(member_id, "?"), "next_speaker", round_id=round_.id, index=index, aria_current="true" if current else None),
                clock(view, round_.speaker_timer, _("ui.timer.speaker", name=who.get(member_id, "?")), cls="small") if current and round_.speaker_timer else None,
            )
        )
    last = round_.speaker + 1 >= len(order)
    return h(
        "section",
        {"class": "turns", "aria-label": _("ui.turns.label")},
        h("h2", {}, _("ui.turns.label")),
        h("ol", {}, items),
        button(_("ui.turns.next"), "next_speaker", round_id=round_.id, disabled=last),
    )


def moves(view: View, session: Session, round_: Round) -> Markup:
    _ = view._
    protocol = session.protocol
    first = 0 if round_.number == 1 else protocol.first_round_step
    last = round_.step + 1 >= len(protocol.steps)
    forward = (
        button(_("ui.round.finish"), "finish_round", cls="primary", keys="ArrowRight", round_id=round_.id)
        if last
        else button(_("ui.round.next"), "next_step", cls="primary", keys="ArrowRight", round_id=round_.id)
    )
    return h(
        "nav",
        {"class": "moves steps", "aria-label": _("ui.round.moves")},
        button(_("ui.round.previous"), "previous_step", keys="ArrowLeft", round_id=round_.id, disabled=round_.step <= first),
        forward,
    )
