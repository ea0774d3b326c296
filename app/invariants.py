"""What every screen and action relies on in a workspace, checked where data comes in
(app/sync/restore.py: an imported file, a stored shard).

Types are pydantic's part (or app/frozen.py's, for data read unchecked at start-up); this
module checks what types do not say: stamps of one bounded shape, dates every writer of a
date accepts, numbers in the ranges the engine computes with, protocols the engine can run,
conflict versions that can be shown and picked. What fails one of them is refused with
`FileFormatError` naming the place (`check`). Positions that depend on another record (a
round's step within its session's protocol) cannot be checked record by record, since a
merge may bring either side later: `settle` brings them back in range instead.

Pure Python and cheap: start-up runs `check` over ten years of history before the first
screen (app/sync/shards.py `read_unchecked`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any, Callable, Iterator

from app.clock import LAST_WALL_MS, is_stamp
from app.dates import is_date
from app.kinds import OF_RECORD
from app.model import COLLECTIONS, GroupProtocol, Local, Record, Round, Session, Timer, Workspace
from app.protocol import Protocol, Step

# Far above anything a group makes, far below what breaks arithmetic or a screen.
MAX_COUNT = 10_000  # a member's place in the speaking order, a round's number, a speaker
MAX_MINUTES = 24 * 60  # a step's minutes, a session's available minutes
MAX_STEPS = 100  # a protocol's steps
MINUTE_MS = 60_000
# What one round, one session, one group and one file may hold: ten years of quarterly
# half-days are about 4,000 contributions and 5,000 records in all; a busy round has 60.
MAX_PER_ROUND = 1_000  # contributions (entries) and action items
MAX_PER_SESSION = 5_000  # its rounds, pitches, votes and entries
MAX_MEMBERS = 200  # a group's members, removed ones included
MAX_RECORDS = 100_000
DEVICE = r"\*|[A-Za-z0-9_.:~-]{1,80}"  # a device id, or "*" (any device) in `known`



class Refusal(Exception):
    """An invariant broken at `place` (restore turns it into a FileFormatError); `limit`
    names the bound a count went over."""

    def __init__(self, key: str, place: str, limit: int | None = None) -> None:
        super().__init__(key, place)
        self.key, self.place, self.limit = key, place, limit


def check(ws: Workspace) -> None:
    """Raise `Refusal` at the first record that breaks an invariant, naming where."""
    check_counts(ws)
    for name in COLLECTIONS:
        checks = CHECKS[name]
        for record in ws.collection(name).values():
            try:
                for one in checks:
                    one(record)
            except Refusal as refusal:
                raise Refusal(refusal.key, f"{name}/{record.id}{refusal.place}") from None


# Who holds what a bound counts: (the owner's collection, its limit, per counted collection
# the field naming the owner). Tombstones count: they are stored and exported too.
BOUNDS: tuple[tuple[str, int, dict[str, str]], ...] = (
    ("rounds", MAX_PER_ROUND, {"entries": "round_id", "action_items": "round_id"}),
    ("sessions", MAX_PER_SESSION, {"rounds": "session_id", "pitches": "session_id", "votes": "session_id",
                                   "entries": "session_id"}),
    ("groups", MAX_MEMBERS, {"members": "group_id"}),
)


def check_counts(ws: Workspace) -> None:
    """No more records than any group makes, by far: beyond, a screen's cost is a hostile
    file's to choose."""
    if sum(len(ws.collection(name)) for name in COLLECTIONS) > MAX_RECORDS:
        raise Refusal("restore.error.too_many_records", "", MAX_RECORDS)
    for owner, limit, counted in BOUNDS:
        counts = Counter(getattr(r, field) for name, field in counted.items() for r in ws.collection(name).values())
        for owner_id, count in counts.items():
            if owner_id and count > limit:
                raise Refusal("restore.error.too_many", f"{owner}/{owner_id}"[:200], limit)


def room_for(ws: Workspace, written: dict[str, dict[str, Record]], collection: str, record: Record) -> None:
    """Raise `Refusal` if a new record of `collection` would take its owners (or the whole
    workspace) beyond a bound: what an action may not create, since restore would refuse
    it at the next start. `written`: what the action wrote before, by collection and id."""
    def new(name: str) -> list[Record]:
        return [r for i, r in written.get(name, {}).items() if i not in ws.collection(name)]

    def held(name: str) -> Iterator[Record]:
        yield from ws.collection(name).values()
        yield from new(name)

    if sum(len(ws.collection(name)) + len(new(name)) for name in COLLECTIONS) >= MAX_RECORDS:
        raise Refusal("restore.error.too_many_records", "", MAX_RECORDS)
    for owner, limit, counted in BOUNDS:
        owner_id = getattr(record, counted[collection]) if collection in counted else ""
        if owner_id and sum(getattr(r, f) == owner_id for name, f in counted.items() for r in held(name)) >= limit:
            raise Refusal("restore.error.too_many", f"{owner}/{owner_id}"[:200], limit)


# Each check takes a record and raises `Refusal` with the place within it ("/date").

def check_versions(record: Record) -> None:
    """Stamps of one bounded shape and devices of one shape, on the record and on each
    conflict version; and conflict versions whose text is text (a person is shown it and
    may pick it). The record's fields have their types already; a conflict's are unchecked."""
    device = record.device
    if not (is_stamp(record.stamp) and is_stamp(record.created)
            and (not device or re.fullmatch(DEVICE, device)) and (not record.known or _sound_known(record.known))
            and _sound_changed(record.changed)):
        raise Refusal("restore.error.version", "")
    if record.conflicts:
        from app.sync.merge import TEXT_FIELDS  # the merge says which fields a conflict carries

        fields = TEXT_FIELDS[OF_RECORD[type(record)].collection]
        for entry in record.conflicts:
            texts = [entry.get(field, "") for field in fields]
            stamp, device = entry.get("stamp"), entry.get("device")
            known, changed = entry.get("known", {}), entry.get("changed", {})
            if not (all(isinstance(text, str) for text in [*texts, stamp, device]) and is_stamp(stamp)
                    and re.fullmatch(DEVICE, device) and isinstance(known, dict) and _sound_known(known)
                    and isinstance(changed, dict) and _sound_changed(changed)):
                raise Refusal("sync.error.invalid", "/conflicts")


def _sound_changed(changed: dict[Any, Any]) -> bool:
    """Each field names the version that set it, `stamp/device` (app/sync/merge.py `version`);
    a device's own copy of a version it holds twice is `device~digest`."""
    for field, named in changed.items():
        if not (isinstance(field, str) and isinstance(named, str)):
            return False
        stamp, _, device = named.partition("/")
        if not (is_stamp(stamp) and re.fullmatch(r"[A-Za-z0-9_.:~-]{1,200}", device)):
            return False
    return True


def _sound_known(known: dict[Any, Any]) -> bool:
    return all(isinstance(other, str) and isinstance(stamp, str) and re.fullmatch(DEVICE, other) and is_stamp(stamp)
               for other, stamp in known.items())


def dates(*fields: str) -> Callable[[Record], None]:
    """The check that these fields are empty or days every writer of a date accepts."""
    def check_dates(record: Record) -> None:
        for field in fields:
            value = getattr(record, field)
            if value and not is_date(value):
                raise Refusal("restore.error.date", f"/{field}")

    return check_dates


def numbers(**ranges: tuple[int, int]) -> Callable[[Any], None]:
    """The check that these fields are None (where allowed) or whole numbers in their range."""
    def check_numbers(value: Any) -> None:
        for field, (low, high) in ranges.items():
            number = getattr(value, field)
            if number is not None and not low <= number <= high:
                raise Refusal("restore.error.number", f"/{field}")

    return check_numbers


check_timer = numbers(budget_ms=(0, LAST_WALL_MS), started_at=(0, LAST_WALL_MS), elapsed_ms=(0, LAST_WALL_MS),
                      extra_ms=(-LAST_WALL_MS, LAST_WALL_MS))


def check_protocol(session: Session) -> None:
    _countable(session.protocol)
    if session.break_timer is not None:
        _within_timer(session.break_timer, "/break_timer")


def check_own_protocol(own: GroupProtocol) -> None:
    """A group's own protocol: the same bounds as a session's copy. Whether it can run a
    round is app/protocol_check.py's to say, when a session starts with it: a stricter
    check here would set the group's whole shard aside."""
    _countable(own.protocol)


def _countable(protocol: Protocol) -> None:
    """A protocol the engine can run: steps it can count (1 to MAX_STEPS), each with a
    duration it can compute with (finite, from 0 to a day)."""
    steps = protocol.steps
    if not 1 <= len(steps) <= MAX_STEPS:
        raise Refusal("restore.error.protocol", "/protocol/steps")
    for n, step in enumerate(steps):
        minutes = step.minutes
        if minutes is not None and not (math.isfinite(minutes) and 0 <= minutes <= MAX_MINUTES):
            raise Refusal("restore.error.number", f"/protocol/steps/{n}/minutes")


def check_timers(round_: Round) -> None:
    for where, timer in _timers(round_):
        _within_timer(timer, where)


def _within_timer(timer: Timer, where: str) -> None:
    try:
        check_timer(timer)
    except Refusal as refusal:
        raise Refusal(refusal.key, where + refusal.place) from None


def _timers(round_: Round) -> Iterator[tuple[str, Timer]]:
    for index, timer in round_.step_timers.items():
        yield f"/step_timers/{index}", timer
    if round_.speaker_timer is not None:
        yield "/speaker_timer", round_.speaker_timer


# What each collection's records are checked for.
CHECKS: dict[str, tuple[Callable[[Any], None], ...]] = {
    "groups": (check_versions, dates("charter_acknowledged")),
    "members": (check_versions, numbers(order=(0, MAX_COUNT))),
    "sessions": (check_versions, dates("date", "next_date"),
                 numbers(planned_rounds=(1, 8), available_minutes=(1, MAX_MINUTES), dots=(2, 3)), check_protocol),
    "rounds": (check_versions, numbers(number=(1, MAX_COUNT), speaker=(0, MAX_COUNT), ballot=(0, 99)), check_timers),
    "pitches": (check_versions,),
    "votes": (check_versions,),
    "entries": (check_versions, numbers(rating=(1, 5))),
    "action_items": (check_versions, dates("due")),
    "protocols": (check_versions, check_own_protocol),
}


def check_local(local: Local) -> Local:
    """This device's stored state with a clock and an export time it can compute with: a
    clock of another shape starts again (the next stamp follows the wall clock), an export
    time out of range is forgotten (the reminder to export shows)."""
    update: dict[str, Any] = {}
    if not is_stamp(local.clock):
        update["clock"] = ""
    if not 0 <= local.exported_at <= LAST_WALL_MS:
        update["exported_at"] = 0
    return local.model_copy(update=update)


def settle(ws: Workspace) -> Workspace:
    """The workspace with every round's step within its session's protocol, with a timer
    (app/actions/steps.py pauses, resumes and extends it), and only timers of steps that
    protocol has: a round at a step its protocol does not have goes to the nearest step
    there is, its turns start again; and no role never the carrier's held by the round's
    carrier. And a session's current round is one of its own. A
    merge may bring a session and its rounds from different files, hence here, for the
    whole workspace, and not in `check`."""
    rounds: dict[str, Round] = {}
    for round_ in ws.rounds.values():
        session = ws.sessions.get(round_.session_id)
        if session is not None:
            settled = _off_carrier(_within(round_, session.protocol.steps), session.protocol)
            if settled is not round_:
                rounds[round_.id] = settled
    sessions = {
        s.id: s.model_copy(update={"current_round_id": ""})
        for s in ws.sessions.values()
        if s.current_round_id in ws.rounds and ws.rounds[s.current_round_id].session_id != s.id
    }
    update = {name: {**ws.collection(name), **changed} for name, changed in (("rounds", rounds), ("sessions", sessions)) if changed}
    return ws.model_copy(update=update) if update else ws


def _off_carrier(round_: Round, protocol: Protocol) -> Round:
    """A round whose carrier holds a role never theirs (one device chose their problem while
    another, apart, gave them the role: each merged on its own key): nobody holds it until
    someone is given it (app/actions/roles.py refuses it to the carrier)."""
    barred = {r.key for r in protocol.round_roles if r.not_carrier}
    kept = {role: member for role, member in round_.roles.items() if not (role in barred and member == round_.carrier_id)}
    return round_ if len(kept) == len(round_.roles) else round_.model_copy(update={"roles": kept})


def _within(round_: Round, steps: tuple[Step, ...]) -> Round:
    last = len(steps) - 1
    timers = {i: t for i, t in round_.step_timers.items() if 0 <= i <= last}
    if 0 <= round_.step <= last and round_.step in timers and len(timers) == len(round_.step_timers):
        return round_
    step = min(max(round_.step, 0), last)
    if step not in timers:
        minutes = steps[step].minutes
        timers[step] = Timer(budget_ms=None if minutes is None else round(minutes * MINUTE_MS))
    moved = {"speaker": 0, "speaker_timer": None} if step != round_.step else {}
    return round_.model_copy(update={"step": step, "step_timers": timers, **moved})
