"""The opening of a session: where the previous carriers are with their action plans."""

from __future__ import annotations

from app.markup import Markup, fragment, h
from app.model import Session
from app.views.conflicts import conflicted, notice
from app.views.context import View
from app.views.editing import action_item_editor, edit_button, editing
from app.views.parts import button, classes, form, names, submit, text_field, toggle

STATUSES = ("open", "in_progress", "done", "dropped")


def items(view: View, session: Session) -> Markup:
    _ = view._
    who = names(view, session.group_id)
    pending = view.ws.open_action_items(session.group_id, before_session=session.id)
    reviewed = [a for a in view.ws.followed_up_in(session.id) if a not in pending]
    rows = []
    for item in pending + reviewed:
        meta = h("p", {"class": "meta"}, h("span", {"class": "who"}, who.get(item.owner_id, "?")), " ", _("ui.plan.due", date=view.date(item.due)) if item.due else None)
        if item.id == editing(view):
            rows.append(h("li", {"class": "entry editing"}, meta, action_item_editor(view, item)))
            continue
        scope = f"{session.id}-{item.id}"
        statuses = h(
            "div",
            {"class": "ballots", "role": "group", "aria-label": _("ui.followup.status_of", text=item.text[:60])},
            [toggle(_(f"ui.status.{s}"), "update_action_item", item.status == s and item.followup_session_id == session.id, id=item.id, session_id=session.id, status=s, comment=item.comment) for s in STATUSES],
        )
        comment = form(
            "update_action_item",
            text_field(view, _("ui.followup.comment"), "comment", scope, value=item.comment, cls="grow"),
            submit(_("ui.followup.save_comment"), cls=""),
            cls="inline-form",
            label=_("ui.followup.comment"),
            id=item.id,
            session_id=session.id,
            status=item.status,
        )
        rows.append(
            h(
                "li",
                {"class": classes("entry", conflicted=conflicted(item, "action_items"))},
                meta,
                h("p", {"class": "text"}, item.text),
                notice(view, "action_items", item),
                statuses,
                comment,
                h("div", {"class": "entry-controls"}, edit_button(view, item.id, item.text)),
            )
        )
    return fragment(
        h("h2", {}, _("ui.followup.title")),
        h("ol", {"class": "entries"}, rows) if rows else h("p", {"class": "empty"}, _("ui.followup.none")),
    )


def body(view: View, session: Session) -> Markup:
    _ = view._
    return fragment(
        h("p", {"class": "lead"}, _("ui.followup.intro")),
        items(view, session),
        h("div", {"class": "moves"}, button(_("ui.followup.finish"), "finish_followup", cls="primary", session_id=session.id)),
    )
