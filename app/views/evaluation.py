"""The session's evaluation round ("régulation"): each member rates and says a word."""

from __future__ import annotations

from app.markup import Markup, fragment, h
from app.model import Entry, Session
from app.views.context import View
from app.views.entries import entry_list
from app.views.parts import button, form, names, present_names, select_field, submit, text_field


def body(view: View, session: Session) -> Markup:
    return fragment(
        h("p", {"class": "lead"}, view._("ui.evaluation.intro")),
        capture(view, session),
        closing(view, session),
    )


def capture(view: View, session: Session) -> Markup:
    """The form, the average and what each member said: also a step of protocols whose
    round ends with the group's review (GEASE)."""
    _ = view._
    who = names(view, session.group_id)
    here = present_names(view, session)
    said = view.ws.session_entries(session.id, "evaluation")
    spoken = {e.author_id for e in said}
    waiting = [m for m in here if m not in spoken]
    scope = f"{session.id}-evaluation"
    ratings = [h("label", {"class": "check"}, h("input", {"type": "radio", "name": "rating", "value": n, "data-draft": f"{scope}:rating", "checked": view.draft(f"{scope}:rating") == str(n)}), " ", n) for n in range(1, 6)]
    add = form(
        "add_entry",
        h(
            "div",
            {"class": "entry-fields"},
            select_field(view, _("ui.entry.author"), "author_id", scope, [(m, here[m]) for m in waiting] or list(here.items())),
            h("fieldset", {"class": "checks rating"}, h("legend", {}, _("ui.evaluation.rating")), ratings),
        ),
        text_field(view, _("ui.entry.evaluation.label"), "text", scope, multiline=True),
        submit(_("ui.entry.evaluation.add")),
        cls="entry-form",
        label=_("ui.entry.evaluation.add"),
        session_id=session.id,
        kind="evaluation",
    )
    return fragment(add, average(view, said), entry_list(view, said, who, scope))


def average(view: View, said: list[Entry]) -> Markup | None:
    rated = [e.rating for e in said if e.rating]
    if not rated:
        return None
    return h("p", {"class": "resolved"}, view._("ui.evaluation.average", value=view.number(sum(rated) / len(rated)), ratings=view.plural("ui.count.ratings", len(rated))))


def round_table(view: View, session: Session) -> Markup | None:
    """Each member's rating and word, in the group's order, as the room hears them (the
    presentation window shows it on the wall)."""
    _ = view._
    said = {e.author_id: e for e in view.ws.session_entries(session.id, "evaluation") if not e.out_of_frame}
    if not said:
        return None
    rows = [
        h(
            "tr",
            {},
            h("th", {"scope": "row"}, name),
            h("td", {}, _("closing.evaluation.rating", rating=said[m].rating) if said[m].rating else "—"),
            h("td", {}, said[m].text),
        )
        for m, name in names(view, session.group_id).items()
        if m in said
    ]
    heads = [_("closing.evaluation.who"), _("closing.evaluation.rating_head"), _("closing.evaluation.word")]
    table = h(
        "table",
        {"class": "plan ratings", "aria-label": _("closing.evaluation.table")},
        h("thead", {}, h("tr", {}, [h("th", {"scope": "col"}, t) for t in heads])),
        h("tbody", {}, rows),
    )
    return fragment(average(view, list(said.values())), table)


CLOSE = "close"  # the address's parameter while the room is asked to confirm the closing


def closing(view: View, session: Session) -> Markup:
    """"Clore la séance" asks first, in the page (app/web/commands/closing.py)."""
    _ = view._
    if view.route.get(CLOSE) != "ask":
        return h("div", {"class": "moves"}, button(_("ui.evaluation.finish"), command="close-ask", cls="primary", ident="close-ask"))
    return h(
        "div",
        {"class": "confirm", "role": "group", "aria-labelledby": "close-question", "aria-describedby": "close-after"},
        h("p", {"id": "close-question"}, _("closing.close.ask")),
        h("p", {"id": "close-after", "class": "hint"}, _("closing.close.after")),
        h(
            "div",
            {"class": "moves start"},
            button(_("closing.close.yes"), command="close-session", cls="primary", ident="close-confirm", session_id=session.id),
            button(_("closing.close.no"), command="close-cancel", keys="Escape"),
        ),
    )
