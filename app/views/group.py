"""A group: create it (4 to 8 members, one institution or several), then edit it, read its
charter, see its sessions (their protocol, who was there, who carried which problem), and its
open action plans."""

from __future__ import annotations

from app.markup import Markup, h
from app.model import MAX_MEMBERS, MIN_MEMBERS, Group
from app.protocol import named
from app.views import attendance, charter, followup, roles
from app.views.conflicts import notice
from app.views.context import View
from app.views.routes import route
from app.views.parts import button, choice_field, crumb, form, link, names, page, panel, submit, text_field


def render(view: View) -> Markup:
    group = view.ws.groups.get(view.route.get("id"))
    if group is None or group.deleted:
        return create(view)
    return edit(view, group)


def _kinds(view: View) -> list[tuple[str, str]]:
    return [("institution", view._("ui.group.kind.institution")), ("cross", view._("ui.group.kind.cross"))]


def create(view: View) -> Markup:
    _ = view._
    scope = "new-group"
    rows = [
        text_field(view, _("ui.group.member_n", n=i + 1), f"members.{i}.name", scope, required=i < MIN_MEMBERS, cls="member")
        for i in range(MAX_MEMBERS)
    ]
    body = form(
        "create_group",
        text_field(view, _("ui.group.name"), "name", scope, required=True),
        choice_field(view, _("ui.group.kind"), "kind", scope, _kinds(view), value="cross"),
        h("fieldset", {"class": "members"}, h("legend", {}, _("ui.group.members_range", min=MIN_MEMBERS, max=MAX_MEMBERS)), h("div", {"class": "member-grid"}, rows)),
        submit(_("ui.group.create")),
        go="group",
        label=_("ui.group.new"),
    )
    return page(view, _("ui.group.new"), body, crumbs=crumb(view, "group", _("ui.group.new")))


def edit(view: View, group: Group) -> Markup:
    _ = view._
    running = [s for s in view.ws.sessions_of(group.id) if s.stage != "finished"]
    actions = h(
        "ul",
        {"class": "links"},
        h("li", {}, link(route("session", id=running[-1].id), _("ui.home.continue"), "button primary")) if running else None,
        h("li", {}, link(route("setup", group=group.id), _("ui.group.new_session"), "button" if running else "button primary")),
        h("li", {}, link(route("history", group=group.id), _("ui.nav.history"), "button")),
        h("li", {}, link(route("protocols", group=group.id), _("protocol.ui.title"), "button")),
        h("li", {}, link(route("transfer", group=group.id), _("ui.nav.transfer"), "button")),
    )
    return page(
        view,
        group.name,
        actions,
        h(
            "div",
            {"class": "columns"},
            h("div", {}, settings(view, group), members(view, group)),
            h("div", {}, history(view, group), plans(view, group), charter_panel(view, group)),
        ),
        crumbs=crumb(view, "group", group.name, id=group.id),
    )


def settings(view: View, group: Group) -> Markup:
    _ = view._
    scope = f"{group.id}-settings"
    return panel(
        "group-settings",
        _("ui.group.settings"),
        form(
            "update_group",
            text_field(view, _("ui.group.name"), "name", scope, value=group.name, required=True),
            choice_field(view, _("ui.group.kind"), "kind", scope, _kinds(view), value=group.kind),
            submit(_("ui.group.save"), cls=""),
            label=_("ui.group.settings"),
            id=group.id,
        ),
        notice(view, "groups", group),
    )


def members(view: View, group: Group) -> Markup:
    _ = view._
    people = view.ws.members_of(group.id)
    rows = [
        h(
            "li",
            {"class": "member-row"},
            form(
                "rename_member",
                text_field(view, _("ui.group.member_name", name=m.name), "name", f"{m.id}-rename", value=m.name, required=True, cls="grow"),
                submit(_("ui.group.rename"), cls="quiet"),
                cls="inline-form",
                label=_("ui.group.member_name", name=m.name),
                id=m.id,
            ),
            button(_("ui.group.remove"), "remove_member", cls="quiet danger", id=m.id, disabled=len(people) <= MIN_MEMBERS, aria_label=_("ui.group.remove_one", name=m.name)),
            notice(view, "members", m),
        )
        for m in people
    ]
    add = form(
        "add_member",
        text_field(view, _("ui.group.new_member"), "name", f"{group.id}-add-member", required=True, cls="grow"),
        submit(_("ui.group.add"), cls=""),
        cls="inline-form",
        label=_("ui.group.new_member"),
        group_id=group.id,
    )
    return panel(
        "group-members",
        _("ui.group.members_count", n=len(people)),
        h("p", {"class": "hint"}, _("ui.group.members_range", min=MIN_MEMBERS, max=MAX_MEMBERS)),
        h("ul", {"class": "member-list"}, rows),
        add if len(people) < MAX_MEMBERS else h("p", {"class": "hint"}, _("ui.group.full", max=MAX_MEMBERS)),
    )


SHOWN_SESSIONS = 12  # the latest; the history page has them all


def history(view: View, group: Group) -> Markup:
    _ = view._
    who = names(view, group.id)
    sessions = view.ws.sessions_of(group.id)
    rows = []
    for session in reversed(sessions[-SHOWN_SESSIONS:]):  # only those shown: ten years are forty
        carried = [
            h("li", {}, who.get(r.carrier_id, "?"), " — ", view.ws.pitches[r.pitch_id].title if r.pitch_id in view.ws.pitches else "")
            for r in view.ws.rounds_of(session.id)
            if r.carrier_id
        ]
        rows.append(
            h(
                "li",
                {},
                link(route("session", id=session.id), view.date(session.date)),
                " ",
                h("span", {"class": "tag"}, _(f"ui.stage.{session.stage}")),
                h("p", {"class": "hint"}, named(session.protocol, view._, view.lang), " · ", attendance.line(view, session), " · ", roles.facts(view, session)),
                h("ul", {"class": "carried"}, carried) if carried else None,
            )
        )
    return panel(
        "group-sessions",
        _("ui.group.sessions"),
        h("ol", {"class": "sessions"}, rows) if rows else h("p", {"class": "empty"}, _("ui.group.no_session")),
        link(route("history", group=group.id), _("ui.group.all_history")) if len(sessions) > SHOWN_SESSIONS else None,
    )


def plans(view: View, group: Group) -> Markup:
    _ = view._
    who = names(view, group.id)
    items = [
        h(
            "li",
            {},
            h("span", {"class": "who"}, who.get(a.owner_id, "?")), " ", a.text, " ",
            h("span", {"class": "tag"}, _(f"ui.status.{a.status}")), " ",
            _("ui.plan.due", date=view.date(a.due)) if a.due else None,
            h("span", {"class": "hint"}, " · ", followup.age(view, a)),
        )
        for a in view.ws.open_action_items(group.id)
    ]
    return panel(
        "group-plans",
        _("ui.group.open_plans"),
        h("ul", {"class": "plans"}, items) if items else h("p", {"class": "empty"}, _("ui.plan.none")),
    )


def charter_panel(view: View, group: Group) -> Markup:
    _ = view._
    return panel(
        "group-charter",
        _("ui.charter.title"),
        charter.text(view, group),
        charter.status(view, group),
    )


