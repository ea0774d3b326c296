"""The session's summaries: each member's to take home, the group's, the next date.

Route: `#/summaries?session=<id>`. Every file is made on the spot by a shell command
(app/web/commands/summaries.py) from the same pure functions the tests check: this screen
only offers them. Whether a member's summary fits a QR code is judged here, so that a
summary too long for one says so at once and offers the file instead.
"""

from __future__ import annotations

from app.summary import share
from app.markup import Markup, fragment, h
from app.model import Group, Session
from app.summary.summaries import MemberSummary, member_summaries
from app.views.context import View
from app.views.routes import Route, route
from app.views.parts import button, crumb, link, page, panel, switch


def render(view: View) -> Markup:
    _ = view._
    session = view.ws.sessions.get(view.route.get("session"))
    if session is None or session.deleted or session.group_id not in view.ws.groups:
        return page(view, _("summaries.missing"), h("p", {}, link(Route(), _("ui.nav.home"))))
    group = view.ws.groups[session.group_id]
    title = _("summaries.title", group=group.name, date=view.date(session.date))
    return page(
        view,
        title,
        h("p", {"class": "lead"}, _("summaries.intro")),
        members(view, session),
        h("div", {"class": "columns"}, h("div", {}, everyone(view, session), next_session(view, session)), h("div", {}, options(view, session, group))),
        crumbs=fragment(crumb(view, "group", group.name, id=group.id), crumb(view, "summaries", _("ui.nav.summaries"), session=session.id)),
        wide=True,
    )


def _named(view: View, label: str, name: str) -> str:
    """A button's accessible name: its visible label first (WCAG 2.5.3), then whose it is."""
    if name:
        return view._("summaries.for_member", button=label, name=name)
    return view._("summaries.for_group", button=label)


def _files(view: View, session: Session, member: str, name: str) -> Markup:
    """Download (HTML, Markdown) and print buttons for one member's summary ("" : the group's)."""
    _ = view._
    ids = {"session_id": session.id, "member_id": member or None}
    labels = (_("summaries.html"), _("summaries.markdown"), _("summaries.print"))
    return fragment(
        button(labels[0], command="summary-download", format="html", aria_label=_named(view, labels[0], name), **ids),
        button(labels[1], command="summary-download", format="md", aria_label=_named(view, labels[1], name), **ids),
        button(labels[2], command="summary-print", aria_label=_named(view, labels[2], name), **ids),
    )


def _qr(view: View, session: Session, member_id: str, summary: MemberSummary) -> Markup:
    _ = view._
    if not share.shareable(summary):
        return h("span", {"class": "hint"}, _("summaries.qr.too_long"))
    label = _("summaries.qr")
    return button(label, command="summary-qr", session_id=session.id, member_id=member_id, aria_label=_named(view, label, summary.member))


def members(view: View, session: Session) -> Markup:
    _ = view._
    rows = []
    for member_id, summary in member_summaries(view.ws, session.id, view.lang).items():
        carried = ", ".join(str(n) for n in summary.carried)
        rows.append(
            h(
                "li",
                {"class": "summary-row"},
                h("span", {"class": "who"}, summary.member),
                " ",
                h("span", {"class": "tag"}, _("summaries.carried", rounds=carried)) if carried else None,
                h(
                    "div",
                    {"class": "summary-buttons", "role": "group", "aria-label": _("summaries.of", name=summary.member)},
                    _files(view, session, member_id, summary.member),
                    _qr(view, session, member_id, summary),
                ),
            )
        )
    away = [m.name for m in view.ws.members_of(session.group_id) if session.attendance.get(m.id) in ("excused", "absent")]
    return panel(
        "summaries-members",
        _("summaries.members"),
        h("ul", {"class": "summary-list"}, rows),
        h("p", {"class": "hint"}, _("attendance.no_summary", names=", ".join(away))) if away else None,
    )


def everyone(view: View, session: Session) -> Markup:
    _ = view._
    return panel(
        "summaries-all",
        _("summaries.all"),
        h("p", {}, button(_("summaries.zip"), command="summary-zip", session_id=session.id, cls="primary")),
        h("p", {"class": "hint"}, _("summaries.zip.hint")),
        h("h3", {}, _("summaries.group")),
        h("p", {"class": "hint"}, _("summaries.group.hint")),
        h("p", {"class": "summary-buttons"}, _files(view, session, "", "")),
    )


def next_session(view: View, session: Session) -> Markup:
    _ = view._
    if session.next_date:
        when = view.date(session.next_date)
        body = fragment(
            h("p", {}, _("summaries.next.when", date=when, place=session.next_place) if session.next_place else when),
            h("p", {}, button(_("summaries.ics"), command="summary-ics", session_id=session.id)),
        )
    else:
        body = h("p", {}, _("summaries.next.none"), " ", link(route("session", id=session.id), _("summaries.next.set")))
    return panel(
        "summaries-next",
        _("summaries.next"),
        body,
    )


def options(view: View, session: Session, group: Group) -> Markup:
    """What the group chose to put in its summaries (a setting of the group, kept): each a
    switch that shows whether it is on, named after what turning it on does."""
    _ = view._
    anonymous, full = group.anonymous_summaries, group.full_summaries
    lost = _codes_lost_to_full(view, session, group) if full else 0
    return panel(
        "summaries-options",
        _("summaries.options"),
        h("p", {}, switch(view, _("summaries.option.anonymous"), "update_group", anonymous, hint="anonymous-hint",
                          id=group.id, anonymous_summaries=str(not anonymous).lower())),
        h("p", {"class": "hint", "id": "anonymous-hint"}, _("summaries.option.anonymous.hint")),
        h("p", {}, switch(view, _("summaries.option.full"), "update_group", full, hint="full-hint",
                          id=group.id, full_summaries=str(not full).lower())),
        h("p", {"class": "hint", "id": "full-hint"}, _("summaries.option.full.hint")),
        h("p", {"class": "warning"}, view.plural("summaries.option.full.lost", lost)) if lost else None,
    )


def _codes_lost_to_full(view: View, session: Session, group: Group) -> int:
    """How many members' summaries fit a QR code with only their own rounds in full, and no
    longer with every round in full: the codes this choice takes away."""
    narrow = group.model_copy(update={"full_summaries": False})
    ws = view.ws.model_copy(update={"groups": {**view.ws.groups, group.id: narrow}})
    short = member_summaries(ws, session.id, view.lang)
    whole = member_summaries(view.ws, session.id, view.lang)
    return sum(1 for m, s in whole.items() if not share.shareable(s) and m in short and share.shareable(short[m]))


def qr_dialog(view: View, name: str, svg: Markup, url: str) -> Markup:
    """The content of the dialog that shows a member's code (`svg` comes from segno)."""
    _ = view._
    return fragment(
        h("h2", {"id": "summary-qr-title"}, _("summaries.qr.title", name=name)),
        h("div", {"class": "qr-code"}, svg),  # its size in app.css (the page's CSP allows no style attribute)
        h("p", {"class": "hint"}, _("summaries.qr.hint")),
        None if share.reachable_elsewhere(url) else h("p", {"class": "error"}, _("summaries.qr.local")),
        h("p", {"class": "qr-link"}, h("a", {"href": url, "target": "_blank", "rel": "noopener"}, _("summaries.qr.open"))),
        h("form", {"method": "dialog"}, h("button", {"type": "submit", "class": "primary", "autofocus": True}, _("summaries.qr.close"))),
    )
