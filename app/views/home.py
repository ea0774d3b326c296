"""Home: continue the running session, the groups, a new group, import, the language; and,
on a device with no group yet, what to do first."""

from __future__ import annotations

from app.markup import Markup, h
from app.model import MAX_MEMBERS, MIN_MEMBERS
from app.views import orphans, set_aside, transfer
from app.views.context import View
from app.views.routes import route
from app.views.parts import button, link, page, panel


def render(view: View) -> Markup:
    _ = view._
    ws = view.ws
    running = ws.running_session()
    groups = sorted(ws.live("groups"), key=lambda g: g.name.casefold())
    if not groups:
        return page(view, _("ui.app.name"), h("p", {"class": "lead"}, _("ui.home.tagline")), set_aside.notice(view),
                    transfer.reminder(view), welcome(view), orphans.panel(view))
    cont = None
    if running is not None and running.group_id in ws.groups:
        cont = h(
            "section",
            {"class": "panel running", "aria-labelledby": "running"},
            h("h2", {"id": "running"}, _("ui.home.running")),
            h("p", {}, _("ui.home.running_of", group=ws.groups[running.group_id].name, date=view.date(running.date))),
            link(route("session", id=running.id), _("ui.home.continue"), "button primary"),
        )
    rows = [
        h(
            "li",
            {},
            link(route("group", id=g.id), g.name),
            " ",
            h("span", {"class": "hint"}, view.plural("ui.count.members", len(ws.members_of(g.id))), " · ", view.plural("ui.count.sessions", len(ws.sessions_of(g.id)))),
        )
        for g in groups
    ]
    return page(
        view,
        _("ui.app.name"),
        h("p", {"class": "lead"}, _("ui.home.tagline")),
        set_aside.notice(view),
        transfer.reminder(view),
        cont,
        h(
            "ul",
            {"class": "links"},
            h("li", {}, button(_("ui.home.new_group"), command="go", screen="group", cls="" if cont else "primary")),
            h("li", {}, link(route("transfer"), _("ui.home.import"), "button")),
        ),
        panel(
            "groups",
            _("ui.home.groups"),
            h("ul", {"class": "groups"}, rows) if rows else None,
            h("p", {"class": "hint"}, view.plural("ui.home.count", len(groups))),
        ),
        orphans.panel(view),
    )


def welcome(view: View) -> Markup:
    """The first visit: make the group, or bring it from the device where it already lives."""
    _ = view._
    return h(
        "section",
        {"class": "panel welcome", "aria-labelledby": "welcome"},
        h("h2", {"id": "welcome"}, _("ui.home.welcome.title")),
        h(
            "div",
            {"class": "choices"},
            h(
                "div",
                {"class": "choice"},
                h("h3", {}, _("ui.home.welcome.create.title")),
                h("p", {}, _("ui.home.welcome.create.text", min=MIN_MEMBERS, max=MAX_MEMBERS)),
                button(_("ui.home.welcome.create"), command="go", screen="group", cls="primary"),
            ),
            h(
                "div",
                {"class": "choice"},
                h("h3", {}, _("ui.home.welcome.import.title")),
                h("p", {}, _("ui.home.welcome.import.text")),
                link(route("transfer"), _("ui.home.import"), "button"),
            ),
        ),
        h("p", {"class": "hint"}, _("ui.home.welcome.private")),
    )
