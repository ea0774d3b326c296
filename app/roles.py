"""The session's roles (animateur, timekeeper, secretary, or the protocol's own) and their
fair rotation: each role goes to whoever present has not held it for longest, then to
whoever has held no role for longest, then in the group's order; nobody holds two roles
while someone present holds none. A role held per round (Role.per_round) rotates from round
to round the same way; a role that is never the carrier's (Role.not_carrier) is never
given to the round's carrier, and, before the carrier is known, goes first to whoever
carried most recently (the least likely to carry again)."""

from __future__ import annotations

from app.model import Round, Session, Workspace
from app.protocol import Role


def history(ws: Workspace, group_id: str, *, before: str = "") -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """When each member last held each role, and any role: the session's ISO date, followed
    by the round's number for a role held per round (`before`, a session id, left out: the
    one being planned)."""
    by_role: dict[tuple[str, str], str] = {}
    any_role: dict[str, str] = {}

    def held(roles: dict[str, str], when: str) -> None:
        for role, member in roles.items():
            by_role[(member, role)] = max(by_role.get((member, role), ""), when)
            any_role[member] = max(any_role.get(member, ""), when)

    for session in ws.sessions_of(group_id):
        if session.id == before:
            continue
        held(session.roles, session.date)
        for round_ in ws.rounds_of(session.id):
            held(round_.roles, f"{session.date}/{round_.number:03d}")
    return by_role, any_role


def _recently_carried(ws: Workspace, group_id: str) -> dict[str, int]:
    """Per member, their rank from whoever carried most recently (0) to whoever never did."""
    last = ws.last_carried(group_id)
    dates = sorted(set(last.values()), reverse=True)
    return {member: dates.index(date) for member, date in last.items()}


def propose(
    ws: Workspace,
    group_id: str,
    roles: tuple[Role, ...],
    present: list[str],
    *,
    before: str = "",
    fixed: dict[str, str] | None = None,
    carrier: str = "",
) -> dict[str, str]:
    """A holder for each role among `present` (member ids in the group's order); the roles
    in `fixed` keep the holder given there ("" for nobody), the others rotate (a key of
    `fixed` that is not one of `roles` only says its holder is busy). `carrier`: the round's,
    never given a role that is not the carrier's."""
    by_role, any_role = history(ws, group_id, before=before)
    carried = _recently_carried(ws, group_id)
    order = {m: i for i, m in enumerate(present)}
    chosen = dict(fixed or {})
    for role in roles:
        if role.key in chosen:
            continue
        eligible = [m for m in present if not (role.not_carrier and m == carrier)]
        free = [m for m in eligible if m not in chosen.values()] or eligible
        if free:
            chosen[role.key] = min(
                free,
                key=lambda m: (
                    by_role.get((m, role.key), ""),
                    any_role.get(m, ""),
                    carried.get(m, 0) if role.not_carrier else 0,
                    order[m],
                ),
            )
    return {role.key: chosen[role.key] for role in roles if chosen.get(role.key)}


def held(session: Session, round_: Round | None) -> dict[str, str]:
    """Who holds each role now: the session's holders, and the round's for the roles held
    per round (none between rounds)."""
    per_round = {r.key for r in session.protocol.round_roles}
    now = {role: member for role, member in session.roles.items() if role not in per_round}
    if round_ is not None:
        now.update({role: member for role, member in round_.roles.items() if role in per_round})
    return now


def holders(session: Session, member_id: str, round_: Round | None = None) -> list[Role]:
    """The roles `member_id` holds in `session` (and `round_`), in the protocol's order."""
    now = held(session, round_)
    return [r for r in session.protocol.roles if now.get(r.key) == member_id]


def leader(session: Session, round_: Round | None = None) -> str:
    """The member id of whoever holds the leading role (the animateur), "" if nobody: the
    round's holder when the role is held per round."""
    role = session.protocol.leading_role
    return held(session, round_).get(role.key, "") if role else ""
