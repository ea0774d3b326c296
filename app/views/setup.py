"""A new session for a group: date and place (those the previous session set for it, if
any), who is there, a protocol from the library or the group's own, the number of rounds and the time
available, with the step times that follow from it."""

from __future__ import annotations

from app.markup import Markup, fragment, h
from app.model import Group
from app.protocol import DEFAULT_ID, LIBRARY, Protocol, scale
from app.views import attendance, roles, vote
from app.views.context import View
from app.views.routes import route
from app.views.parts import choice_field, crumb, form, link, page, placeholder, submit, text_field

SCOPE = "setup"


def render(view: View) -> Markup:
    _ = view._
    group = view.ws.groups.get(view.route.get("group"))
    if group is None or group.deleted:
        return placeholder(view, "setup")
    protocols = offered(view, group)
    protocol_id = view.draft(f"{SCOPE}:protocol_id", DEFAULT_ID)
    protocol = protocols.get(protocol_id, LIBRARY[DEFAULT_ID])
    untimed = [
        h("label", {"class": "check"}, h("input", {"type": "checkbox", "name": "untimed_steps[]", "value": s.key}), " ", s.title(view.lang))
        for s in protocol.steps
        if s.minutes is not None
    ]
    date, place = planned(view, group)
    body = form(
        "start_session",
        h(
            "div",
            {"class": "entry-fields"},
            text_field(view, _("ui.setup.date"), "date", SCOPE, kind="date", value=date, required=True),
            text_field(view, _("ui.setup.place"), "place", SCOPE, value=place, cls="grow"),
        ),
        attendance.setup_field(view, group),
        choice_field(view, _("ui.setup.protocol"), "protocol_id", SCOPE, [(p.id, p.name(view.lang)) for p in protocols.values()], value=DEFAULT_ID),
        h("p", {"class": "hint"}, protocol.source(view.lang), " ", link(route("protocols", group=group.id), _("protocol.ui.see_all"))),
        size_note(view, protocol, len(view.ws.members_of(group.id))),
        roles.mode_field(view, group),
        h("div", {"class": "entry-fields"}, vote.mode_fields(view, "one", 3, SCOPE)) if protocol.chooses_pitch else None,
        roles.setup_field(view, group, protocol),
        h(
            "div",
            {"class": "entry-fields"},
            text_field(view, _("ui.setup.rounds"), "planned_rounds", SCOPE, kind="number", value="3", required=True),
            text_field(view, _("ui.setup.minutes"), "available_minutes", SCOPE, kind="number", hint=_("ui.setup.minutes_hint")),
        ),
        h("details", {"class": "untimed"}, h("summary", {}, _("ui.setup.untimed")), h("div", {"class": "checks"}, untimed)),
        plan(view, group, protocol),
        submit(_("ui.setup.start")),
        go="session",
        label=_("ui.setup.title"),
        group_id=group.id,
    )
    crumbs = (crumb(view, "group", group.name, id=group.id), crumb(view, "setup", _("ui.setup.title"), group=group.id))
    return page(view, _("ui.setup.title"), body, crumbs=crumbs)


def planned(view: View, group: Group) -> tuple[str, str]:
    """The date and place the group's latest session set for this one (its date only while
    it is not past), else today and no place."""
    sessions = view.ws.sessions_of(group.id)
    if not sessions:
        return view.today, ""
    latest = sessions[-1]
    return max(latest.next_date, view.today), latest.next_place


def size_note(view: View, protocol: Protocol, members: int) -> Markup | None:
    """Said when the group is larger or smaller than the method is designed for."""
    if protocol.suits(members):
        return None
    low, high = protocol.fewest_members, protocol.most_members
    if low == high:
        text = view._("walk.setup.size_exact", size=low, members=view.plural("ui.count.members", members))
    else:
        text = view._("walk.setup.size_range", low=low, high=high, members=view.plural("ui.count.members", members))
    return h("p", {"class": "notice", "role": "note"}, text)


def _number(text: str, default: int) -> int:
    return int(text) if text.strip().isdigit() else default


def offered(view: View, group: Group) -> dict[str, Protocol]:
    """The protocols a session can run: the library's, then the group's own."""
    return {**LIBRARY, **{own.id: own.protocol for own in view.ws.protocols_of(group.id)}}


def plan(view: View, group: Group, protocol: Protocol) -> Markup:
    """The step times for those present, scaled to the time available if given."""
    _ = view._
    members = attendance.present_count(view, group)
    rounds = max(1, min(8, _number(view.draft(f"{SCOPE}:planned_rounds", "3"), 3)))
    minutes = _number(view.draft(f"{SCOPE}:available_minutes"), 0)
    if minutes >= 10:
        protocol = scale(protocol, minutes, members=members, rounds=rounds)
    rows = []
    for step in protocol.steps:
        speakers = members - 1 if step.speaker == "each_consultant" else members
        total = step.budget_minutes(speakers)
        time = _("ui.setup.untimed_step") if total is None else _("ui.setup.step_minutes", n=view.number(total))
        if step.per_person and step.minutes is not None:
            time = _("ui.setup.per_person", n=view.number(step.minutes), total=view.number(total))
        rows.append(h("tr", {}, h("th", {"scope": "row"}, step.title(view.lang)), h("td", {}, time)))
    total = protocol.session_minutes(members, rounds)
    table = h(
        "table",
        {"class": "plan"},
        h("caption", {}, _("ui.setup.plan", total=view.number(total), rounds=view.plural("ui.count.rounds", rounds), members=view.plural("attendance.count.present", members))),
        h("tbody", {}, rows),
    )
    if minutes >= 10 and total > minutes:  # scale() could not fit it: one minute a step is already more
        return fragment(h("p", {"class": "notice", "role": "note"}, _("walk.setup.too_short", total=view.number(total), minutes=minutes)), table)
    return table
