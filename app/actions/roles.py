"""The roles: a session's given at its start (the fair rotation for any role the setup did
not name), a round's (Role.per_round) at the round's start, by the rotation, and again for a
role the carrier must not hold once the round's carrier is known; changed at any time
(undoable), only among those present, and never to the carrier when the role is not theirs."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from app import roles
from app.actions.core import Action, ActionError, Id, Tx
from app.model import Round, Session
from app.protocol import Role


class RoleHolder(BaseModel):
    """One line of the setup's roles: a role and who holds it ("" for nobody)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    role: str
    member_id: str = ""


def _present(tx: Tx, session: Session) -> list[str]:
    return [m.id for m in tx.group_members(session.group_id) if session.attendance.get(m.id) == "present"]


def starting_roles(tx: Tx, session: Session, lines: tuple[RoleHolder, ...]) -> dict[str, str]:
    """The roles of a session starting: those the setup named, the rotation's for the rest
    (the roles held per round are given as each round starts)."""
    for line in lines:
        if _role(session, line.role).per_round:
            raise ActionError("rounds.error.per_round")
        _check(tx, session, line.role, line.member_id)
    fixed = {line.role: line.member_id for line in lines}
    return roles.propose(tx.ws, session.group_id, session.protocol.session_roles, _present(tx, session), before=session.id, fixed=fixed)


def round_roles(tx: Tx, session: Session, carrier: str, kept: dict[str, str] | None = None) -> dict[str, str]:
    """The holders of a round's roles: those `kept`, the rotation's for the others (never
    the carrier for a role that is not theirs); the session's holders are busy already."""
    busy = {role: member for role, member in session.roles.items() if role not in {r.key for r in session.protocol.round_roles}}
    fixed = {**busy, **(kept or {})}
    return roles.propose(tx.ws, session.group_id, session.protocol.round_roles, _present(tx, session), fixed=fixed, carrier=carrier)


def for_carrier(tx: Tx, round_: Round, carrier: str) -> dict[str, str]:
    """The round's roles once `carrier` carries it: a role they may not hold goes, by the
    rotation, to someone else; the others stay."""
    session = tx.session_of(round_)
    barred = {r.key for r in session.protocol.round_roles if r.not_carrier}
    kept = {role: member for role, member in round_.roles.items() if not (role in barred and member == carrier)}
    if kept == round_.roles:
        return round_.roles
    return round_roles(tx, session, carrier, kept)


def _role(session: Session, key: str) -> Role:
    found = next((r for r in session.protocol.roles if r.key == key), None)
    if found is None:
        raise ActionError("roles.error.unknown")
    return found


def _check(tx: Tx, session: Session, role: str, member_id: str) -> Role:
    found = _role(session, role)
    if member_id:
        tx.attendee(session, member_id)
    return found


class AssignRole(Action):
    """Someone else takes a role (or nobody holds it) from now on: the session's, or the
    round's (the one running, unless `round_id` names another of the session's) for a role
    held per round."""

    type: Literal["assign_role"] = "assign_role"
    session_id: Id
    role: str
    member_id: str = ""
    round_id: str = ""

    def perform(self, tx: Tx) -> None:
        session = tx.sessions.need(self.session_id)
        if session.stage == "finished":
            raise ActionError("error.session.finished")
        role = _check(tx, session, self.role, self.member_id)
        if not role.per_round:
            tx.sessions.update(session.id, roles=_given(session.roles, role, self.member_id))
            return
        round_ = tx.rounds.get(self.round_id or session.current_round_id)
        if round_ is None or round_.deleted or round_.session_id != session.id:
            raise ActionError("rounds.error.no_round")
        if role.not_carrier and self.member_id and self.member_id == round_.carrier_id:
            name = tx.member_of(session.group_id, self.member_id).name
            raise ActionError("rounds.error.carrier", name=name)
        tx.rounds.update(round_.id, roles=_given(round_.roles, role, self.member_id))


def _given(held: dict[str, str], role: Role, member_id: str) -> dict[str, str]:
    others = {k: v for k, v in held.items() if k != role.key}
    return {**others, role.key: member_id} if member_id else others


def without(held: dict[str, str], member_id: str) -> dict[str, str]:
    """Roles once `member_id` is no longer there to hold theirs."""
    return {role: member for role, member in held.items() if member != member_id}
