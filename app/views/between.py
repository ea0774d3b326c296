"""Between rounds: the next problem to examine (favouring who has not carried lately), a
break timer (which the room can end early), the rounds done (to go back into one and
correct it), or the move to the session's evaluation."""

from __future__ import annotations

from app import timers
from app.attendance import short as too_few_present
from app.markup import Markup, fragment, h
from app.model import Session, tabled
from app.views.conflicts import conflicted, notice
from app.views.context import View
from app.views.editing import editing, pitch_editor
from app.views.lists import numbered
from app.views.parts import button, classes, clock, names, panel, present_names, short
from app.views.steps import pitch_controls, pitch_item

BREAKS = (5, 10, 15)
ROUNDS_DONE = "rounds-done"


def body(view: View, session: Session) -> Markup:
    _ = view._
    done = [r for r in view.ws.rounds_of(session.id) if r.finished]
    protocol = session.protocol
    first = not view.ws.rounds_of(session.id)
    opening = first and protocol.chooses_pitch or (not first and protocol.chooses_pitch_each_round)
    waiting = any(tabled(p, session) for p in view.ws.parking_lot(session.group_id))
    pitches = not first and (protocol.chooses_pitch or waiting)  # no empty list for protocols without pitches
    start = _("ui.between.start_first") if first else _("walk.between.start_next")
    last = view.ws.last_carried(session.group_id)  # once: it reads every round of the group's history
    return fragment(
        h("p", {"class": "lead"}, view.plural("ui.between.progress", len(done), planned=view.plural("ui.count.planned_rounds", session.planned_rounds))),
        h("div", {"class": "moves start"}, button(start, "start_round", cls="primary", disabled=bool(too_few_present(session)), session_id=session.id)) if opening else None,
        next_pitch(view, session, last) if pitches else None,
        carriers(view, session, last, alternative=pitches and waiting) if not opening else None,
        pause(view, session),
        rounds_done(view, session, done),
        h("div", {"class": "moves"}, button(_("ui.between.to_evaluation"), "start_evaluation", session_id=session.id)),
    )


def title(view: View, session: Session) -> str:
    """The screen's title (on the projector too): during a break, when the room is back."""
    end = timers.ends_at(session.break_timer) if session.break_timer else None
    return view._("closing.break.title", time=view.time(end)) if end is not None else view._("ui.stage.between")


def rounds_done(view: View, session: Session, done: list) -> Markup | None:
    """The rounds already finished, each of which can be resumed to correct it."""
    _ = view._
    if not done:
        return None
    who = names(view, session.group_id)
    rows = []
    for r in done:
        pitch = view.ws.pitches.get(r.pitch_id)
        label = _("ui.finished.round", n=r.number, name=who.get(r.carrier_id, "?"))
        rows.append(
            h(
                "li",
                {"class": "carrier"},
                h("span", {}, label, " — ", pitch.title) if pitch is not None else h("span", {}, label),
                " ",
                button(_("closing.round.resume_one", n=r.number), "resume_round", cls="quiet", round_id=r.id),
            )
        )
    return h(
        "section",
        {"class": "panel", "aria-labelledby": ROUNDS_DONE},
        h("h2", {"id": ROUNDS_DONE, "tabindex": "-1"}, _("closing.round.done")),  # where a reopened session lands
        h("p", {}, _("closing.round.resume_hint")),
        h("ul", {"class": "carriers"}, rows),
    )


def _last(view: View, iso: str) -> str:
    return view._("ui.between.last_carried", date=view.date(iso)) if iso else view._("ui.between.never_carried")


def next_pitch(view: View, session: Session, last: dict[str, str]) -> Markup:
    _ = view._
    who = names(view, session.group_id)
    waiting = sorted((p for p in view.ws.parking_lot(session.group_id) if tabled(p, session)), key=lambda p: (last.get(p.member_id, ""), p.created))
    here = present_names(view, session)
    withdrawn = [p for p in view.ws.pitches.values() if p.group_id == session.group_id and p.withdrawn and not p.round_id and not p.deleted and tabled(p, session)]
    return panel(
        "next-pitch",
        _("ui.between.next_pitch"),
        numbered(view, waiting, f"waiting-{session.id}", lambda p: _waiting(view, session, p, who, last.get(p.member_id, ""), p.member_id in here), **{"class": "entries"})
        if waiting else h("p", {"class": "empty"}, _("ui.between.no_pitch")),
        h("h3", {}, _("ui.between.withdrawn")) if withdrawn else None,
        h("ul", {"class": "entries"}, [pitch_item(view, p, who) for p in sorted(withdrawn, key=lambda p: (p.created, p.id))]) if withdrawn else None,
    )


def _waiting(view: View, session: Session, pitch, who: dict[str, str], last: str, here: bool) -> Markup:
    """A pitch in the parking lot: whose, when they last carried, examine it now (if its
    member is present)."""
    _ = view._
    away = None if here else h("span", {"class": "tag off"}, _("attendance.not_here"))
    meta = h("p", {"class": "meta"}, h("span", {"class": "who"}, who.get(pitch.member_id, "?")), " ", h("span", {"class": "since"}, _last(view, last)), " ", away)
    if pitch.id == editing(view):
        return h("li", {"class": "entry editing"}, meta, pitch_editor(view, pitch))
    return h(
        "li",
        {"class": classes("entry", conflicted=conflicted(pitch, "pitches"))},
        meta,
        h("p", {"class": "text"}, h("strong", {}, pitch.title)),
        h("p", {"class": "text"}, pitch.text) if pitch.text else None,
        notice(view, "pitches", pitch),
        button(_("ui.between.examine"), "start_round", cls="primary", disabled=not here or bool(too_few_present(session)), session_id=session.id, pitch_id=pitch.id, aria_label=_("ui.between.examine_one", title=short(pitch.title, 60))),
        pitch_controls(view, pitch),
    )


def carriers(view: View, session: Session, last: dict[str, str], *, alternative: bool) -> Markup:
    """For protocols without pitches, or when none is left: the next carrier, directly;
    titled as the alternative to the pitches listed above it when there are some."""
    _ = view._
    members = sorted(view.ws.attendees(session), key=lambda m: (last.get(m.id, ""), m.order))
    rows = [
        h(
            "li",
            {"class": "carrier"},
            button(m.name, "start_round", disabled=bool(too_few_present(session)), session_id=session.id, carrier_id=m.id, aria_label=_("ui.between.carrier_one", name=m.name)),
            " ",
            h("span", {"class": "since"}, _last(view, last.get(m.id, ""))),
        )
        for m in members
    ]
    return panel(
        "next-carrier",
        _("ui.between.next_carrier") if alternative else _("walk.between.choose_carrier"),
        h("ul", {"class": "carriers"}, rows),
    )


def pause(view: View, session: Session) -> Markup:
    _ = view._
    starts = [button(_("ui.between.break_minutes", n=n), "start_break", session_id=session.id, minutes=n) for n in BREAKS]
    running = session.break_timer is not None
    return h(
        "section",
        {"class": "panel break", "aria-labelledby": "break"},
        h("h2", {"id": "break"}, _("ui.between.break")),
        clock(view, session.break_timer, _("ui.between.break"), cls="big") if running else None,
        h(
            "div",
            {"class": "timer-buttons"},
            button(_("closing.break.end"), "end_break", cls="primary", session_id=session.id) if running else None,
            starts,
        ),
    )
