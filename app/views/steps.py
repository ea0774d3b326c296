"""The capture area of each kind of step (the protocol says what a step captures)."""

from __future__ import annotations

from app.markup import Markup, fragment, h
from app.model import ActionItem, Entry, Pitch, Round, Session
from app.protocol import ENTRY_CAPTURE, Step
from app.views import evaluation, followup
from app.views.conflicts import conflicted, notice
from app.views.context import View
from app.views.editing import action_item_editor, edit_button, editing, pitch_editor
from app.views.entries import current_speaker, editor, entry_form, entry_list
from app.views.lists import numbered
from app.views.parts import button, classes, form, names, present_names, select_field, short, submit, text_field, toggle

# The steps whose contributions this module lists (the synthesis and the evaluation have
# screens of their own): capture -> the kind of entry it captures.
ENTRY_KINDS = {capture: kind for kind, capture in ENTRY_CAPTURE.items() if capture not in ("synthesis", "evaluation")}


def capture(view: View, session: Session, round_: Round, step: Step) -> Markup:
    _ = view._
    who = names(view, session.group_id)
    if step.capture in ENTRY_KINDS:
        kind = ENTRY_KINDS[step.capture]
        said = [e for e in view.ws.entries_of(round_.id, kind) if e.step in ("", step.key)]
        help_types = session.protocol.request_types if kind == "intervention" else ()
        return fragment(
            h("h2", {}, _(f"ui.capture.{step.capture}")),
            request_reminder(view, session, round_) if kind == "intervention" else None,
            entry_form(view, session, round_, step, kind, help_types=help_types),
            entry_list(view, said, who, f"{round_.id}-{step.key}", answered=kind == "question"),
        )
    if step.capture == "pitches":
        return pitches(view, session, round_, step, who)
    if step.capture == "vote":
        from app.views import vote  # the choice step builds on this module's pitch parts

        return vote.body(view, session, round_)
    if step.capture == "contract":
        return contract(view, session, round_, who)
    if step.capture == "synthesis":
        return synthesis(view, session, round_, step, who)
    if step.capture == "followup":
        return followup.items(view, session)
    if step.capture == "evaluation":
        return fragment(h("h2", {}, _("walk.capture.evaluation")), evaluation.capture(view, session))
    return h("p", {"class": "empty"}, _("ui.capture.none"))


def pitches(view: View, session: Session, round_: Round, step: Step, who: dict[str, str]) -> Markup:
    _ = view._
    pitched = view.ws.pitches_of(session.id)
    return fragment(
        h("h2", {}, _("ui.capture.pitches")),
        carried_over(view, session, who),
        pitch_form(view, session, who, current_speaker(view, session, round_, step)),
        numbered(view, pitched, f"pitches-{session.id}", lambda p: pitch_item(view, p, who, delete=True), **{"class": "entries"})
        if pitched else h("p", {"class": "empty"}, _("ui.entry.none")),
        controls_hint(view) if pitched else None,
    )


def pitch_form(view: View, session: Session, who: dict[str, str], speaker: str = "") -> Markup:
    """The form that notes a member's problem, for those who have none on the table yet
    (a problem carried over from an earlier session counts: its owner updates it)."""
    _ = view._
    taken = {p.member_id for p in view.ws.pitches_of(session.id)}
    taken |= {p.member_id for p in view.ws.carried_over(session.id) if not (p.round_id or p.withdrawn)}
    waiting = [m for m in present_names(view, session) if m not in taken]
    if not waiting:
        return h("p", {"class": "empty"}, _("ui.pitch.all_done"))
    scope = f"{session.id}-pitch"
    return form(
        "add_pitch",
        h(
            "div",
            {"class": "entry-fields"},
            select_field(view, _("ui.pitch.member"), "member_id", scope, [(m, who[m]) for m in waiting], value=speaker if speaker in waiting else waiting[0]),
            text_field(view, _("ui.pitch.title"), "title", scope, required=True, cls="grow"),
        ),
        text_field(view, _("ui.pitch.text"), "text", scope, multiline=True),
        submit(_("ui.pitch.add")),
        cls="entry-form",
        label=_("ui.pitch.add"),
        session_id=session.id,
    )


def carried_over(view: View, session: Session, who: dict[str, str]) -> Markup | None:
    """Problems still waiting from earlier sessions, for their owners to keep as they are,
    update or withdraw before the group chooses."""
    _ = view._
    earlier = [p for p in view.ws.carried_over(session.id) if not p.round_id]
    if not earlier:
        return None
    return h(
        "section",
        {"class": "carried-over", "aria-labelledby": f"carried-{session.id}"},
        h("h3", {"id": f"carried-{session.id}"}, _("walk.pitch.carried_over")),
        h("p", {"class": "hint"}, _("walk.pitch.carried_over_hint")),
        numbered(view, earlier, f"carried-{session.id}", lambda p: pitch_item(view, p, who), **{"class": "entries"}),
    )


def controls_hint(view: View) -> Markup:
    """What "withdraw" and "delete" do, said once beside the list rather than on each pitch."""
    return h("p", {"class": "hint"}, view._("walk.pitch.controls_hint"))


def pitch_item(view: View, pitch: Pitch, who: dict[str, str], *, delete: bool = False) -> Markup:
    """A pitch in a list: who, its title and text, and the controls to fix or withdraw it."""
    _ = view._
    meta = h("p", {"class": "meta"}, h("span", {"class": "who"}, who.get(pitch.member_id, "?")), since_tag(view, pitch), withdrawn_tag(view, pitch))
    if pitch.id == editing(view):
        return h("li", {"class": "entry editing"}, meta, pitch_editor(view, pitch))
    return h(
        "li",
        {"class": classes("entry", withdrawn=pitch.withdrawn, conflicted=conflicted(pitch, "pitches"))},
        meta,
        h("p", {"class": "text"}, h("strong", {}, pitch.title)),
        h("p", {"class": "text"}, pitch.text) if pitch.text else None,
        notice(view, "pitches", pitch),
        pitch_controls(view, pitch, delete=delete),
    )


def withdrawn_tag(view: View, pitch: Pitch) -> Markup | None:
    return h("span", {"class": "tag off"}, view._("ui.pitch.withdrawn")) if pitch.withdrawn else None


def since_tag(view: View, pitch: Pitch) -> Markup | None:
    """The date of the session where a pitch carried over was made; None for the running one's."""
    session = view.ws.sessions.get(pitch.session_id)
    if session is None or session.stage != "finished":
        return None
    return h("span", {"class": "tag"}, view._("ui.vote.earlier", date=view.date(session.date)))


def pitch_controls(view: View, pitch: Pitch, *, delete: bool = False) -> Markup:
    """Edit; withdraw or put back (while no round has taken it); delete (step 1 only)."""
    _ = view._
    title = short(pitch.title)
    if pitch.round_id:
        withdraw = None
    elif pitch.withdrawn:
        withdraw = button(_("ui.pitch.restore"), "withdraw_pitch", cls="quiet", id=pitch.id, withdrawn="false", aria_label=_("ui.pitch.restore_one", title=title))
    else:
        withdraw = button(_("ui.pitch.withdraw"), "withdraw_pitch", cls="quiet", id=pitch.id, withdrawn="true", aria_label=_("ui.pitch.withdraw_one", title=title))
    return h(
        "div",
        {"class": "entry-controls"},
        edit_button(view, pitch.id, pitch.title, first="title"),
        withdraw,
        button(_("walk.pitch.delete"), "delete_pitch", cls="quiet danger", id=pitch.id, aria_label=_("walk.pitch.delete_one", title=title)) if delete else None,
    )


def request_reminder(view: View, session: Session, round_: Round) -> Markup | None:
    _ = view._
    chosen = view.ws.entries.get(round_.reformulation_id)
    if not chosen and not round_.request_types:
        return None
    kinds = ", ".join(_(f"ui.request.{t}") for t in round_.request_types)
    return h(
        "div",
        {"class": "reminder"},
        h("p", {}, h("strong", {}, _("ui.contract.chosen")), " ", chosen.text) if chosen else None,
        h("p", {}, h("strong", {}, _("ui.contract.request")), " ", kinds, " — " if round_.request and kinds else "", round_.request) if kinds or round_.request else None,
    )


def contract(view: View, session: Session, round_: Round, who: dict[str, str]) -> Markup:
    _ = view._
    proposals = [e for e in view.ws.entries_of(round_.id, "reformulation") if not e.out_of_frame]
    scope = f"{round_.id}-contract"
    boxes = [
        h(
            "label",
            {"class": "check"},
            h("input", {"type": "checkbox", "name": "request_types[]", "value": t, "checked": t in round_.request_types}),
            " ",
            _(f"ui.request.{t}"),
        )
        for t in session.protocol.request_types
    ]
    request = form(
        "set_contract",
        h("fieldset", {"class": "checks"}, h("legend", {}, _("ui.contract.types")), boxes),
        text_field(view, _("ui.contract.request_text"), "request", scope, multiline=True, value=round_.request),
        submit(_("ui.contract.save")),
        cls="entry-form",
        label=_("ui.contract.save"),
        round_id=round_.id,
        saved="closing.saved.request",
    )
    return fragment(
        h("h2", {}, _("ui.capture.contract")),
        h("h3", {}, _("ui.contract.reformulations")),
        numbered(view, proposals, f"contract-{round_.id}", lambda e: _proposal(view, round_, e, who), **{"class": "entries"})
        if proposals else h("p", {"class": "empty"}, _("ui.contract.no_reformulation")),
        request,
        notice(view, "rounds", round_),
        request_reminder(view, session, round_),
    )


def _proposal(view: View, round_: Round, entry: Entry, who: dict[str, str]) -> Markup:
    """A reformulation the carrier may choose (and the facilitator fix)."""
    _ = view._
    meta = h("p", {"class": "meta"}, h("span", {"class": "who"}, who.get(entry.author_id, "")))
    if entry.id == editing(view):
        return h("li", {"class": "entry editing"}, meta, editor(view, entry))
    chosen = entry.id == round_.reformulation_id
    return h(
        "li",
        {"class": classes("entry", chosen=chosen, conflicted=conflicted(entry, "entries"))},
        meta,
        h("p", {"class": "text"}, entry.text),
        notice(view, "entries", entry),
        h(
            "div",
            {"class": "entry-controls"},
            toggle(_("screen.reformulation.chosen" if chosen else "ui.contract.choose"), "choose_reformulation", chosen, round_id=round_.id, entry_id=entry.id),
            edit_button(view, entry.id, entry.text),
        ),
    )


def synthesis(view: View, session: Session, round_: Round, step: Step, who: dict[str, str]) -> Markup:
    _ = view._
    kept = [e for e in view.ws.entries_of(round_.id, "synthesis") if e.step in ("", step.key)]
    scope = f"plan-{round_.id}"  # not "{round}-…": that is the scope of a step's own form, and steps are keyed "action" (action learning), "action-plan" (Payette)
    plan = view.ws.action_items_of(round_.id)
    add = form(
        "add_action_item",
        h(
            "div",
            {"class": "entry-fields"},
            text_field(view, _("ui.plan.text"), "text", scope, required=True, cls="grow"),
            text_field(view, _("closing.plan.with_whom_label"), "with_whom", scope),
            text_field(view, _("ui.plan.due_label"), "due", scope, kind="date"),
        ),
        submit(_("ui.plan.add")),
        cls="entry-form",
        label=_("ui.plan.add"),
        round_id=round_.id,
    )
    return fragment(
        h("h2", {}, _("ui.capture.synthesis")),
        entry_form(view, session, round_, step, "synthesis"),
        entry_list(view, kept, who, f"{round_.id}-{step.key}"),
        h("h3", {}, _("ui.plan.title")),
        add,
        numbered(view, plan, scope, lambda item: _plan_item(view, item), **{"class": "entries"}) if plan else h("p", {"class": "empty"}, _("ui.plan.none")),
    )



def _plan_item(view: View, item: ActionItem) -> Markup:
    _ = view._
    if item.id == editing(view):
        return h("li", {"class": "entry editing"}, action_item_editor(view, item))
    return h(
        "li",
        {"class": classes("entry", conflicted=conflicted(item, "action_items"))},
        h("p", {"class": "text"}, item.text),
        followup.plan_meta(view, item),
        notice(view, "action_items", item),
        h(
            "div",
            {"class": "entry-controls"},
            edit_button(view, item.id, item.text),
            button(_("ui.entry.delete"), "delete_action_item", cls="quiet danger", id=item.id, aria_label=_("ui.entry.delete_one", text=short(item.text))),
        ),
    )
