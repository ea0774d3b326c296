"""The end of a session: what was examined, the summaries, the export, the next date."""

from __future__ import annotations

from app.markup import Markup, fragment, h
from app.model import Session
from app.views.context import View
from app.views.routes import route
from app.views.parts import button, form, link, names, panel, submit, text_field


def body(view: View, session: Session) -> Markup:
    _ = view._
    who = names(view, session.group_id)
    rounds = [r for r in view.ws.rounds_of(session.id) if not r.deleted]
    rows = [
        h(
            "li",
            {},
            _("ui.finished.round", n=r.number, name=who.get(r.carrier_id, "?")),
            " — ",
            view.ws.pitches[r.pitch_id].title if r.pitch_id in view.ws.pitches else "",
        )
        for r in rounds
    ]
    scope = f"{session.id}-next"
    next_form = form(
        "set_next_session",
        h(
            "div",
            {"class": "entry-fields"},
            text_field(view, _("ui.finished.next_date"), "date", scope, kind="date", value=session.next_date),
            text_field(view, _("ui.setup.place"), "place", scope, value=session.next_place, cls="grow"),
        ),
        submit(_("ui.finished.save_next")),
        cls="entry-form",
        label=_("ui.finished.next"),
        session_id=session.id,
        saved="closing.saved.next",
    )
    return fragment(
        h("p", {"class": "lead"}, _("ui.finished.intro")),
        h("ol", {"class": "recap"}, rows) if rows else h("p", {"class": "empty"}, _("ui.finished.no_round")),
        h(
            "ul",
            {"class": "links"},
            h("li", {}, link(route("summaries", session=session.id), _("ui.nav.summaries"), "button primary")),
            h("li", {}, link(route("transfer", group=session.group_id), _("ui.nav.transfer"), "button")),
            h("li", {}, link(route("group", id=session.group_id), _("ui.nav.group"), "button")),
        ),
        h("section", {"class": "panel", "aria-labelledby": "next-session"}, h("h2", {"id": "next-session"}, _("ui.finished.next")), next_form),
        panel(
            "reopen",
            _("closing.reopen.title"),
            h("p", {}, _("closing.reopen.text")),
            h("div", {"class": "moves"}, button(_("closing.reopen.button"), command="reopen-session", session_id=session.id)),
        ),
    )
