"""The kinds of record, each declared once: what merging, restoring, storing, resolving and
showing a record of that kind need to know about it.

A new kind of record is a record class in app/model.py (and its field on `Workspace`) plus
one `Kind` in `Collections` here; app/sync/merge.py, app/sync/restore.py, app/sync/shards.py,
app/invariants.py, the conflict action and the import preview read this table, and the
actions reach its records through it: `tx.members` (docs/architecture.md, "where a change
goes"). tests/test_kinds.py checks that it covers every collection of the workspace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Generic, TypeVar, overload

from app.model import (
    ActionItem,
    Group,
    GroupProtocol,
    Member,
    Pitch,
    Record,
    Round,
    Session,
    Vote,
    Entry,
    Workspace,
)

if TYPE_CHECKING:  # what an accessor returns: an action's view of one kind's records
    from app.actions.core import Records

R = TypeVar("R", bound=Record)

# Where a record is stored (app/sync/shards.py): with a group, with a session, or loose when its
# owner is unknown. (kind of owner, the owner's id)
Owner = tuple[str, str]
GROUP, SESSION, LOOSE = "group", "session", ""


def _session_of_round(ws: Workspace, record: Record) -> Owner:
    round_ = ws.rounds.get(record.round_id)  # type: ignore[attr-defined]
    return (SESSION, round_.session_id) if round_ is not None else (LOOSE, "")


@dataclass(frozen=True)
class Kind(Generic[R]):
    """One kind of record (a collection of the workspace). Declared in `Collections`, it is
    also the accessor of its records there (`__get__`)."""

    collection: str  # its name in the workspace, in files and in storage
    record: type[R]
    owner: Callable[[Workspace, Any], Owner]  # the group or session whose storage entry holds it
    # The fields people type: concurrent versions of them are kept as conflicts, a person picks.
    text: tuple[str, ...] = ()
    # What a deletion empties (a tombstone keeps nothing a person wrote): the text, by default.
    erased: tuple[str, ...] | None = None
    # Safety flags, besides `deleted`: set wins over a concurrent unset (app/sync/merge.py).
    flags: tuple[str, ...] = ()
    # Optional pointers to other records (field -> collection): cleared when they point
    # nowhere (app/sync/restore.py `references`).
    references: dict[str, str] = field(default_factory=dict)
    edit_action: str = ""  # the action a correction form sends for it (app/views/editing.py)
    # Its texts lie below a field (a protocol's step texts): the merge decides them one by
    # one (app/paths.py), and each waits as a conflict of its own.
    texts_below: bool = False

    @property
    def label(self) -> str:
        """Its name on screen, a catalog key (the import preview's rows)."""
        return f"sync.ui.kind.{self.collection}"

    @property
    def emptied(self) -> tuple[str, ...]:
        return self.text if self.erased is None else self.erased

    def __set_name__(self, owner: type, name: str) -> None:
        if name != self.collection:
            raise TypeError(f"the kind {self.collection!r} is declared as {name!r}")

    @overload
    def __get__(self, holder: None, owner: type) -> Kind[R]: ...
    @overload
    def __get__(self, holder: Collections, owner: type) -> Records[R]: ...
    def __get__(self, holder: Collections | None, owner: type) -> Kind[R] | Records[R]:
        """On the class, the kind; on a holder of records (an action's `Tx`), its records of
        this kind, typed: `tx.members.need(id)` is a `Member`."""
        return self if holder is None else holder.records(self)


class Collections:
    """The registry: one `Kind` per collection of the workspace, in the workspace's order,
    each named after its collection. A class deriving from it (app/actions/core.py `Tx`)
    has one typed accessor per kind, through its `records`."""

    groups = Kind("groups", Group, lambda ws, r: (GROUP, r.id), text=("name",), flags=("anonymous_summaries",))
    # A deleted member keeps their name: past sessions still show who spoke.
    members = Kind("members", Member, lambda ws, r: (GROUP, r.group_id), text=("name",), erased=())
    sessions = Kind("sessions", Session, lambda ws, r: (SESSION, r.id), text=("place", "next_place"),
                    references={"current_round_id": "rounds"})
    rounds = Kind("rounds", Round, lambda ws, r: (SESSION, r.session_id), text=("request",),
                  references={"carrier_id": "members", "pitch_id": "pitches", "reformulation_id": "entries"})
    pitches = Kind("pitches", Pitch, lambda ws, r: (SESSION, r.session_id), text=("title", "text"),
                   references={"round_id": "rounds"}, edit_action="edit_pitch")
    votes = Kind("votes", Vote, lambda ws, r: (SESSION, r.session_id))
    entries = Kind("entries", Entry, lambda ws, r: (SESSION, r.session_id), text=("text",), flags=("out_of_frame",),
                   references={"author_id": "members"}, edit_action="edit_entry")
    action_items = Kind("action_items", ActionItem, _session_of_round, text=("text", "comment"),
                        references={"followup_session_id": "sessions"}, edit_action="edit_action_item")
    protocols = Kind("protocols", GroupProtocol, lambda ws, r: (GROUP, r.group_id), texts_below=True)

    def records(self, kind: Kind[R]) -> Records[R]:
        raise NotImplementedError


KINDS: tuple[Kind[Any], ...] = tuple(kind for kind in vars(Collections).values() if isinstance(kind, Kind))
KIND: dict[str, Kind] = {kind.collection: kind for kind in KINDS}
OF_RECORD: dict[type[Record], Kind] = {kind.record: kind for kind in KINDS}
