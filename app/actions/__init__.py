"""Actions: the only way the workspace changes.

One typed action per user intent (pydantic models in a discriminated union) and one pure
`apply`. Each action's `perform` works on a `Tx`, which stamps every record it writes and
remembers what each record was before, so undo and redo fall out of it. An invalid action
raises `ActionError` carrying a translatable message key, and the workspace is unchanged.

One module per concern: `core` (Tx, Action, ActionError), `groups`, `sessions`, `steps`,
`pitches`, `votes`, `entries`, `roles`, `budget`, `protocols` (a group's own) and `protocol_roles` (their roles), `conflicts` and `device` (undo, redo, this device's settings); this
module gathers every action into the union that `parse` reads.
"""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import Field, TypeAdapter

from app.actions.budget import DropRound, ShortenSteps
from app.actions.conflicts import ResolveConflict
from app.actions.core import Action, ActionError, Tx
from app.actions.device import Redo, SetDraft, SetPreferences, Undo
from app.actions.entries import (
    AddActionItem,
    AddEntry,
    ChooseReformulation,
    DeleteActionItem,
    DeleteEntry,
    EditActionItem,
    EditEntry,
    MarkOutOfFrame,
    SetContract,
)
from app.actions.groups import (
    AcknowledgeCharter,
    AddMember,
    CreateGroup,
    RemoveMember,
    RenameMember,
    UpdateGroup,
)
from app.actions.pitches import (
    AddPitch,
    ChoosePitch,
    DeletePitch,
    EditPitch,
    WithdrawPitch,
)
from app.actions.protocol_roles import AddRole, EditRole, RemoveRole
from app.actions.protocols import (
    AddStep,
    AdaptProtocol,
    DeleteProtocol,
    EditProtocol,
    EditStep,
    ImportProtocol,
    MoveStep,
    NewProtocol,
    RemoveStep,
)
from app.actions.roles import AssignRole
from app.actions.sessions import (
    EndBreak,
    FinishFollowup,
    FinishRound,
    FinishSession,
    ReopenSession,
    ResumeRound,
    SetAttendance,
    SetNextSession,
    StartBreak,
    StartEvaluation,
    StartRound,
    StartSession,
    UpdateActionItem,
)
from app.actions.steps import (
    ExtendTimer,
    GoToStep,
    NextSpeaker,
    NextStep,
    PauseTimer,
    PreviousStep,
    ResumeTimer,
)
from app.actions.votes import AddDot, RemoveDot, RevealVotes, SetVoting, StartRunoff, ToggleVote
from app.model import Workspace

__all__ = ["Action", "ActionError", "AnyAction", "Tx", "apply", "parse"]

AnyAction = Annotated[
    Union[
        CreateGroup, UpdateGroup, AddMember, RenameMember, RemoveMember, AcknowledgeCharter,
        StartSession, FinishFollowup, UpdateActionItem, StartRound, FinishRound, StartBreak,
        StartEvaluation, FinishSession, SetNextSession, SetAttendance, EndBreak, ReopenSession, ResumeRound,
        GoToStep, NextStep, PreviousStep, PauseTimer, ResumeTimer, ExtendTimer, NextSpeaker,
        AddPitch, EditPitch, WithdrawPitch, DeletePitch, ChoosePitch,
        ToggleVote, AddDot, RemoveDot, SetVoting, RevealVotes, StartRunoff,
        AddEntry, EditEntry, DeleteEntry, MarkOutOfFrame, ChooseReformulation, SetContract,
        AddActionItem, EditActionItem, DeleteActionItem, ResolveConflict,
        AdaptProtocol, NewProtocol, DeleteProtocol, EditProtocol, AddStep, RemoveStep, MoveStep, EditStep,
        ImportProtocol, AddRole, EditRole, RemoveRole,
        Undo, Redo, SetDraft, SetPreferences, AssignRole, ShortenSteps, DropRound,
    ],
    Field(discriminator="type"),
]  # fmt: skip

_ADAPTER: TypeAdapter[Any] | None = None


def parse(data: dict[str, Any]) -> Action:
    """An action from plain data (a DOM event's attributes, a test), validated."""
    global _ADAPTER
    if _ADAPTER is None:
        _ADAPTER = TypeAdapter(AnyAction)
    return _ADAPTER.validate_python(data)


def apply(ws: Workspace, action: Action, *, now: int, device: str) -> Workspace:
    """The workspace after `action`; raises ActionError (workspace unchanged) if refused."""
    tx = Tx(ws, now, device)
    action.perform(tx)
    return tx.result(undoable=action.undoable)
