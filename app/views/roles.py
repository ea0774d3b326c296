"""The session's roles on screen: chosen on the setup screen (the fair rotation proposed),
changed during the session with one press (undoable), told in one line on the group page,
in its history and to the facilitator's script; and the session's mode (coached or not)."""

from __future__ import annotations

from app import roles
from app.markup import Markup, h
from app.model import Group, Session
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
    keys = {r.key: draft_key(view, group, r.key) for r in protocol.roles}
    chosen = {role: drafts[key] for role, key in keys.items() if key in drafts}
    fixed = {role: member for role, member in chosen.items() if not member or member in present}  # "": nobody
    held = roles.propose(view.ws, group.id, protocol.roles, present, fixed=fixed)
    who = {m.id: m.name for m in members}
    rows = []
    for index, role in enumerate(protocol.roles):
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
    return h(
        "fieldset",
        {"class": "roles"},
        h("legend", {}, _("roles.legend")),
        h("p", {"class": "hint"}, _("roles.hint")),
        h("div", {"class": "entry-fields"}, rows),
    )


def mode_field(view: View, group: Group) -> Markup:
    """Coached or autonomous: a group's first session is coached unless said otherwise."""
    _ = view._
    first = not view.ws.sessions_of(group.id)
    options = [("true", _("roles.mode.coached")), ("false", _("roles.mode.autonomous"))]
    return choice_field(view, _("roles.mode.legend"), "coached", SCOPE, options, value="true" if first else "false")


def line(view: View, session: Session) -> str:
    """"Animateur·rice : Élodie · Secrétaire : Bruno", in the protocol's order."""
    who = names(view, session.group_id)
    held = [(r.name(view.lang), who.get(session.roles[r.key], "?")) for r in session.protocol.roles if r.key in session.roles]
    return " · ".join(view._("roles.held", role=role, name=name) for role, name in held)


def facts(view: View, session: Session) -> str:
    """The session's mode and roles, for the group page and the history."""
    mode = view._("roles.mode.coached_tag" if session.coached else "roles.mode.autonomous_tag")
    held = line(view, session)
    return f"{mode} · {held}" if held else mode


def leader_line(view: View, session: Session) -> Markup | None:
    """Whom the facilitator's script speaks to: "Animateur·rice : Élodie"."""
    role, member = session.protocol.leading_role, roles.leader(session)
    if role is None or not member:
        return None
    name = names(view, session.group_id).get(member, "?")
    return h("p", {"class": "leader"}, view._("roles.held", role=role.name(view.lang), name=name))


def correction(view: View, session: Session) -> Markup | None:
    """During the session: who holds each role, changed with one press (undoable)."""
    if not session.protocol.roles:
        return None
    _ = view._
    here = present_names(view, session)
    rows = []
    for role in session.protocol.roles:
        holder = session.roles.get(role.key, "")
        buttons = [
            toggle(name, "assign_role", member == holder, session_id=session.id, role=role.key, member_id=member)
            for member, name in here.items()
        ]
        label = f"role-{role.key}"
        rows.append(
            h(
                "li",
                {},
                h("span", {"class": "who", "id": label}, role.name(view.lang)),
                h("span", {"class": "choices", "role": "group", "aria-labelledby": label}, buttons),
            )
        )
    summary = line(view, session) or _("roles.none_held")
    return h(
        "details",
        {"class": "roles panel"},
        h("summary", {}, _("roles.correct", roles=summary)),
        h("p", {"class": "hint"}, _("roles.correct.hint")),
        h("ul", {"class": "presences"}, rows),
    )

