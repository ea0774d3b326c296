"""The opening of a session: where the previous carriers are with their action plans.

Each carrier's actions together, each recalling the problem and the session it came from;
the current status of each is the pressed button. The list keeps its order while the room
answers (reviewed actions stay where they were), so a card never moves under the pointer.
"""

from __future__ import annotations

import datetime
from itertools import groupby

from app.markup import Markup, fragment, h
from app.model import ActionItem, Session, by_carrier
from app.views.conflicts import conflicted, notice
from app.views.context import View
from app.views.editing import action_item_editor, edit_button, editing
from app.views.parts import button, classes, form, short, submit, text_field, toggle

STATUSES = ("open", "in_progress", "done", "dropped")


def followed(view: View, session: Session) -> list[ActionItem]:
    """The actions this session follows up: those still open from earlier sessions, and
    those already reviewed here, by carrier (in the group's order), then by due date."""
    found = {a.id: a for a in view.ws.open_action_items(session.group_id, before_session=session.id)}
    found.update({a.id: a for a in view.ws.followed_up_in(session.id)})
    return by_carrier(list(found.values()), view.ws.members)


def _name(view: View, member_id: str) -> str:
    member = view.ws.members.get(member_id)
    return member.name if member is not None else "?"


def origin(view: View, item: ActionItem) -> Markup | None:
    """Where the action comes from: the problem examined and the session's date."""
    _ = view._
    round_ = view.ws.rounds.get(item.round_id)
    if round_ is None:
        return None
    session = view.ws.sessions.get(round_.session_id)
    pitch = view.ws.pitches.get(round_.pitch_id)
    when = view.date(session.date) if session is not None else ""
    text = _("closing.followup.origin", title=pitch.title, date=when) if pitch is not None else _("closing.followup.origin_session", date=when)
    return h("p", {"class": "origin"}, text)


def age(view: View, item: ActionItem) -> str:
    """How long ago an open action was decided: "décidée il y a 42 jours" (the group page)."""
    round_ = view.ws.rounds.get(item.round_id)
    session = view.ws.sessions.get(round_.session_id) if round_ else None
    if session is None or not view.today or not session.date:  # a file may leave the date empty
        return ""
    days = (datetime.date.fromisoformat(view.today) - datetime.date.fromisoformat(session.date)).days
    return view.plural("roles.plans.age", max(0, days))


def plan_meta(view: View, item: ActionItem) -> Markup | None:
    """With whom, by when: "avec la cadre sup · pour le 15 janv. 2027"."""
    _ = view._
    facts = [
        _("closing.plan.with_whom", names=item.with_whom) if item.with_whom else "",
        _("ui.plan.due", date=view.date(item.due)) if item.due else "",
    ]
    shown = " · ".join(f for f in facts if f)
    return h("p", {"class": "meta"}, shown) if shown else None


def _card(view: View, session: Session, item: ActionItem) -> Markup:
    _ = view._
    reviewed = item.followup_session_id == session.id
    if item.id == editing(view):
        return h("li", {"class": "entry editing"}, origin(view, item), action_item_editor(view, item))
    statuses = h(
        "div",
        {"class": "ballots", "role": "group", "aria-label": _("ui.followup.status_of", text=short(item.text, 60))},
        [toggle(_(f"ui.status.{s}"), "update_action_item", item.status == s, id=item.id, session_id=session.id, status=s, comment=item.comment) for s in STATUSES],
    )
    comment = form(
        "update_action_item",
        text_field(view, _("ui.followup.comment"), "comment", f"{session.id}-{item.id}", value=item.comment, cls="grow"),
        submit(_("ui.followup.save_comment"), cls=""),
        cls="inline-form",
        label=_("closing.followup.comment_of", text=short(item.text, 60)),
        id=item.id,
        session_id=session.id,
        status=item.status,
        saved="closing.saved.comment",
    )
    return h(
        "li",
        {"class": classes("entry", reviewed=reviewed, conflicted=conflicted(item, "action_items"))},
        h("p", {"class": "text"}, h("strong", {}, item.text), " ", h("span", {"class": "tag reviewed"}, _("closing.followup.reviewed")) if reviewed else None),
        plan_meta(view, item),
        origin(view, item),
        notice(view, "action_items", item),
        h("div", {"class": "followup-controls"}, statuses, comment, edit_button(view, item.id, item.text)),
    )


def items(view: View, session: Session) -> Markup:
    _ = view._
    carriers = []
    for owner, own in groupby(followed(view, session), key=lambda a: a.owner_id):
        anchor = f"carrier-{owner}"
        carriers.append(
            h(
                "section",
                {"class": "carrier-plan", "aria-labelledby": anchor},
                h("h3", {"id": anchor}, _name(view, owner)),
                h("ol", {"class": "entries"}, [_card(view, session, a) for a in own]),
            )
        )
    return fragment(
        h("h2", {}, _("ui.followup.title")),
        fragment(*carriers) if carriers else h("p", {"class": "empty"}, _("ui.followup.none")),
    )


def body(view: View, session: Session) -> Markup:
    _ = view._
    return fragment(
        h("p", {"class": "lead"}, _("ui.followup.intro")),
        items(view, session),
        h("div", {"class": "moves"}, button(_("ui.followup.finish"), "finish_followup", cls="primary", session_id=session.id)),
    )
