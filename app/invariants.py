"""What every screen and action relies on in a workspace, checked where data comes in
(app/restore.py: an imported file, a stored shard).

Types are pydantic's part (or app/frozen.py's, for data read unchecked at start-up); this
module checks what types do not say: stamps of one bounded shape, dates every writer of a
date accepts, numbers in the ranges the engine computes with, protocols the engine can run,
conflict versions that can be shown and picked. What fails one of them is refused with
`FileFormatError` naming the place (`check`). Positions that depend on another record (a
round's step within its session's protocol) cannot be checked record by record, since a
merge may bring either side later: `settle` brings them back in range instead.

Pure Python and cheap: start-up runs `check` over ten years of history before the first
screen (app/shards.py `read_unchecked`).
"""

from __future__ import annotations

import math
import re
from typing import Any, Iterator

from app.clock import LAST_WALL_MS, is_stamp
from app.dates import is_date
from app.model import COLLECTIONS, Local, Record, Round, Session, Timer, Workspace
from app.protocol import Step

# Far above anything a group makes, far below what breaks arithmetic or a screen.
MAX_COUNT = 10_000  # a member's place in the speaking order, a round's number, a speaker
MAX_MINUTES = 24 * 60  # a step's minutes, a session's available minutes
MAX_STEPS = 100  # a protocol's steps
MINUTE_MS = 60_000
VERSION_FIELDS = ("stamp", "device", "base", "known", "created")
DEVICE = r"\*|[A-Za-z0-9_.:-]{1,64}"  # a device id, or "*" (any device) in `known`

# Optional ISO dates, by collection.
DATES = {"groups": ("charter_acknowledged",), "sessions": ("date", "next_date"), "action_items": ("due",)}
# Whole numbers and their ranges, by collection (None is allowed where the model allows it).
NUMBERS = {
    "members": {"order": (0, MAX_COUNT)},
    "sessions": {"planned_rounds": (1, 8), "available_minutes": (1, MAX_MINUTES)},
    "rounds": {"number": (1, MAX_COUNT), "speaker": (0, MAX_COUNT)},
    "entries": {"rating": (1, 5)},
}
TIMER = {"budget_ms": (0, LAST_WALL_MS), "started_at": (0, LAST_WALL_MS), "elapsed_ms": (0, LAST_WALL_MS),
         "extra_ms": (-LAST_WALL_MS, LAST_WALL_MS)}


class Refusal(Exception):
    """An invariant broken at `place` (restore turns it into a FileFormatError)."""

    def __init__(self, key: str, place: str) -> None:
        super().__init__(key, place)
        self.key, self.place = key, place


def check(ws: Workspace) -> None:
    """Raise `Refusal` at the first record that breaks an invariant."""
    for name in COLLECTIONS:
        for record in ws.collection(name).values():
            where = f"{name}/{record.id}"
            check_versions(record, where, name)
            check_dates(record, where, name)
            check_numbers(record, where, name)
            if isinstance(record, Session):
                check_protocol(record, where)
            if isinstance(record, Round):
                check_timers(record, where)


def check_versions(record: Record, where: str, collection: str) -> None:
    """Stamps of one bounded shape and devices of one shape, on the record and on each
    conflict version; and conflict versions whose text is text (a person is shown it and
    may pick it)."""
    from app.merge import TEXT_FIELDS  # the merge says which fields a conflict carries

    if not _sound_version({field: getattr(record, field) for field in VERSION_FIELDS}):
        raise Refusal("restore.error.version", where)
    for entry in record.conflicts:
        texts = (entry.get(field, "") for field in TEXT_FIELDS[collection])
        if not (isinstance(entry.get("stamp"), str) and _sound_version(entry) and all(isinstance(t, str) for t in texts)):
            raise Refusal("sync.error.invalid", f"{where}/conflicts")


def _sound_version(fields: dict[str, Any]) -> bool:
    known, device = fields.get("known", {}), fields.get("device", "")
    stamps = [fields.get("stamp", ""), fields.get("base", ""), fields.get("created", "")]
    return (
        isinstance(known, dict)
        and isinstance(device, str)
        and (not device or re.fullmatch(DEVICE, device) is not None)
        and all(isinstance(other, str) and re.fullmatch(DEVICE, other) for other in known)
        and all(isinstance(stamp, str) and is_stamp(stamp) for stamp in [*stamps, *known.values()])
    )


def check_dates(record: Record, where: str, collection: str) -> None:
    for field in DATES.get(collection, ()):
        value = getattr(record, field)
        if value and not is_date(value):
            raise Refusal("restore.error.date", f"{where}/{field}")


def check_numbers(record: Record, where: str, collection: str) -> None:
    _in_ranges(record, NUMBERS.get(collection, {}), where)


def _in_ranges(value: Any, ranges: dict[str, tuple[int, int]], where: str) -> None:
    for field, (low, high) in ranges.items():
        number = getattr(value, field)
        if number is not None and not low <= number <= high:
            raise Refusal("restore.error.number", f"{where}/{field}")


def check_protocol(session: Session, where: str) -> None:
    """A protocol the engine can run: steps it can count (1 to MAX_STEPS), each with a
    duration it can compute with (finite, from 0 to a day)."""
    steps = session.protocol.steps
    if not 1 <= len(steps) <= MAX_STEPS:
        raise Refusal("restore.error.protocol", f"{where}/protocol/steps")
    for n, step in enumerate(steps):
        minutes = step.minutes
        if minutes is not None and not (math.isfinite(minutes) and 0 <= minutes <= MAX_MINUTES):
            raise Refusal("restore.error.number", f"{where}/protocol/steps/{n}/minutes")
    if session.break_timer is not None:
        _in_ranges(session.break_timer, TIMER, f"{where}/break_timer")


def check_timers(round_: Round, where: str) -> None:
    for index, timer in _timers(round_):
        _in_ranges(timer, TIMER, f"{where}/{index}")


def _timers(round_: Round) -> Iterator[tuple[str, Timer]]:
    for index, timer in round_.step_timers.items():
        yield f"step_timers/{index}", timer
    if round_.speaker_timer is not None:
        yield "speaker_timer", round_.speaker_timer


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
    there is, its turns start again. A merge may bring a session's protocol and its rounds
    from different files, hence here, for the whole workspace, and not in `check`."""
    update: dict[str, Round] = {}
    for round_ in ws.rounds.values():
        session = ws.sessions.get(round_.session_id)
        if session is not None:
            settled = _within(round_, session.protocol.steps)
            if settled is not round_:
                update[round_.id] = settled
    return ws.model_copy(update={"rounds": {**ws.rounds, **update}}) if update else ws


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
