"""What was said at a step: the form that captures one contribution, and the list of them
with the facilitator's controls (edit, answered, out of frame, delete)."""

from __future__ import annotations

from app.markup import Markup, h
from app.model import Entry, Round, Session
from app.protocol import Step
from app.views.conflicts import conflicted, notice
from app.views.context import View
from app.views.editing import edit_button, editing, entry_editor
from app.views.lists import numbered
from app.views.parts import button, classes, form, select_field, short, submit, text_field, toggle

CONSULTANTS_ONLY = frozenset({"question", "reformulation", "intervention"})
CARRIER_SPEAKS = frozenset({"note", "synthesis"})


def authors(view: View, session: Session, round_: Round, step: Step, kind: str) -> list[tuple[str, str]]:
    """Who may say it: consultants for questions, reformulations, interventions."""
    return _speakers(view, session, round_.carrier_id, kind)


def _speakers(view: View, session: Session, carrier_id: str, kind: str) -> list[tuple[str, str]]:
    members = view.ws.attendees(session)
    return [(m.id, m.name) for m in members if not (kind in CONSULTANTS_ONLY and m.id == carrier_id)]


def current_speaker(view: View, session: Session, round_: Round, step: Step) -> str:
    order = step.speakers([m.id for m in view.ws.attendees(session)], round_.carrier_id)
    return order[round_.speaker] if 0 <= round_.speaker < len(order) else ""


def entry_form(view: View, session: Session, round_: Round, step: Step, kind: str, *, help_types: tuple[str, ...] = ()) -> Markup:
    _ = view._
    scope = f"{round_.id}-{step.key}"
    fields = []
    carrier_speaks = kind in CARRIER_SPEAKS
    if not carrier_speaks:
        options = authors(view, session, round_, step, kind)
        default = current_speaker(view, session, round_, step) or (options[0][0] if options else "")
        fields.append(select_field(view, _("ui.entry.author"), "author_id", scope, options, value=default))
    if help_types:
        options = [(t, _(f"ui.request.{t}")) for t in help_types]
        fields.append(select_field(view, _("ui.entry.help_type"), "help_type", scope, options, value=(round_.request_types or help_types)[0]))
    fields.append(text_field(view, _(f"ui.entry.{kind}.label"), "text", scope, multiline=True, required=True, cls="grow"))
    return form(
        "add_entry",
        h("div", {"class": "entry-fields"}, fields),
        submit(_(f"ui.entry.{kind}.add")),
        cls="entry-form",
        label=_(f"ui.entry.{kind}.add"),
        session_id=session.id,
        round_id=round_.id,
        kind=kind,
        step=step.key,
        author_id=round_.carrier_id if carrier_speaks else None,
    )


def entry_list(view: View, entries: list[Entry], who: dict[str, str], key: str, *, answered: bool = False, empty: str = "") -> Markup:
    """The list `key` of what was said, in the order it was said, oldest first, as the
    presentation window shows it: its latest items (app/views/lists.py)."""
    _ = view._
    if not entries:
        return h("p", {"class": "empty"}, empty or _("ui.entry.none"))
    return numbered(view, entries, key, lambda entry: _item(view, entry, who, answered), **{"class": "entries"})


def _item(view: View, entry: Entry, who: dict[str, str], answered: bool) -> Markup:
    _ = view._
    meta = [h("span", {"class": "who"}, who[entry.author_id])] if entry.author_id in who else []
    if entry.help_type:
        meta.append(h("span", {"class": "tag"}, _(f"ui.request.{entry.help_type}")))
    if entry.rating:
        meta.append(h("span", {"class": "tag rating"}, _("closing.evaluation.rating", rating=entry.rating)))
    if entry.out_of_frame:
        meta.append(h("span", {"class": "tag off"}, _("ui.entry.out_of_frame")))
    if entry.id == editing(view):
        return h("li", {"class": "entry editing"}, h("p", {"class": "meta"}, meta) if meta else None, editor(view, entry))
    controls = [
        edit_button(view, entry.id, entry.text),
        toggle(_("ui.entry.answered"), "edit_entry", entry.answered, id=entry.id, answered=str(not entry.answered).lower()) if answered else None,
        toggle(_("ui.entry.mark_out_of_frame"), "mark_out_of_frame", entry.out_of_frame, id=entry.id, out_of_frame=str(not entry.out_of_frame).lower()),
        button(_("ui.entry.delete"), "delete_entry", cls="quiet danger", id=entry.id, aria_label=_("ui.entry.delete_one", text=short(entry.text))),
    ]
    kinds = classes("entry", off=entry.out_of_frame, answered=entry.answered and answered, conflicted=conflicted(entry, "entries"))
    return h(
        "li",
        {"class": kinds},
        h("p", {"class": "meta"}, meta) if meta else None,
        h("p", {"class": "text"}, entry.text),
        notice(view, "entries", entry),
        h("div", {"class": "entry-controls"}, controls),
    )


def editor(view: View, entry: Entry) -> Markup:
    """The entry's form, with the authors and kinds of help that its add form offers."""
    session = view.ws.sessions.get(entry.session_id)
    if session is None:
        return entry_editor(view, entry, [])
    round_ = view.ws.rounds.get(entry.round_id)
    carrier = round_.carrier_id if round_ is not None else ""
    authors = [] if entry.kind in CARRIER_SPEAKS else _speakers(view, session, carrier, entry.kind)
    if authors and entry.author_id not in dict(authors):
        # nobody named, or a member since removed: the form keeps them until changed
        former = view.ws.members.get(entry.author_id)
        authors.insert(0, (entry.author_id, former.name if former is not None else "—"))
    help_types = session.protocol.request_types if entry.kind == "intervention" else ()
    return entry_editor(view, entry, authors, help_types)
