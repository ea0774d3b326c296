"""The choice step: the problems on the table and the group's vote (app/voting.py).

Compact, so that six to eight problems and their ballots fit a 1280x720 projector without
scrolling: each card holds its letter, its count, its title and owner, one button per
member present and "Choose". Cards keep the order the problems were pitched in: nothing
moves while the room votes. Keyboard: a digit picks who votes (`&voter=<id>` in the
address, so the choice survives a render), then a problem's letter casts their vote.
"""

from __future__ import annotations

from string import ascii_uppercase
from typing import get_args

from app import voting
from app.markup import Markup, fragment, h
from app.model import Pitch, Round, Session, Vote, VotingMode
from app.views.conflicts import conflicted, notice
from app.views.context import View
from app.views.editing import editing, pitch_editor
from app.views.lists import numbered
from app.views.parts import button, classes, form, link, names, present_names, select_field, short, submit
from app.views.steps import controls_hint, pitch_controls, pitch_form, since_tag, withdrawn_tag

VOTER = "voter"  # the address parameter: the member whose votes the keyboard casts
MODES: tuple[str, ...] = get_args(VotingMode)


def standing(view: View, session: Session, round_: Round) -> tuple[list[Pitch], list[Vote], list[Pitch], dict[str, str]]:
    """What both screens show: the problems on the table, the open ballot's votes, the
    problems tied at the top while the group has not chosen (none while a vote is
    secret), and each problem's letter."""
    on_table = voting.on_table(view.ws, session, round_)
    votes = voting.cast(view.ws, session, round_)
    candidates = [p for p in on_table if not p.withdrawn and voting.in_ballot(round_, p)]
    tied = [] if voting.hidden(session, round_) or round_.pitch_id else voting.tied(votes, candidates)
    letters = {p.id: ascii_uppercase[n] for n, p in enumerate(on_table) if n < len(ascii_uppercase)}
    return on_table, votes, tied, letters


def body(view: View, session: Session, round_: Round) -> Markup:
    _ = view._
    who = names(view, session.group_id)
    on_table, votes, tied, letters = standing(view, session, round_)
    voters = present_names(view, session)
    voter = view.route.get(VOTER) if view.route.get(VOTER) in voters else ""
    cards = bool(on_table)
    chosen = view.ws.pitches.get(round_.pitch_id)
    pitched_before = any(s.capture == "pitches" for s in session.protocol.steps[: round_.step])
    if chosen:
        status = h("p", {"class": "resolved"}, _("ui.vote.confirmed", title=chosen.title, name=who.get(chosen.member_id, "?")))
    else:
        status = h("p", {"class": "hint"}, _("ui.vote.hint") if cards else _("walk.vote.note_first"))
    noting = None
    if not pitched_before:
        noting = h("section", {"class": "noting", "aria-labelledby": f"noting-{round_.id}"}, h("h3", {"id": f"noting-{round_.id}"}, _("walk.vote.note_pitch")), pitch_form(view, session, who))
    # The status under the cards while the room votes, so that six to eight cards fit the
    # screen; above them once the group has chosen.
    return fragment(
        h("h2", {}, _("ui.capture.vote")),
        _bar(view, session, round_, voters, voter, _progress(view, session, round_, votes, voters, tied, letters) if cards else None),
        status if chosen or not cards else None,
        # A hostile file's hundreds of problems: the latest shown, the rest a click away.
        numbered(view, on_table, f"vote-{round_.id}", lambda p: _card(view, session, round_, p, who, votes, letters, voter, tied), **{"class": "pitches"})
        if cards else (h("p", {"class": "empty"}, _("ui.vote.no_pitch")) if pitched_before else None),
        status if cards and not chosen else None,
        controls_hint(view) if cards else None,
        noting,
    )


def _bar(view: View, session: Session, round_: Round, voters: dict[str, str], voter: str, progress: list[Markup] | None) -> Markup:
    """Above the cards, so that it stays in view: how the group votes (changeable until a
    vote is cast) and where the vote stands; who votes from the keyboard."""
    _ = view._
    cast = any(v.session_id == session.id and not v.deleted for v in view.ws.votes.values())
    mode = h("span", {"class": "mode"}, mode_text(view, session))
    if cast:
        setting = mode
    else:
        setting = form(
            "set_voting",
            mode_fields(view, session.voting, session.dots, f"{session.id}-voting"),
            submit(_("vote.mode.apply"), cls="quiet"),
            cls="voting inline",
            label=_("vote.mode.legend"),
            session_id=session.id,
        )
    first = first_names(voters)
    keys = [
        link(view.route.with_params(**{VOTER: member}), f"{n} {first[member]}", cls="voter", **{"aria-keyshortcuts": str(n), "aria-current": "true" if member == voter else None})
        for n, member in enumerate(voters, 1)
        if n <= 9
    ]
    hint = _("vote.keys.hint_dots" if session.voting == "dots" else "vote.keys.hint")
    keyboard = h("p", {"class": "keys"}, h("span", {"class": "hint"}, hint), " ", keys) if progress is not None else None
    state = h("div", {"class": "vote-state"}, setting, h("span", {"class": "progress", "role": "status"}, progress))
    return h("div", {"class": "vote-bar"}, state, keyboard)


def mode_text(view: View, session: Session) -> str:
    return view._(f"vote.mode.{session.voting}", count=session.dots)


def mode_fields(view: View, mode: str, dots: int, scope: str) -> Markup:
    """The mode and the number of dots, as two small menus (one line on the step)."""
    _ = view._
    return fragment(
        select_field(view, _("vote.mode.legend"), "voting", scope, [(m, _(f"vote.mode.option.{m}")) for m in MODES], value=mode),
        select_field(view, _("vote.mode.dots_label"), "dots", scope, [(str(n), str(n)) for n in (2, 3)], value=str(dots)),
    )


def _progress(view: View, session: Session, round_: Round, votes: list[Vote], voters: dict[str, str], tied: list[Pitch], letters: dict[str, str]) -> list[Markup]:
    """Where the vote stands: how many have voted (a secret vote, with the button that
    reveals it), a second vote under way, a tie and the ways to settle it."""
    _ = view._
    lines = []
    if round_.runoff:
        lines.append(h("span", {}, _("vote.runoff.on", n=round_.ballot + 1)))
    if voting.hidden(session, round_):
        done = {v.member_id for v in votes}
        who = ", ".join(first_names(voters)[m] for m in voters if m in done)
        lines.append(h("span", {}, view.plural("vote.secret.voted", len(done), total=len(voters)), _("summary.colon") + who if who else ""))
        lines.append(button(_("vote.secret.reveal"), "reveal_votes", cls="primary", round_id=round_.id))
    if tied:
        named = ", ".join(letters.get(p.id, "") for p in tied)
        lines.append(h("strong", {"class": "tie"}, _("vote.tie.between", letters=named)))
        lines.append(button(_("vote.tie.runoff"), "start_runoff", round_id=round_.id))
    return lines


def _card(view: View, session: Session, round_: Round, pitch: Pitch, who: dict[str, str], votes: list[Vote], letters: dict[str, str], voter: str, tied: list[Pitch]) -> Markup:
    """One problem, compact: its letter and count; its owner, title and controls on one
    line; the members' ballots and the group's choice on the next. A withdrawn one only
    waits to be put back; one outside a second vote keeps its place, without ballots."""
    _ = view._
    letter = letters.get(pitch.id, "")
    hidden = voting.hidden(session, round_)
    mine = [v for v in votes if v.pitch_id == pitch.id]
    counted = voting.in_ballot(round_, pitch)
    if hidden:
        tally = h("p", {"class": "tally", "aria-label": _("vote.secret.hidden")}, "?")
    elif counted:
        tally = h("p", {"class": "tally", "aria-label": view.plural("ui.vote.count", len(mine))}, len(mine))
    else:
        tally = h("p", {"class": "tally out"}, "–")
    key = h("span", {"class": "letter", "aria-hidden": "true"}, letter) if letter else None
    if pitch.id == editing(view):
        meta = h("p", {"class": "meta"}, h("span", {"class": "who"}, who.get(pitch.member_id, "?")), since_tag(view, pitch), withdrawn_tag(view, pitch))
        return h("li", {"class": "pitch editing"}, tally, h("div", {"class": "pitch-body"}, meta, pitch_editor(view, pitch)))
    first = first_names(who)
    is_chosen = pitch.id == round_.pitch_id
    carried = h("span", {"class": "tag"}, _("walk.vote.carried")) if pitch.session_id != session.id else None
    tie = h("span", {"class": "tag tie"}, _("vote.tie.tag")) if pitch in tied else None
    head = h(
        "div",
        {"class": "pitch-head"},
        h("p", {"class": "text"}, key, " " if key else None, carried, tie, withdrawn_tag(view, pitch), " ", h("span", {"class": "who"}, first.get(pitch.member_id, "?")), _("summary.colon"), h("span", {}, pitch.title)),
        pitch_controls(view, pitch),
    )
    vote = None
    if not pitch.withdrawn:
        ballots = None
        if counted:
            buttons = [_ballot(view, session, round_, pitch, member, first[member], votes, letter if member == voter else "") for member in present_names(view, session)]
            ballots = h("div", {"class": "ballots", "role": "group", "aria-label": _("ui.vote.who", title=pitch.title)}, buttons)
        choose = (
            button(_("ui.vote.chosen"), "choose_pitch", round_id=round_.id, pitch_id=pitch.id, aria_pressed="true")
            if is_chosen
            else button(_("walk.vote.choose"), "choose_pitch", cls="primary", round_id=round_.id, pitch_id=pitch.id, aria_pressed="false", aria_label=_("walk.vote.choose_one", title=short(pitch.title)))
        )
        vote = h("div", {"class": "pitch-vote"}, ballots, choose)
    return h(
        "li",
        {"class": classes("pitch", chosen=is_chosen, withdrawn=pitch.withdrawn, tied=pitch in tied, out=not counted, conflicted=conflicted(pitch, "pitches"))},
        tally,
        h("div", {"class": "pitch-body"}, head, notice(view, "pitches", pitch), vote),
    )


def _ballot(view: View, session: Session, round_: Round, pitch: Pitch, member: str, name: str, votes: list[Vote], letter: str) -> Markup:
    """A member's control on a card: their vote (pressed or not), their dots here (one more,
    and one fewer beside once there is one), or, while a vote is secret, a plain button that
    casts it and shows nothing. `letter` is the card's key when this member votes from the
    keyboard."""
    _ = view._
    title = short(pitch.title)
    theirs = [v for v in votes if v.member_id == member]
    here = sum(v.pitch_id == pitch.id for v in theirs)
    payload = {"pitch_id": pitch.id, "member_id": member, "session_id": session.id}
    keys = letter or None
    if session.voting == "dots":
        left = session.dots - len(theirs)
        add = _press(f"{name} {'●' * here}".rstrip(), "add_dot", here > 0, keys, disabled=left <= 0, aria_label=_("vote.dots.add", name=name, title=title, here=here, left=left), **payload)
        remove = _press("−", "remove_dot", None, f"Shift+{letter}" if letter else None, aria_label=_("vote.dots.remove", name=name, title=title), **payload) if here else None
        return h("span", {"class": classes("dots", keyed=bool(letter))}, add, remove)
    if voting.hidden(session, round_):
        return _press(name, "toggle_vote", None, keys, keyed=bool(letter), aria_label=_("vote.secret.cast", name=name, title=title), **payload)
    return _press(name, "toggle_vote", here > 0, keys, keyed=bool(letter), disabled=session.voting == "secret", **payload)


def _press(label: str, action: str, pressed: bool | None, keys: str | None, *, keyed: bool = False, disabled: bool = False, aria_label: str | None = None, **payload: str) -> Markup:
    attrs = {
        "type": "button",
        "class": classes("quiet", keyed=keyed),
        "data-action": action,
        "aria-pressed": None if pressed is None else str(pressed).lower(),
        "aria-keyshortcuts": keys,
        "aria-label": aria_label,
        "disabled": disabled,
        **{f"data-{k.replace('_', '-')}": v for k, v in payload.items()},
    }
    return h("button", attrs, label)


def first_names(who: dict[str, str]) -> dict[str, str]:
    """Each member by first name, the whole name where two share one: the ballots of
    six or eight members then hold on one line."""
    first = {member: name.split()[0] if name.split() else name for member, name in who.items()}
    taken = list(first.values())
    return {member: name if taken.count(name) == 1 else who[member] for member, name in first.items()}


def wall(view: View, session: Session, round_: Round) -> Markup | None:
    """The choice on the presentation window: each problem with its letter and its count
    (a secret vote: how many have voted, until revealed), the ties, a second vote."""
    _ = view._
    who = names(view, session.group_id)
    on_table, votes, tied, letters = standing(view, session, round_)
    on_table = [p for p in on_table if not p.withdrawn]
    if not on_table:
        return None
    tally = voting.counts(votes)
    hidden = voting.hidden(session, round_)
    items = []
    for pitch in on_table:
        count = None if hidden or not voting.in_ballot(round_, pitch) else h("span", {"class": "count"}, view.plural("ui.vote.count", tally[pitch.id]))
        tie = h("span", {"class": "tag tie"}, _("vote.tie.tag")) if pitch in tied else None
        items.append(h("li", {"class": classes(tied=pitch in tied, chosen=pitch.id == round_.pitch_id)}, h("span", {"class": "letter"}, letters.get(pitch.id, "")), " ", h("span", {"class": "who"}, who.get(pitch.member_id, "")), " ", pitch.title, " ", count, " ", tie))
    voters = present_names(view, session)
    lines = [mode_text(view, session)]
    if round_.runoff:
        lines.append(_("vote.runoff.on", n=round_.ballot + 1))
    if hidden:
        lines.append(view.plural("vote.secret.voted", len({v.member_id for v in votes}), total=len(voters)))
    return fragment(h("p", {"class": "vote-state"}, " · ".join(lines)), h("ol", {"class": "shown"}, items))
