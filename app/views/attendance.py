"""Who is there: taken on the setup screen (everyone present unless said otherwise),
corrected during the session, and told in one line on the group page and in its history."""

from __future__ import annotations

from app.attendance import MIN_PRESENT, short
from app.markup import Markup, h
from app.model import PRESENCES, Group, Session
from app.views.context import View
from app.views.parts import toggle

SCOPE = "setup"


def draft_key(member_id: str) -> str:
    return f"{SCOPE}:presence.{member_id}"


def present_count(view: View, group: Group) -> int:
    """How many the setup screen counts as present so far: the plan's step times follow."""
    return sum(view.draft(draft_key(m.id), "present") == "present" for m in view.ws.members_of(group.id))


def setup_field(view: View, group: Group) -> Markup:
    """The group's members, each present, excused or absent, sent with the new session."""
    _ = view._
    rows = []
    for index, member in enumerate(view.ws.members_of(group.id)):
        current = view.draft(draft_key(member.id), "present")
        radios = [
            h(
                "label",
                {"class": "check"},
                h("input", {"type": "radio", "name": f"attendance.{index}.presence", "value": p, "data-draft": draft_key(member.id), "checked": p == current}),
                " ",
                _(f"attendance.presence.{p}"),
            )
            for p in PRESENCES
        ]
        rows.append(
            h(
                "li",
                {},
                h("input", {"type": "hidden", "name": f"attendance.{index}.member_id", "value": member.id}),
                h("fieldset", {"class": "presence"}, h("legend", {}, member.name), h("span", {"class": "choices"}, radios)),
            )
        )
    return h(
        "fieldset",
        {"class": "attendance"},
        h("legend", {}, _("attendance.legend")),
        h("p", {"class": "hint"}, _("attendance.hint")),
        h("ul", {"class": "presences"}, rows),
    )


def shortfall(view: View, session: Session) -> Markup | None:
    """At the top of the session's screens, when fewer than the minimum are present (two
    devices' corrections merged, app/attendance.py): what is short, and where to fix it."""
    missing = short(session)
    if not missing:
        return None
    return h("p", {"class": "notice", "role": "alert"},
             view._("attendance.short", n=MIN_PRESENT - missing, min=MIN_PRESENT))


def correction(view: View, session: Session) -> Markup:
    """During the session: each member's presence, changed with one press (undoable);
    opened when fewer than the minimum are present."""
    _ = view._
    rows = []
    for member in view.ws.members_of(session.group_id):
        current = session.attendance.get(member.id, "")
        buttons = [
            toggle(_(f"attendance.presence.{p}"), "set_attendance", p == current, session_id=session.id, member_id=member.id, presence=p)
            for p in PRESENCES
        ]
        rows.append(
            h(
                "li",
                {},
                h("span", {"class": "who", "id": f"presence-{member.id}"}, member.name, " ", h("span", {"class": "hint"}, _("attendance.joined_later")) if not current else None),
                h("span", {"class": "choices", "role": "group", "aria-labelledby": f"presence-{member.id}"}, buttons),
            )
        )
    return h(
        "details",
        {"class": "attendance panel", "open": bool(short(session))},
        h("summary", {}, _("attendance.correct", counts=line(view, session))),
        h("p", {"class": "hint"}, _("attendance.correct.hint")),
        h("ul", {"class": "presences"}, rows),
    )


def line(view: View, session: Session) -> str:
    """"5 present · excused: Chloé · absent: David", in the group's order."""
    _ = view._
    by_presence: dict[str, list[str]] = {p: [] for p in PRESENCES}
    members = sorted(view.ws.members.values(), key=lambda m: (m.order, m.name, m.id))
    for member in members:
        presence = session.attendance.get(member.id)
        if presence in by_presence:
            by_presence[presence].append(member.name)
    parts = [view.plural("attendance.count.present", len(by_presence["present"]))]
    parts += [_(f"attendance.{p}_names", names=", ".join(by_presence[p])) for p in ("excused", "absent") if by_presence[p]]
    return " · ".join(parts)
