"""Opening, closing and saving the form that fixes a captured record in place
(app/views/editing.py). Which record's form is open is the address's `edit` parameter; the
focus goes to the form when it opens, and back to the record's "Edit" button when it closes.
"""

from __future__ import annotations

from typing import Any

from app.kinds import KINDS
from app.sync.merge import version
from app.views.editing import PARAM, SEEN, scope
from app.web.commands import command

COLLECTIONS = {kind.edit_action: kind.collection for kind in KINDS if kind.edit_action}  # action -> records it corrects


def _focus(element) -> str:
    """The element to focus once done (`data-focus`), "" for the screen's title."""
    return str(element.getAttribute("data-focus")) if element is not None and element.hasAttribute("data-focus") else ""


def _drafts(record_id: str) -> str:
    return scope(record_id) + ":"


@command("edit")
def edit(app, data, element) -> None:
    """Open the form of the record `id`; without one, close the open form, forgetting what
    was typed in it."""
    record_id = str(data.get("id", ""))
    open_now = app.ui.route.get(PARAM)
    if open_now and open_now != record_id:
        app.drop_drafts(_drafts(open_now))
    record = next((app.ws.collection(name)[record_id] for name in COLLECTIONS.values() if record_id in app.ws.collection(name)), None)
    seen = version(record.stamp, record.device) if record is not None else ""
    app.navigate(app.ui.route.with_params(**{PARAM: record_id, SEEN: seen}), focus=_focus(element))


@command("save-edit")
def save(app, data, element) -> None:
    """The form's fields as EditEntry, EditPitch or EditActionItem; the form closes once the
    edit is accepted (a refusal leaves it open, with the message)."""
    action = str(data.get("type", ""))
    if action not in COLLECTIONS:
        app.refuse("ui.error.unknown_command")
        return
    record_id = str(data.get("id", ""))
    fields = {k: v for k, v in data.items() if k not in ("type", "id")}
    record = app.ws.collection(COLLECTIONS[action]).get(record_id)
    closed = app.ui.route.with_params(**{PARAM: "", SEEN: ""})
    if record is not None:
        changed = {k: v for k, v in fields.items() if _shown(getattr(record, k, None)) != v}
        if not changed:
            app.drop_drafts(_drafts(record_id))
            app.navigate(closed, focus=_focus(element))
            return
        if action == "edit_entry":
            # EditEntry changes only what it is given: an evaluation's empty text, or the
            # author of a member since removed, left as they were, are not refused.
            fields = changed
    sent = tuple(k for k in app.ws.local.drafts if k.startswith(_drafts(record_id)))
    seen = app.ui.route.get(SEEN) if app.ui.route.get(PARAM) == record_id else ""
    app.dispatch({"type": action, "id": record_id, "seen": seen, **fields}, sent=sent, then=closed, focus=_focus(element), saved="closing.saved.correction")


def _shown(value: Any) -> str:
    """A record's field as its form field shows it."""
    return "" if value is None else str(value)
