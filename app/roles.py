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


class _Past:
    """What the rotation reads from the group's history, in one pass over its rounds (the
    setup screen proposes at every key typed, with years of history): when each member last
    held each role and any role (the session's ISO date, followed by the round's number for a
    role held per round; `before`, a session id, left out: the one being planned), and their
    rank from whoever carried most recently (0) to whoever never did."""

    def __init__(self, ws: Workspace, group_id: str, before: str) -> None:
        self.by_role: dict[tuple[str, str], str] = {}
        self.any_role: dict[str, str] = {}
        sessions = {s.id: s for s in ws.sessions_of(group_id)}
        for session in sessions.values():
            if session.id != before:
                self._held(session.roles, session.date)
        carried: dict[str, str] = {}
        for round_ in ws.rounds.values():
            session = sessions.get(round_.session_id)
            if session is None or round_.deleted:
                continue
            if round_.carrier_id:
                carried[round_.carrier_id] = max(carried.get(round_.carrier_id, ""), session.date)
            if round_.roles and session.id != before:
                self._held(round_.roles, f"{session.date}/{round_.number:03d}")
        dates = sorted(set(carried.values()), reverse=True)
        self.carried = {member: dates.index(date) for member, date in carried.items()}
        self.never_carried = len(dates)

    def _held(self, roles: dict[str, str], when: str) -> None:
        for role, member in roles.items():
            self.by_role[(member, role)] = max(self.by_role.get((member, role), ""), when)
            self.any_role[member] = max(self.any_role.get(member, ""), when)


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
    past = _Past(ws, group_id, before)
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
                    past.by_role.get((m, role.key), ""),
                    past.any_role.get(m, ""),
                    past.carried.get(m, past.never_carried) if role.not_carrier else 0,
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
