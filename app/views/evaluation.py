"""The session's evaluation round ("régulation"): each member rates and says a word."""

from __future__ import annotations

from app.markup import Markup, fragment, h
from app.model import Session
from app.views.context import View
from app.views.entries import entry_list
from app.views.parts import button, form, names, select_field, submit, text_field


def body(view: View, session: Session) -> Markup:
    _ = view._
    return fragment(
        h("p", {"class": "lead"}, _("ui.evaluation.intro")),
        capture(view, session),
        h("div", {"class": "moves"}, button(_("ui.evaluation.finish"), "finish_session", cls="primary", session_id=session.id)),
    )


def capture(view: View, session: Session) -> Markup:
    """The form, the average and what each member said: also a step of protocols whose
    round ends with the group's review (GEASE)."""
    _ = view._
    who = names(view, session.group_id)
    said = view.ws.session_entries(session.id, "evaluation")
    spoken = {e.author_id for e in said}
    waiting = [m for m in who if m not in spoken]
    scope = f"{session.id}-evaluation"
    ratings = [h("label", {"class": "check"}, h("input", {"type": "radio", "name": "rating", "value": n, "data-draft": f"{scope}:rating", "checked": view.draft(f"{scope}:rating") == str(n)}), " ", n) for n in range(1, 6)]
    add = form(
        "add_entry",
        h(
            "div",
            {"class": "entry-fields"},
            select_field(view, _("ui.entry.author"), "author_id", scope, [(m, who[m]) for m in waiting] or list(who.items())),
            h("fieldset", {"class": "checks rating"}, h("legend", {}, _("ui.evaluation.rating")), ratings),
        ),
        text_field(view, _("ui.entry.evaluation.label"), "text", scope, multiline=True),
        submit(_("ui.entry.evaluation.add")),
        cls="entry-form",
        label=_("ui.entry.evaluation.add"),
        session_id=session.id,
        kind="evaluation",
    )
    rated = [e.rating for e in said if e.rating]
    average = h("p", {"class": "resolved"}, _("ui.evaluation.average", value=view.number(sum(rated) / len(rated)), ratings=view.plural("ui.count.ratings", len(rated)))) if rated else None
    return fragment(add, average, entry_list(view, said, who))
