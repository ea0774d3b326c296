"""Fixing what was captured, in place: an "Edit" button turns a contribution, a pitch or an
action item into a small form, whose submission is EditEntry, EditPitch or EditActionItem.

Which record is being edited is part of the address (`&edit=<id>`), so a reload keeps the
form open and the back button closes it. What is typed in it is a draft like any other
(`edit-<id>:<field>`): it survives a reload, and closing the form drops it. The shell's
"edit" and "save-edit" commands (app/web/commands/editing.py) open, close and save, and
put the focus back where the facilitator was.
"""

from __future__ import annotations

from app.markup import Child, Markup, h
from app.model import ActionItem, Entry, Pitch
from app.views.context import View
from app.views.parts import button, choice_field, field_id, form, select_field, short, submit, text_field

PARAM = "edit"
# The version of the record the form was opened on (`&seen=<stamp>/<device>`), in the address
# too, as it belongs to this tab: an edit made meanwhile in another tab then stays a conflict
# (app/actions/core.py `Records.edit`).
SEEN = "seen"


def editing(view: View) -> str:
    """The id of the record whose form is open ("" for none)."""
    return view.route.get(PARAM)


def scope(record_id: str) -> str:
    """The drafts' scope of a record's form: `edit-<id>:text`..."""
    return f"edit-{record_id}"


def button_id(record_id: str) -> str:
    return field_id("button", scope(record_id))


def edit_button(view: View, record_id: str, text: str, *, first: str = "text") -> Markup:
    """"Edit", named after what it edits; the focus goes to the form's `first` field."""
    _ = view._
    return button(
        _("ui.edit.open"),
        command="edit",
        cls="quiet",
        ident=button_id(record_id),
        id=record_id,
        focus=field_id(first, scope(record_id)),
        aria_label=_("ui.edit.open_one", text=short(text)),
    )


def _editor(view: View, record_id: str, action: str, text: str, *fields: Child) -> Markup:
    _ = view._
    return form(
        action,
        h("div", {"class": "entry-fields"}, fields),
        h(
            "div",
            {"class": "editor-buttons"},
            submit(_("ui.edit.save")),
            button(_("ui.edit.cancel"), command="edit", cls="quiet", keys="Escape", focus=button_id(record_id)),
        ),
        command="save-edit",
        cls="editor",
        label=_("ui.edit.form", text=short(text)),
        type=action,
        id=record_id,
        focus=button_id(record_id),
    )


def entry_editor(view: View, entry: Entry, authors: list[tuple[str, str]], help_types: tuple[str, ...] = ()) -> Markup:
    """Text, who said it (not for the carrier's own notes), the kind of help (interventions),
    the rating (evaluations)."""
    _ = view._
    where = scope(entry.id)
    fields = [text_field(view, _("ui.edit.text"), "text", where, multiline=True, required=entry.kind != "evaluation", value=entry.text, cls="grow")]
    if authors:
        fields.append(select_field(view, _("ui.edit.author"), "author_id", where, authors, value=entry.author_id))
    if help_types:
        options = [(t, _(f"ui.request.{t}")) for t in help_types]
        fields.append(select_field(view, _("ui.edit.help_type"), "help_type", where, options, value=entry.help_type))
    if entry.kind == "evaluation":
        ratings = [(str(n), str(n)) for n in range(1, 6)]
        fields.append(choice_field(view, _("ui.edit.rating"), "rating", where, ratings, value=str(entry.rating or "")))
    return _editor(view, entry.id, "edit_entry", entry.text, fields)


def pitch_editor(view: View, pitch: Pitch) -> Markup:
    _ = view._
    where = scope(pitch.id)
    return _editor(
        view,
        pitch.id,
        "edit_pitch",
        pitch.title,
        text_field(view, _("ui.edit.title"), "title", where, required=True, value=pitch.title, cls="grow"),
        text_field(view, _("ui.edit.text"), "text", where, multiline=True, value=pitch.text, cls="grow"),
    )


def action_item_editor(view: View, item: ActionItem) -> Markup:
    _ = view._
    where = scope(item.id)
    return _editor(
        view,
        item.id,
        "edit_action_item",
        item.text,
        text_field(view, _("ui.edit.text"), "text", where, required=True, value=item.text, cls="grow"),
        text_field(view, _("closing.plan.with_whom_label"), "with_whom", where, value=item.with_whom),
        text_field(view, _("ui.edit.due"), "due", where, kind="date", value=item.due),
    )
