"""The session's roles on screen: chosen on the setup screen (the fair rotation proposed),
changed during the session with one press (undoable), told in one line on the group page,
in its history and to the facilitator's script; and the session's mode (coached or not)."""

from __future__ import annotations

from app import roles
from app.markup import Markup, h
from app.model import Group, Round, Session
from app.protocol import Protocol
from app.views import attendance
from app.views.context import View
from app.views.parts import choice_field, field_id, names, present_names, toggle

SCOPE = "setup"


def draft_key(view: View, group: Group, role: str) -> str:
    """The setup's choice for a role, for the group's next session only: a select's draft
    outlives the form it is sent with, and the session after must rotate again."""
    return f"{SCOPE}:role.{group.id}.{len(view.ws.sessions_of(group.id))}.{role}"


def setup_field(view: View, group: Group, protocol: Protocol) -> Markup | None:
    """A holder for each of the protocol's roles among those the setup counts present: the
    rotation's proposal unless someone chose otherwise."""
    if not protocol.roles:
        return None
    _ = view._
    members = view.ws.members_of(group.id)
    present = [m.id for m in members if view.draft(attendance.draft_key(m.id), "present") == "present"]
    drafts = view.ws.local.drafts
    keys = {r.key: draft_key(view, group, r.key) for r in protocol.session_roles}
    chosen = {role: drafts[key] for role, key in keys.items() if key in drafts}
    fixed = {role: member for role, member in chosen.items() if not member or member in present}  # "": nobody
    held = roles.propose(view.ws, group.id, protocol.session_roles, present, fixed=fixed)
    who = {m.id: m.name for m in members}
    rows = []
    for index, role in enumerate(protocol.session_roles):
        ident = field_id(f"role-{role.key}", SCOPE)
        current = held.get(role.key, "")
        options = [h("option", {"value": m, "selected": m == current}, who[m]) for m in present]
        options.append(h("option", {"value": "", "selected": not current}, _("roles.nobody")))
        rows.append(
            h(
                "div",
                {"class": "field"},
                h("input", {"type": "hidden", "name": f"roles.{index}.role", "value": role.key}),
                h("label", {"for": ident}, role.name(view.lang)),
                h("select", {"id": ident, "name": f"roles.{index}.member_id", "data-draft": keys[role.key]}, options),
            )
        )
    per_round = ", ".join(r.name(view.lang) for r in protocol.round_roles)
    return h(
        "fieldset",
        {"class": "roles"},
        h("legend", {}, _("roles.legend")),
        h("p", {"class": "hint"}, _("roles.hint")) if rows else None,
        h("div", {"class": "entry-fields"}, rows) if rows else None,
        h("p", {"class": "hint per-round"}, _("rounds.setup.per_round", roles=per_round)) if per_round else None,
    )


def mode_field(view: View, group: Group) -> Markup:
    """Coached or autonomous: a group's first session is coached unless said otherwise."""
    _ = view._
    first = not view.ws.sessions_of(group.id)
    options = [("true", _("roles.mode.coached")), ("false", _("roles.mode.autonomous"))]
    return choice_field(view, _("roles.mode.legend"), "coached", SCOPE, options, value="true" if first else "false")


def line(view: View, session: Session, round_: Round | None = None, *, only_round: bool = False) -> str:
    """"Animateur·rice : Élodie · Secrétaire : Bruno", in the protocol's order: the
    session's roles, and the round's for those held per round (`only_round`: those alone)."""
    who = names(view, session.group_id)
    now = roles.held(session, round_)
    shown = session.protocol.round_roles if only_round else session.protocol.roles
    held = [(r.name(view.lang), who.get(now[r.key], "?")) for r in shown if r.key in now]
    return " · ".join(view._("roles.held", role=role, name=name) for role, name in held)


def facts(view: View, session: Session) -> str:
    """The session's mode and roles, for the group page and the history: with each round's
    holders of the roles held per round ("tour 1 : Modérateur·rice : Alice")."""
    held = [view._("roles.mode.coached_tag" if session.coached else "roles.mode.autonomous_tag"), line(view, session)]
    if session.protocol.round_roles:
        held += [view._("rounds.held", n=r.number, roles=line(view, session, r, only_round=True)) for r in view.ws.rounds_of(session.id) if r.roles]
    return " · ".join(part for part in held if part)


def leader_line(view: View, session: Session, round_: Round | None = None) -> Markup | None:
    """Whom the facilitator's script speaks to: "Animateur·rice : Élodie" (the round's
    holder when the leading role is held per round)."""
    role, member = session.protocol.leading_role, roles.leader(session, round_)
    if role is None or not member:
        return None
    name = names(view, session.group_id).get(member, "?")
    return h("p", {"class": "leader"}, view._("roles.held", role=role.name(view.lang), name=name))


def correction(view: View, session: Session) -> Markup | None:
    """During the session: who holds each role, changed with one press (undoable); the
    roles held per round while a round runs, never offered to its carrier when not theirs."""
    round_ = view.ws.rounds.get(session.current_round_id)
    shown = session.protocol.roles if round_ is not None else session.protocol.session_roles
    if not shown:
        return None
    _ = view._
    here = present_names(view, session)
    now = roles.held(session, round_)
    rows = []
    for role in shown:
        holder = now.get(role.key, "")
        where = {"round_id": round_.id} if role.per_round and round_ is not None else {}
        barred = round_.carrier_id if role.per_round and role.not_carrier and round_ is not None else ""
        buttons = [
            toggle(name, "assign_role", member == holder, session_id=session.id, role=role.key, member_id=member, **where)
            for member, name in here.items()
            if member != barred
        ]
        label = f"role-{role.key}"
        rows.append(
            h(
                "li",
                {},
                h("span", {"class": "who", "id": label}, _("rounds.this_round", role=role.name(view.lang)) if role.per_round else role.name(view.lang)),
                h("span", {"class": "choices", "role": "group", "aria-labelledby": label}, buttons),
            )
        )
    summary = line(view, session, round_) or _("roles.none_held")
    return h(
        "details",
        {"class": "roles panel"},
        h("summary", {}, _("roles.correct", roles=summary)),
        h("p", {"class": "hint"}, _("roles.correct.hint")),
        h("ul", {"class": "presences"}, rows),
    )
