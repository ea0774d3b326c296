"""The presentation window: what the room sees, following the operator's window, without
any control: the step, the timer, who speaks, and what has been captured at this step."""

from __future__ import annotations

from app.markup import Markup, h
from app.views import between, budget, evaluation
from app.views.context import View
from app.views.entries import current_speaker
from app.views.parts import clock, names
from app.views.steps import ENTRY_KINDS


def render(view: View) -> Markup:
    _ = view._
    ws = view.ws
    session = ws.sessions.get(view.route.get("id")) or ws.running_session()
    if session is None or session.group_id not in ws.groups:
        return _frame(view, _("ui.app.name"), h("p", {"class": "lead"}, _("ui.presentation.waiting")))
    group = ws.groups[session.group_id]
    round_ = ws.rounds.get(session.current_round_id) if session.stage == "round" else None
    if round_ is None:
        timer = clock(view, session.break_timer, _("ui.between.break"), cls="huge") if session.break_timer else None
        title = between.title(view, session) if session.stage == "between" else _(f"ui.stage.{session.stage}")
        table = evaluation.round_table(view, session) if session.stage == "evaluation" else None
        return _frame(view, title, h("p", {"class": "lead"}, group.name, " · ", view.date(session.date)), timer, table, budget.wall_line(view, session))
    step = session.protocol.steps[round_.step]
    who = names(view, session.group_id)
    timer = round_.step_timers.get(round_.step)
    speaker = current_speaker(view, session, round_, step)
    facts = [_("ui.round.step_of", n=round_.step + 1, total=len(session.protocol.steps)), _("ui.round.round_of", n=round_.number, total=session.planned_rounds)]
    if round_.carrier_id:
        facts.append(_("ui.round.carrier", name=who.get(round_.carrier_id, "?")))
    return _frame(
        view,
        step.title(view.lang),
        h("p", {"class": "facts"}, " · ".join(facts)),
        budget.wall_line(view, session),
        clock(view, timer, _("ui.timer.step"), cls="huge") if timer else None,
        h("p", {"class": "speaker"}, _("ui.presentation.speaking", name=who[speaker]) if speaker in who else _(f"ui.speaker.{step.speaker}")),
        clock(view, round_.speaker_timer, _("ui.timer.speaker", name=who.get(speaker, "")), cls="small") if speaker and round_.speaker_timer else None,
        h("p", {"class": "do"}, step.do(view.lang)),
        h("p", {"class": "dont"}, h("strong", {}, view._("ui.guidance.dont")), " ", step.dont(view.lang)) if step.dont else None,
        _captured(view, session, round_, step, who),
    )


def _captured(view: View, session, round_, step, who) -> Markup | None:
    if step.capture in ENTRY_KINDS:
        said = [e for e in view.ws.entries_of(round_.id, ENTRY_KINDS[step.capture]) if e.step in ("", step.key) and not e.out_of_frame]
        lines = [(who.get(e.author_id, ""), e.text) for e in said]
    elif step.capture == "vote":
        from app.views import vote  # the choice's own module, on its step only

        return vote.wall(view, session, round_)
    elif step.capture == "pitches":
        on_table = view.ws.carried_over(session.id) + view.ws.pitches_of(session.id)
        lines = [(who.get(p.member_id, ""), p.title) for p in on_table if not p.withdrawn and p.round_id in ("", round_.id)]
    else:
        return None
    items = [h("li", {}, h("span", {"class": "who"}, author), " ", text) for author, text in lines[-8:]]
    return h("ol", {"class": "shown"}, items) if items else None


def _frame(view: View, title: str, *content) -> Markup:
    return h(
        "div",
        {"class": "screen presentation projector", "data-screen": "presentation"},
        h("h1", {"class": "title", "id": "screen-title"}, title),
        *content,
    )
