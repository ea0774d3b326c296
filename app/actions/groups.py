"""Groups and members: creating a group, its settings, its members, its charter."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from app.actions.core import Action, ActionError, Id, IsoDate, Name, NewId, Tx
from app.model import MAX_MEMBERS, MIN_MEMBERS, Group, Member


class NewMember(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    id: NewId
    name: Name


def _check_size(count: int) -> None:
    if count < MIN_MEMBERS:
        raise ActionError("error.group.too_few", min=MIN_MEMBERS)
    if count > MAX_MEMBERS:
        raise ActionError("error.group.too_many", max=MAX_MEMBERS)


class CreateGroup(Action):
    type: Literal["create_group"] = "create_group"
    id: NewId
    name: Name
    kind: Literal["institution", "cross"] = "cross"
    members: tuple[NewMember, ...]

    def perform(self, tx: Tx) -> None:
        names = [m.name.strip().casefold() for m in self.members]
        if len(set(names)) != len(names):
            raise ActionError("error.member.duplicate_name")
        _check_size(len(self.members))
        tx.groups.create(Group(id=self.id, name=self.name.strip(), kind=self.kind))
        for order, member in enumerate(self.members):
            tx.members.create(Member(id=member.id, group_id=self.id, name=member.name.strip(), order=order))


class UpdateGroup(Action):
    type: Literal["update_group"] = "update_group"
    id: Id
    name: Name | None = None
    kind: Literal["institution", "cross"] | None = None
    anonymous_summaries: bool | None = None
    full_summaries: bool | None = None

    def perform(self, tx: Tx) -> None:
        fields = self.model_dump(exclude={"type", "id"}, exclude_none=True)
        if "name" in fields:
            fields["name"] = fields["name"].strip()
        tx.groups.update(self.id, **fields)


class AddMember(Action):
    type: Literal["add_member"] = "add_member"
    group_id: Id
    id: NewId
    name: Name

    def perform(self, tx: Tx) -> None:
        tx.groups.need(self.group_id)
        members = tx.group_members(self.group_id)
        _check_size(len(members) + 1)
        if any(m.name.casefold() == self.name.strip().casefold() for m in members):
            raise ActionError("error.member.duplicate_name")
        order = max((m.order for m in members), default=-1) + 1
        tx.members.create(Member(id=self.id, group_id=self.group_id, name=self.name.strip(), order=order))


class RenameMember(Action):
    type: Literal["rename_member"] = "rename_member"
    id: Id
    name: Name

    def perform(self, tx: Tx) -> None:
        member = tx.members.need(self.id)
        others = [m for m in tx.group_members(member.group_id) if m.id != self.id]
        if any(m.name.casefold() == self.name.strip().casefold() for m in others):
            raise ActionError("error.member.duplicate_name")
        tx.members.update(self.id, name=self.name.strip())


class RemoveMember(Action):
    type: Literal["remove_member"] = "remove_member"
    id: Id

    def perform(self, tx: Tx) -> None:
        member = tx.members.need(self.id)
        _check_size(len(tx.group_members(member.group_id)) - 1)
        tx.members.delete(self.id)


class AcknowledgeCharter(Action):
    """The group acknowledges the charter at the opening of a session."""

    type: Literal["acknowledge_charter"] = "acknowledge_charter"
    session_id: Id
    date: IsoDate

    def perform(self, tx: Tx) -> None:
        session = tx.sessions.need(self.session_id)
        group = tx.groups.need(session.group_id)
        if not group.charter_acknowledged:
            tx.groups.update(group.id, charter_acknowledged=self.date)
        if session.stage == "charter":
            followup = tx.ws.open_action_items(group.id, before_session=session.id)
            tx.sessions.update(session.id, stage="followup" if followup else "between")
