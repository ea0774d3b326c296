"""The session's roles: given at the start (the fair rotation for any role the setup did not
name), changed at any time during the session (undoable), only among those present."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from app import roles
from app.actions.core import Action, ActionError, Id, Tx
from app.model import Session


class RoleHolder(BaseModel):
    """One line of the setup's roles: a role and who holds it ("" for nobody)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    role: str
    member_id: str = ""


def starting_roles(tx: Tx, session: Session, lines: tuple[RoleHolder, ...]) -> dict[str, str]:
    """The roles of a session starting: those the setup named, the rotation's for the rest."""
    for line in lines:
        _check(tx, session, line.role, line.member_id)
    present = [m.id for m in tx.members(session.group_id) if session.attendance.get(m.id) == "present"]
    fixed = {line.role: line.member_id for line in lines}
    return roles.propose(tx.ws, session.group_id, session.protocol.roles, present, before=session.id, fixed=fixed)


def _check(tx: Tx, session: Session, role: str, member_id: str) -> None:
    if role not in {r.key for r in session.protocol.roles}:
        raise ActionError("roles.error.unknown")
    if member_id:
        tx.attendee(session, member_id)


class AssignRole(Action):
    """Someone else takes a role (or nobody holds it) from now on."""

    type: Literal["assign_role"] = "assign_role"
    session_id: Id
    role: str
    member_id: str = ""

    def perform(self, tx: Tx) -> None:
        session = tx.need("sessions", self.session_id)
        if session.stage == "finished":
            raise ActionError("error.session.finished")
        _check(tx, session, self.role, self.member_id)
        held = {k: v for k, v in session.roles.items() if k != self.role}
        if self.member_id:
            held[self.role] = self.member_id
        tx.update("sessions", session.id, roles=held)


def without(session: Session, member_id: str) -> dict[str, str]:
    """The session's roles once `member_id` is no longer there to hold theirs."""
    return {role: member for role, member in session.roles.items() if member != member_id}
