"""The charter the group acknowledges before its first round (its wording follows the kind
of group: one institution, or several)."""

from __future__ import annotations

from app.markup import Markup, fragment, h
from app.model import Group, Session
from app.views.context import View
from app.views.parts import button

COMMON = ("confidential", "practice", "out_of_frame", "carrier_decides")
BY_KIND = {"institution": ("hierarchy", "outside_institution"), "cross": ("outside_cross",)}


def text(view: View, group: Group) -> Markup:
    _ = view._
    rules = [h("li", {}, _(f"ui.charter.{rule}")) for rule in COMMON + BY_KIND[group.kind]]
    return h("ul", {"class": "charter"}, rules)


def status(view: View, group: Group) -> Markup:
    _ = view._
    if group.charter_acknowledged:
        return h("p", {"class": "resolved"}, _("ui.charter.acknowledged_on", date=view.date(group.charter_acknowledged)))
    return h("p", {"class": "hint"}, _("ui.charter.not_yet"))


def body(view: View, session: Session) -> Markup:
    _ = view._
    group = view.ws.groups[session.group_id]
    return fragment(
        h("p", {"class": "lead"}, _(f"ui.charter.intro.{group.kind}")),
        text(view, group),
        status(view, group) if group.charter_acknowledged else None,
        h("div", {"class": "moves"}, button(_("ui.charter.acknowledge"), "acknowledge_charter", cls="primary", session_id=session.id, date=view.today or session.date)),
    )
