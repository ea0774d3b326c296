"""A group's own protocol names its own roles (issue 18): the editor adds, renames and
removes them and sets how each is held (for the session or for each round, never by the
carrier, the one the script speaks to). Each edit is checked like the protocol's other edits
(app/protocol_check.py). A session runs a copy of its protocol: removing or changing a role
leaves the sessions already opened with the roles they had."""

from __future__ import annotations

import secrets
from typing import Annotated, Literal

from pydantic import Field

from app.actions.core import Action, ActionError, Id, Tx
from app.actions.protocols import Title, _own, _save, _texts
from app.protocol import Protocol, Role, Text
from app.protocol_check import KEY


def _role_key() -> str:
    """Random, as a step's: roles added on two devices apart stay two roles."""
    return f"role-{secrets.token_hex(4)}"


RoleKey = Annotated[str, Field(default_factory=_role_key, pattern=f"^{KEY}$")]


def _index(protocol: Protocol, key: str) -> int:
    for i, role in enumerate(protocol.roles):
        if role.key == key:
            return i
    raise ActionError("roles.error.unknown")


def _with_roles(roles: list[Role], lead: str | None) -> tuple[Role, ...]:
    """The roles, `lead` (a role's key) now the only one the script speaks to; None: unchanged."""
    if lead is None:
        return tuple(roles)
    return tuple(r.model_copy(update={"leads": r.key == lead}) for r in roles)


class AddRole(Action):
    """A new role, last; the script speaks to it when it is the protocol's first."""

    type: Literal["add_role"] = "add_role"
    id: Id
    key: RoleKey
    name_fr: Title
    name_en: Title
    per_round: bool = False
    not_carrier: bool = False

    def perform(self, tx: Tx) -> None:
        protocol = _own(tx, self.id)
        if any(r.key == self.key for r in protocol.roles):
            raise ActionError("error.duplicate_id")
        role = Role(key=self.key, name=Text(fr=self.name_fr.strip(), en=self.name_en.strip()), per_round=self.per_round,
                    not_carrier=self.not_carrier, leads=protocol.leading_role is None)
        _save(tx, self.id, protocol.model_copy(update={"roles": (*protocol.roles, role)}))


class EditRole(Action):
    """A role's names and how it is held; those left out stay as they are. `leads`: the
    script speaks to this role from now on (to none, set false on the one it speaks to)."""

    type: Literal["edit_role"] = "edit_role"
    id: Id
    role: Id
    name_fr: Title | None = None
    name_en: Title | None = None
    per_round: bool | None = None
    not_carrier: bool | None = None
    leads: bool | None = None

    def perform(self, tx: Tx) -> None:
        protocol = _own(tx, self.id)
        index = _index(protocol, self.role)
        role = protocol.roles[index]
        update: dict[str, object] = {"name": _texts(role.name, self.name_fr, self.name_en)}
        update.update(self.model_dump(include={"per_round", "not_carrier", "leads"}, exclude_none=True))
        roles = list(protocol.roles)
        roles[index] = role.model_copy(update=update)
        lead = self.role if self.leads else None
        _save(tx, self.id, protocol.model_copy(update={"roles": _with_roles(roles, lead)}))


class RemoveRole(Action):
    type: Literal["remove_role"] = "remove_role"
    id: Id
    role: Id

    def perform(self, tx: Tx) -> None:
        protocol = _own(tx, self.id)
        index = _index(protocol, self.role)
        _save(tx, self.id, protocol.model_copy(update={"roles": protocol.roles[:index] + protocol.roles[index + 1 :]}))
