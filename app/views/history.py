"""A group's history: who carried which problem and when, who has not carried for long,
the action plans still open, and every session with who was there and its summaries.

Route: `#/history?group=<id>`. Newest first: the room looks back from today.
"""

from __future__ import annotations

from app.markup import Markup, fragment, h
from app.model import Group, Round, Session
from app.protocol import named
from app.views import attendance, roles, trend
from app.views.context import View
from app.views.routes import Route, route
from app.views.parts import crumb, link, page, panel


def render(view: View) -> Markup:
    _ = view._
    group = view.ws.groups.get(view.route.get("group"))
    if group is None or group.deleted:
        return page(view, _("history.missing"), h("p", {}, link(Route(), _("ui.nav.home"))))
    past = rounds_by_session(view, group)
    return page(
        view,
        _("history.title", group=group.name),
        carried(view, past),
        h("div", {"class": "columns"}, h("div", {}, members(view, group, past)), h("div", {}, sessions(view, past))),
        open_actions(view, group, past),
        trend.section(view, [s for s, _rounds in past]),
        crumbs=fragment(crumb(view, "group", group.name, id=group.id), crumb(view, "history", _("ui.nav.history"), group=group.id)),
        wide=True,
    )


History = list[tuple[Session, list[Round]]]


def rounds_by_session(view: View, group: Group) -> History:
    """The group's sessions, oldest first, each with its rounds: gathered in one pass, as
    ten years of sessions make every per-session lookup add up."""
    found: dict[str, list[Round]] = {s.id: [] for s in view.ws.sessions_of(group.id)}
    for r in view.ws.rounds.values():
        if r.session_id in found and not r.deleted:
            found[r.session_id].append(r)
    return [(s, sorted(found[s.id], key=lambda r: (r.number, r.id))) for s in view.ws.sessions_of(group.id)]


def _table(labelled_by: str, headings: list[str], rows: list[list[object]], empty: str) -> Markup:
    if not rows:
        return h("p", {"class": "empty"}, empty)
    return h(
        "table",
        {"class": "plan", "aria-labelledby": labelled_by},
        h("thead", {}, h("tr", {}, [h("th", {"scope": "col"}, text) for text in headings])),
        h("tbody", {}, [h("tr", {}, [h("td", {}, cell) for cell in row]) for row in rows]),
    )


def _name(view: View, member_id: str) -> str:
    member = view.ws.members.get(member_id)
    return member.name if member else "?"


def carried(view: View, past: History) -> Markup:
    _ = view._
    ws = view.ws
    actions: dict[str, int] = {}
    for item in ws.action_items.values():
        if not item.deleted:
            actions[item.round_id] = actions.get(item.round_id, 0) + 1
    rows = []
    for session, rounds in reversed(past):
        for r in rounds:
            if not r.carrier_id:
                continue
            pitch = ws.pitches.get(r.pitch_id)
            rows.append([view.date(session.date), str(r.number), _name(view, r.carrier_id), pitch.title if pitch else "", str(actions.get(r.id, 0))])
    heads = [_("history.col.date"), _("history.col.round"), _("history.col.carrier"), _("history.col.problem"), _("history.col.actions")]
    return panel(
        "history-carried",
        _("history.carried"),
        _table("history-carried", heads, rows, _("history.none")),
    )


def members(view: View, group: Group, past: History) -> Markup:
    """Who carried how often and when last: those who have not, first."""
    _ = view._
    people = view.ws.members_of(group.id)
    counts = {m.id: 0 for m in people}
    last = {m.id: "" for m in people}
    for session, rounds in past:
        for r in rounds:
            if r.carrier_id in counts:
                counts[r.carrier_id] += 1
                last[r.carrier_id] = max(last[r.carrier_id], session.date)
    people.sort(key=lambda m: (last[m.id], m.order))
    rows = [[m.name, str(counts[m.id]), view.date(last[m.id]) if last[m.id] else _("history.never")] for m in people]
    heads = [_("history.col.member"), _("history.col.count"), _("history.col.last")]
    return panel(
        "history-members",
        _("history.members"),
        _table("history-members", heads, rows, _("history.none")),
    )


def sessions(view: View, past: History) -> Markup:
    _ = view._
    items = [
        h(
            "li",
            {},
            link(route("session", id=s.id), view.date(s.date)),
            " ",
            h("span", {"class": "tag"}, _(f"ui.stage.{s.stage}")),
            " ",
            h("span", {"class": "hint"}, view.plural("history.session.facts", len(rounds), protocol=named(s.protocol, view._, view.lang)), " · ", attendance.line(view, s), " · ", roles.facts(view, s)),
            " ",
            link(route("summaries", session=s.id), _("history.session.summaries")),
        )
        for s, rounds in reversed(past)
    ]
    return panel(
        "history-sessions",
        _("history.sessions"),
        h("ol", {"class": "sessions"}, items) if items else h("p", {"class": "empty"}, _("history.no_session")),
    )


def open_actions(view: View, group: Group, past: History) -> Markup:
    _ = view._
    ws = view.ws
    decided = {r.id: session.date for session, rounds in past for r in rounds}
    rows = [
        [
            _name(view, a.owner_id),
            a.text,
            view.date(a.due) if a.due else "",
            _(f"summary.status.{a.status}"),
            view.date(decided.get(a.round_id, "")),
            a.comment,
        ]
        for a in ws.open_action_items(group.id)
    ]
    heads = [_("history.col.owner"), _("history.col.action"), _("history.col.due"), _("history.col.status"), _("history.col.decided"), _("history.col.comment")]
    return panel(
        "history-open",
        _("history.open"),
        _table("history-open", heads, rows, _("history.no_open")),
    )
