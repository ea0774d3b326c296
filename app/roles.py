"""The session's roles (animateur, timekeeper, secretary, or the protocol's own) and their
fair rotation: each role goes to whoever present has not held it for longest, then to
whoever has held no role for longest, then in the group's order; nobody holds two roles
while someone present holds none."""

from __future__ import annotations

from app.model import Session, Workspace
from app.protocol import Role


def history(ws: Workspace, group_id: str, *, before: str = "") -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """When each member last held each role, and any role: ISO dates from the group's
    sessions (`before`, a session id, left out: the one being planned)."""
    by_role: dict[tuple[str, str], str] = {}
    any_role: dict[str, str] = {}
    for session in ws.sessions_of(group_id):
        if session.id == before:
            continue
        for role, member in session.roles.items():
            by_role[(member, role)] = max(by_role.get((member, role), ""), session.date)
            any_role[member] = max(any_role.get(member, ""), session.date)
    return by_role, any_role


def propose(
    ws: Workspace,
    group_id: str,
    roles: tuple[Role, ...],
    present: list[str],
    *,
    before: str = "",
    fixed: dict[str, str] | None = None,
) -> dict[str, str]:
    """A holder for each role among `present` (member ids in the group's order); the roles
    in `fixed` keep the holder given there ("" for nobody), the others rotate."""
    by_role, any_role = history(ws, group_id, before=before)
    order = {m: i for i, m in enumerate(present)}
    chosen = dict(fixed or {})
    for role in roles:
        if role.key in chosen:
            continue
        free = [m for m in present if m not in chosen.values()] or list(present)
        if free:
            chosen[role.key] = min(free, key=lambda m: (by_role.get((m, role.key), ""), any_role.get(m, ""), order[m]))
    return {role.key: chosen[role.key] for role in roles if chosen.get(role.key)}


def holders(session: Session, member_id: str) -> list[Role]:
    """The roles `member_id` holds in `session`, in the protocol's order."""
    return [r for r in session.protocol.roles if session.roles.get(r.key) == member_id]


def leader(session: Session) -> str:
    """The member id of whoever holds the leading role (the animateur), "" if nobody."""
    role = session.protocol.leading_role
    return session.roles.get(role.key, "") if role else ""
