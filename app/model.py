"""The workspace: every record a device holds, and the device's own local state.

Records are frozen dataclasses (app/frozen.py), checked by pydantic where data comes in. Each
carries what the merge needs (DESIGN.md §5): a
random id, the hybrid-logical-clock stamp of its last change, the device that made it, what
it was made knowing of other devices' versions (to tell a concurrent edit from a later one)
and a tombstone.
"""

from collections import defaultdict
from dataclasses import field
from operator import attrgetter
from typing import Annotated, Any, Literal

from app.clock import STAMP
from app.frozen import Frozen, Limits, frozen
from app.protocol import Protocol

Stamp = Annotated[str, Limits(pattern=STAMP)]  # app/clock.py
Device = Annotated[str, Limits(pattern=r"^[A-Za-z0-9_.:~-]{0,80}$")]  # `~`: a version a merge told apart (app/sync/merge.py)
VersionName = Annotated[str, Limits(pattern=r"^[0-9]{15}\.[0-9]{6}/[A-Za-z0-9_.:~-]{1,80}$")]

MIN_MEMBERS = 4
MAX_MEMBERS = 8

GroupKind = Literal["institution", "cross"]  # one institution / several institutions
EntryKind = Literal["note", "question", "reformulation", "intervention", "synthesis", "learning", "evaluation"]
ActionStatus = Literal["open", "in_progress", "done", "dropped"]
SessionStage = Literal["charter", "followup", "round", "between", "evaluation", "finished"]
Presence = Literal["present", "excused", "absent"]
# How the choice step votes (app/voting.py): one vote each, N dots each, or one vote each
# whose counts stay hidden until the animateur reveals them.
VotingMode = Literal["one", "dots", "secret"]
PRESENCES: tuple[Presence, ...] = ("present", "excused", "absent")


_GROUPED: dict[tuple[int, str], tuple[dict[str, Any], dict[str, list[Any]]]] = {}


def grouped(records: dict[str, Any], by: str) -> dict[str, list[Any]]:
    """A collection's records (tombstones too) by the value of their field `by`, in the
    collection's order. Some queries below are asked many times by one screen (the break
    screen asks `rounds_of` of every session of the group's history, to say who carried
    last), each reading every record. Kept for as long as the collection is the same dict:
    nothing changes a collection in place, an action makes a new one (app/actions/core.py),
    so a click that changes no round reads none. The few latest collections are kept (the
    dict itself with its index, so that its id is not reused while kept). Not for the
    entries: thousands with ten years, asked once per screen, and changed by the clicks
    of the round's steps; indexing them costs three readings (bench/calls.py)."""
    key = (id(records), by)
    found = _GROUPED.get(key)
    if found is not None and found[0] is records:
        return found[1]
    index: defaultdict[str, list[Any]] = defaultdict(list)
    field_of = attrgetter(by)
    for record in records.values():
        index[field_of(record)].append(record)
    if len(_GROUPED) >= 16:
        _GROUPED.clear()
    _GROUPED[key] = (records, index)
    return index


@frozen
class Record(Frozen):
    """What every record carries, for the merge (app/sync/merge.py)."""

    id: Annotated[str, Limits(min_length=1, max_length=64)]
    stamp: Stamp = ""
    device: Device = ""
    created: Stamp = ""  # the stamp of the record's creation: its place in lists
    # What this version was made knowing: per other device, the latest of its stamps it was
    # made on top of (a version vector, app/sync/merge.py).
    known: dict[str, Stamp] = field(default_factory=dict)
    # Per field, the version ("stamp/device") whose change gave it its value; a field not
    # named here has had its value since the record was made, which every version knows.
    changed: dict[str, VersionName] = field(default_factory=dict)
    deleted: bool = False
    # When versions of this record were made apart: every one of them, each with all its
    # fields (app/sync/merge.py decides the record from them, field by field); those whose text
    # differs wait for a person to pick.
    conflicts: tuple[dict[str, Any], ...] = ()


@frozen
class Group(Record):
    """A peer group: its name, its kind and its choices for summaries."""

    name: str
    kind: GroupKind = "cross"
    charter_acknowledged: str = ""  # ISO date of the group's acknowledgement, empty if not yet
    anonymous_summaries: bool = False  # summaries do not say who said what
    full_summaries: bool = False  # members' summaries carry every round in full


@frozen
class Member(Record):
    """A member of a group, in the group's speaking order."""

    group_id: str
    name: str
    order: int = 0


@frozen
class Timer(Frozen):
    """A countdown computed from timestamps only, so that it survives a reload."""

    budget_ms: int | None = None  # None: untimed (counts up)
    started_at: int | None = None  # epoch ms while running, None while paused
    elapsed_ms: int = 0  # time counted before started_at
    extra_ms: int = 0  # time added with "+1 min"


@frozen
class Session(Record):
    """A meeting of a group, with the protocol it runs (a copy, kept as it was)."""

    group_id: str
    date: str  # ISO date
    place: str = ""
    protocol: Protocol
    planned_rounds: Annotated[int, Limits(ge=1, le=8)] = 3
    available_minutes: int | None = None
    stage: SessionStage = "charter"
    current_round_id: str = ""
    next_date: str = ""  # the next session, for the calendar file
    next_place: str = ""
    break_timer: Timer | None = None
    # Who took part, by member id. A member not in it was not part of the session (they
    # joined the group later) and sees nothing of it. Sessions stored before attendance
    # existed get theirs on reading (app/attendance.py `settle`).
    attendance: dict[str, Presence] = field(default_factory=dict)
    # Who holds each of the protocol's roles (app/roles.py), role key -> member id; a role
    # nobody holds is left out.
    roles: dict[str, str] = field(default_factory=dict)
    coached: bool = False  # run with a coach (the fuller guidance), else by the group alone
    voting: VotingMode = "one"  # sessions stored before the choice of mode voted one vote each
    dots: Annotated[int, Limits(ge=2, le=3)] = 3  # each member's dots, when voting with dots


@frozen
class Round(Record):
    """One carrier's problem examined by the group, step by step."""

    session_id: str
    number: int
    carrier_id: str = ""
    pitch_id: str = ""
    step: int = 0
    step_timers: dict[int, Timer] = field(default_factory=dict)
    speaker: int = 0  # index in the current step's speaking order
    speaker_timer: Timer | None = None
    finished: bool = False
    # the contract (step 6): the carrier's choice and request
    reformulation_id: str = ""
    request_types: tuple[str, ...] = ()
    request: str = ""
    # the choice step's second votes (app/voting.py): how many were held, the tied problems
    # of the current one, and whether a secret vote's counts are shown
    ballot: Annotated[int, Limits(ge=0, le=99)] = 0
    runoff: tuple[str, ...] = ()
    revealed: bool = False
    # Who holds each of the protocol's roles held per round (Role.per_round, app/roles.py),
    # role key -> member id; rounds stored before such roles existed hold none.
    roles: dict[str, str] = field(default_factory=dict)


@frozen
class Pitch(Record):
    """A problem a member proposes to the group (kept until a round examines it)."""

    group_id: str
    session_id: str  # where it was pitched
    member_id: str
    title: str
    text: str = ""
    round_id: str = ""  # the round that examined it; empty while it waits (parking lot)
    withdrawn: bool = False


@frozen
class Vote(Record):
    """A member's vote (or one of their dots) for a pitch."""

    session_id: str
    pitch_id: str
    member_id: str
    ballot: str = ""  # "" the session's vote; "<round id>/<n>" a round's nth second vote (app/voting.py)


@frozen
class Entry(Record):
    """What somebody said at a step: a note, question, reformulation, intervention..."""

    kind: EntryKind
    session_id: str
    round_id: str = ""  # empty for the session's evaluation
    step: str = ""  # the key of the protocol step where it was said
    author_id: str = ""
    text: str
    answered: bool = False  # questions
    help_type: str = ""  # interventions: one of the protocol's request types
    rating: Annotated[int, Limits(ge=1, le=5)] | None = None  # evaluations
    out_of_frame: bool = False  # kept out of every summary


@frozen
class ActionItem(Record):
    """An action of a carrier's plan, followed up at the next sessions."""

    round_id: str
    owner_id: str  # the carrier
    text: str
    due: str = ""  # ISO date
    with_whom: str = ""  # who the carrier will do it with ("quoi, avec qui, pour quand")
    status: ActionStatus = "open"
    comment: str = ""  # at follow-up
    followup_session_id: str = ""  # the session where the status was reviewed

    @property
    def by_due(self) -> tuple[str, str, str]:
        """Its place in a plan: by due date, the undated last, then as entered."""
        return (self.due or "9999-12-31", self.created, self.id)


def by_carrier(items: list[ActionItem], members: dict[str, Member]) -> list[ActionItem]:
    """Actions of several carriers, each carrier's together (in the group's order), each
    carrier's by due date: how the follow-up shows them."""
    order = {m.id: m.order for m in members.values()}
    return sorted(items, key=lambda a: (order.get(a.owner_id, 0), a.owner_id, a.by_due))


@frozen
class GroupProtocol(Record):
    """A group's own protocol, adapted from another or new (app/actions/protocols.py). Its
    `protocol.id` is the record's id; a session runs a copy of it (Session.protocol)."""

    group_id: str
    protocol: Protocol


COLLECTIONS: dict[str, type[Record]] = {
    "groups": Group,
    "members": Member,
    "sessions": Session,
    "rounds": Round,
    "pitches": Pitch,
    "votes": Vote,
    "entries": Entry,
    "action_items": ActionItem,
    "protocols": GroupProtocol,
}


@frozen
class Change(Frozen):
    """What an action changed in one record, as it was before: what undo puts back."""

    collection: str
    id: str
    before: dict[str, Any]  # the changed fields' earlier values; {"deleted": True} for a creation


@frozen
class Local(Frozen):
    """This device's own state: never exported, never merged."""

    device: str = ""
    clock: str = ""  # the latest stamp made or seen here
    undo: tuple[tuple[Change, ...], ...] = ()
    redo: tuple[tuple[Change, ...], ...] = ()
    drafts: dict[str, str] = field(default_factory=dict)  # text being typed, by field key
    language: str = ""  # empty: the browser's language
    muted: bool = False
    projector: bool = False
    budget_on_wall: bool = False  # the presentation window shows the time budget too
    exported_at: int = 0  # epoch ms of the last export


UNDO_DEPTH = 100


def present(members: list[Member], session: Session) -> list[Member]:
    """Those of `members` present at `session`, in their order."""
    return [m for m in members if session.attendance.get(m.id) == "present"]


def tabled(pitch: Pitch, session: Session) -> bool:
    """Whether a session may show a problem: pitched there, or pitched earlier by someone
    present now. A problem comes back to the table through its owner: while they are
    away, nobody who was not there when it was pitched learns of it."""
    return pitch.session_id == session.id or session.attendance.get(pitch.member_id) == "present"


@frozen
class Workspace(Frozen):
    """Every record this device holds, by collection and id, and its own state."""

    groups: dict[str, Group] = field(default_factory=dict)
    members: dict[str, Member] = field(default_factory=dict)
    sessions: dict[str, Session] = field(default_factory=dict)
    rounds: dict[str, Round] = field(default_factory=dict)
    pitches: dict[str, Pitch] = field(default_factory=dict)
    votes: dict[str, Vote] = field(default_factory=dict)
    entries: dict[str, Entry] = field(default_factory=dict)
    action_items: dict[str, ActionItem] = field(default_factory=dict)
    protocols: dict[str, GroupProtocol] = field(default_factory=dict)
    local: Local = field(default_factory=Local)

    def collection(self, name: str) -> dict[str, Record]:
        return getattr(self, name)

    # Queries the views and summaries share. Tombstoned records are never returned.

    def live(self, name: str) -> list[Any]:
        return [r for r in self.collection(name).values() if not r.deleted]

    def members_of(self, group_id: str) -> list[Member]:
        found = [m for m in self.members.values() if m.group_id == group_id and not m.deleted]
        return sorted(found, key=lambda m: (m.order, m.name, m.id))

    def attendees(self, session: Session) -> list[Member]:
        """The members present at a session, in the group's order: who speaks, votes,
        carries and gets a summary."""
        return present(self.members_of(session.group_id), session)

    def sessions_of(self, group_id: str) -> list[Session]:
        found = [s for s in self.sessions.values() if s.group_id == group_id and not s.deleted]
        return sorted(found, key=lambda s: (s.date, s.stamp))

    def rounds_of(self, session_id: str) -> list[Round]:
        found = [r for r in grouped(self.rounds, "session_id").get(session_id, ()) if not r.deleted]
        return sorted(found, key=lambda r: (r.number, r.id))

    def entries_of(self, round_id: str, kind: str | None = None) -> list[Entry]:
        found = [
            e
            for e in self.entries.values()
            if e.round_id == round_id and not e.deleted and (kind is None or e.kind == kind)
        ]
        return sorted(found, key=lambda e: (e.created, e.id))

    def session_entries(self, session_id: str, kind: str) -> list[Entry]:
        found = [
            e
            for e in self.entries.values()
            if e.session_id == session_id and e.kind == kind and not e.deleted and not e.round_id
        ]
        return sorted(found, key=lambda e: (e.created, e.id))

    def protocols_of(self, group_id: str) -> list[GroupProtocol]:
        """The group's own protocols, oldest first."""
        found = [p for p in self.protocols.values() if p.group_id == group_id and not p.deleted]
        return sorted(found, key=lambda p: (p.created, p.id))

    def pitches_of(self, session_id: str) -> list[Pitch]:
        found = [p for p in grouped(self.pitches, "session_id").get(session_id, ()) if not p.deleted]
        return sorted(found, key=lambda p: (p.created, p.id))

    def parking_lot(self, group_id: str) -> list[Pitch]:
        """Pitches of the group that no round has examined yet."""
        found = [
            p
            for p in grouped(self.pitches, "group_id").get(group_id, ())
            if not p.deleted and not p.round_id and not p.withdrawn
        ]
        return sorted(found, key=lambda p: (p.created, p.id))

    def carried_over(self, session_id: str) -> list[Pitch]:
        """The parking lot a session inherits: problems pitched at the group's earlier
        sessions by members present at it (`tabled`) that were still waiting when it opened,
        in the order they were pitched,
        whether a round has examined them since or not; and those that their owners
        withdrew after it opened (so that the screen keeps them in place, to be put back)."""
        session = self.sessions.get(session_id)
        if session is None:
            return []

        def here(p: Pitch) -> bool:
            if p.round_id:
                examined = self.rounds.get(p.round_id)
                when = self.sessions.get(examined.session_id) if examined is not None else None
                return when is not None and when.created >= session.created
            return not p.withdrawn or p.stamp > session.created

        found = [
            p
            for p in self.pitches.values()
            if p.group_id == session.group_id
            and p.session_id != session_id
            and not p.deleted
            and (not session.created or p.created < session.created)
            and tabled(p, session)
            and here(p)
        ]
        return sorted(found, key=lambda p: (p.created, p.id))

    def votes_for(self, pitch_id: str, session_id: str = "") -> list[Vote]:
        """The votes for a pitch; in one session only when it is given (votes belong to
        the session where they were cast, a pitch carried over starts the next with none)."""
        return [
            v
            for v in self.votes.values()
            if v.pitch_id == pitch_id and not v.deleted and (not session_id or v.session_id == session_id)
        ]

    def action_items_of(self, round_id: str) -> list[ActionItem]:
        found = [a for a in grouped(self.action_items, "round_id").get(round_id, ()) if not a.deleted]
        return sorted(found, key=lambda a: a.by_due)

    def last_carried(self, group_id: str) -> dict[str, str]:
        """Per member of the group, the date of the session where they last carried a
        problem ("" if never), so the room can favour those who have not."""
        last = {m.id: "" for m in self.members_of(group_id)}
        for session in self.sessions_of(group_id):
            for round_ in self.rounds_of(session.id):
                if round_.carrier_id in last:
                    last[round_.carrier_id] = max(last[round_.carrier_id], session.date)
        return last

    def open_action_items(self, group_id: str, before_session: str = "") -> list[ActionItem]:
        """Action plans of the group's earlier sessions still open or in progress: the
        follow-up that opens the next session."""
        earlier = {s.id for s in self.sessions_of(group_id) if s.id != before_session}
        rounds = {r.id for r in self.rounds.values() if r.session_id in earlier and not r.deleted}
        found = [
            a
            for a in self.action_items.values()
            if a.round_id in rounds and not a.deleted and a.status in ("open", "in_progress")
        ]
        return sorted(found, key=lambda a: (a.due or "9999", a.created, a.id))

    def followed_up_in(self, session_id: str) -> list[ActionItem]:
        found = [a for a in self.action_items.values() if a.followup_session_id == session_id and not a.deleted]
        return sorted(found, key=lambda a: (a.created, a.id))

    def running_session(self) -> Session | None:
        running = [s for s in self.sessions.values() if not s.deleted and s.stage != "finished"]
        return max(running, key=lambda s: s.stamp, default=None)
