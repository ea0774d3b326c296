"""Protocols as data: the steps of a peer-group round, and the built-in library.

A protocol is plain data (frozen dataclasses, app/frozen.py) so that a group can adapt one and keep it: a
session stores a snapshot of the protocol it runs, never a reference to this module.
"""

import math
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from typing import Annotated, Literal

from app import i18n
from app.frozen import Frozen, Limits, frozen

Language = Literal["fr", "en"]
LANGUAGES: tuple[Language, ...] = i18n.LANGUAGES  # the protocols' texts are in every language of the interface

Speaker = Literal["carrier", "consultants", "each_member", "each_consultant", "group", "facilitator"]
ROUND_ROBIN: frozenset[str] = frozenset({"each_member", "each_consultant"})

Capture = Literal[
    "pitches",  # one pitch per member (title, a few lines)
    "vote",  # votes per pitch, then the chosen pitch (gates the next step)
    "notes",  # the carrier's exposé notes
    "questions",  # questions, who asked, answered or not
    "reformulations",  # one reformulation per consultant
    "contract",  # chosen reformulation + request types + text (gates the next step)
    "interventions",  # who, type, text
    "synthesis",  # what the carrier keeps, and an action plan
    "learnings",  # one learning per member
    "evaluation",  # the session's evaluation round
    "followup",  # follow-up of earlier carriers' action plans
    "none",
]

# What a contribution is (Entry.kind) and the step that captures it: one vocabulary for the
# actions, the screens and the summaries.
ENTRY_CAPTURE: dict[str, Capture] = {
    "note": "notes",
    "question": "questions",
    "reformulation": "reformulations",
    "intervention": "interventions",
    "synthesis": "synthesis",
    "learning": "learnings",
    "evaluation": "evaluation",
}
CONSULTANTS_ONLY = frozenset({"question", "reformulation", "intervention"})  # the carrier listens
CARRIER_ONLY = frozenset({"note", "synthesis"})  # the carrier's own: never anonymised in summaries

REQUEST_TYPES: tuple[str, ...] = ("avis", "conseils", "temoignages", "hypotheses", "ressources")


@frozen
class Text(Frozen):
    """A piece of interface text in every language of the app."""

    fr: str
    en: str

    def __call__(self, language: str) -> str:
        return self.en if language == "en" else self.fr


@frozen
class Step(Frozen):
    """A step of a protocol: who speaks, for how long, and what is captured."""

    key: str
    title: Text
    do: Text
    dont: Text | None = None
    script: Text | None = None  # what the facilitator may say, read aloud
    coach: Text | None = None  # a coached session's fuller guidance: why, what to watch, pitfalls
    speaker: Speaker
    capture: Capture = "none"
    minutes: float | None = None  # None: untimed
    per_person: bool = False  # minutes is per speaker
    once_per_session: bool = False  # e.g. the pitches: not repeated in later rounds

    def __post_init__(self) -> None:
        # The library writes whole minutes as ints; stored and read back they are floats.
        # One type, so that a step compares and dumps alike wherever it came from (the
        # merge's tie-break reads model_dump, app/sync/merge.py).
        if type(self.minutes) is int:
            object.__setattr__(self, "minutes", float(self.minutes))

    @property
    def gate(self) -> str | None:
        """What must be resolved before leaving this step."""
        return {"vote": "chosen_pitch", "contract": "contract"}.get(self.capture)

    @property
    def round_robin(self) -> bool:
        return self.speaker in ROUND_ROBIN

    def speakers(self, members: list[str], carrier: str | None) -> list[str]:
        """The speaking order of a round-robin step (member ids), empty otherwise."""
        if self.speaker == "each_member":
            return list(members)
        if self.speaker == "each_consultant":
            return [m for m in members if m != carrier]
        return []

    def budget_minutes(self, speaker_count: int) -> float | None:
        """The whole step's time, per-person times multiplied by the speaking turns."""
        if self.minutes is None:
            return None
        return self.minutes * max(speaker_count, 1) if self.per_person else self.minutes


@frozen
class Role(Frozen):
    """A role some member holds for a session, or for each round where the method says so
    (besides each round's carrier)."""

    key: str
    name: Text
    leads: bool = False  # the facilitator's script speaks to whoever holds it
    per_round: bool = False  # a holder for each round (Round.roles), not one for the session
    # Never the round's carrier (the secretary writes for them): a role per round is never
    # given to them; a role per session goes first to whoever is less likely to carry.
    not_carrier: bool = False


FACILITATOR = Role(key="facilitator", name=Text(fr="Animateur·rice", en="Facilitator"), leads=True)
TIMEKEEPER = Role(key="timekeeper", name=Text(fr="Gardien·ne du temps", en="Timekeeper"))
SECRETARY = Role(key="secretary", name=Text(fr="Secrétaire", en="Secretary"), not_carrier=True)
DEFAULT_ROLES: tuple[Role, ...] = (FACILITATOR, TIMEKEEPER, SECRETARY)


@frozen
class Protocol(Frozen):
    """A protocol: its steps in order, the kinds of help a carrier may ask for, and the
    roles members hold for a session (the animateur, timekeeper and secretary unless the
    protocol names its own)."""

    id: str
    name: Text
    source: Text
    steps: Annotated[tuple[Step, ...], Limits(min_length=1)]
    request_types: tuple[str, ...] = REQUEST_TYPES
    version: int = 1  # a group's own protocol counts its edits: summaries name the version a session ran
    # The smallest and largest group the method is designed for (a group of Cercle has 4 to
    # 8 members); the session's setup says so when a group falls outside.
    fewest_members: int = 4
    most_members: int = 8

    def suits(self, members: int) -> bool:
        return self.fewest_members <= members <= self.most_members

    roles: tuple[Role, ...] = DEFAULT_ROLES

    @property
    def leading_role(self) -> Role | None:
        return next((r for r in self.roles if r.leads), None)

    @property
    def session_roles(self) -> tuple[Role, ...]:
        return tuple(r for r in self.roles if not r.per_round)

    @property
    def round_roles(self) -> tuple[Role, ...]:
        return tuple(r for r in self.roles if r.per_round)

    def step_index(self, key: str) -> int:
        return next(i for i, step in enumerate(self.steps) if step.key == key)

    @property
    def first_round_step(self) -> int:
        """Where rounds after the first start: after the once-per-session steps."""
        return next((i for i, s in enumerate(self.steps) if not s.once_per_session), 0)

    @property
    def chooses_pitch(self) -> bool:
        return any(step.capture == "vote" for step in self.steps)

    @property
    def chooses_pitch_each_round(self) -> bool:
        """The choice is a step of every round (a casting), not only of the session's start."""
        return any(step.capture == "vote" and not step.once_per_session for step in self.steps)

    def round_minutes(self, members: int) -> float:
        return sum(_nominal(s, members) for s in self.steps if not s.once_per_session)

    def session_minutes(self, members: int, rounds: int) -> float:
        once = sum(_nominal(s, members) for s in self.steps if s.once_per_session)
        return once + rounds * self.round_minutes(members)


def named(protocol: Protocol, _: Callable[..., str], language: str) -> str:
    """The protocol a session ran, as its history and summaries say it: its name and
    version (a group's own protocol counts its edits, app/actions/protocols.py)."""
    return _("protocol.named", name=protocol.name(language), version=protocol.version)


def _nominal(step: Step, members: int) -> float:
    speakers = members - 1 if step.speaker == "each_consultant" else members
    return step.budget_minutes(speakers) or 0.0


def scale(protocol: Protocol, available_minutes: float, *, members: int, rounds: int = 1) -> Protocol:
    """The protocol with every timed step scaled so the session fits the time available
    (`fitted`, measured by `session_minutes`). When even one minute a step (and a turn)
    does not fit, the plan then says it takes longer than the time available, and the
    setup screen says so."""
    if protocol.session_minutes(members, rounds) <= 0:
        return protocol
    return fitted(protocol, available_minutes, lambda p: p.session_minutes(members, rounds))


def scaled(protocol: Protocol, factor: float) -> Protocol:
    """Every timed step's time times `factor`, rounded down to the half minute and never
    below one minute; untimed steps stay untimed."""
    steps = tuple(step if step.minutes is None else step.model_copy(update={"minutes": _times(step.minutes, factor)}) for step in protocol.steps)
    return protocol.model_copy(update={"steps": steps})


def _times(minutes: float, factor: float) -> float:
    return max(1.0, math.floor(minutes * factor * 2) / 2)


def fitted(protocol: Protocol, available_minutes: float, length: Callable[[Protocol], float]) -> Protocol:
    """The protocol `scaled` by the largest factor whose `length` (the minutes it plans:
    a session's, or what is left of one, app/budget.py) still fits the time available:
    rounding down alone never overshoots, but the one-minute floor can, and then the other
    steps give the time back. If even every step at its floor does not fit, that is what
    comes back. Untouched when nothing is to be fitted."""
    planned = length(protocol)
    if planned <= 0 or available_minutes <= 0:
        return protocol

    known: dict[tuple[float, ...], bool] = {}

    def fits(factor: float) -> bool:
        # Most factors of the bisection round to a plan already measured (a step's time
        # only changes where minutes x factor x 2 crosses a whole number): measured once
        # each, a dozen plans instead of fifty (the setup screen fits at every key typed).
        times = tuple(_times(step.minutes, factor) for step in protocol.steps if step.minutes is not None)
        if times not in known:
            known[times] = length(scaled(protocol, factor)) <= available_minutes
        return known[times]

    # The plan's length grows with the factor (a step's time never shrinks as it grows):
    # bisect for the largest factor that fits, between the plain ratio when it fits (else
    # nothing: every step at its floor) and well above it (rounding down leaves room).
    ratio = available_minutes / planned
    low, high = (ratio if fits(ratio) else 0.0), 2 * ratio + 1
    for _ in range(50):
        middle = (low + high) / 2
        low, high = (middle, high) if fits(middle) else (low, middle)
    return scaled(protocol, low)


def T(fr: str, en: str) -> Text:
    return Text(fr=fr, en=en)


class _Library(Mapping[str, Protocol]):
    """The built-in protocols by id, in the library's order (app/library/). Built on first
    use, not at import: the first screen does not need them (tests/test_protocol.py checks
    each against pydantic's validation)."""

    @cached_property
    def _protocols(self) -> dict[str, Protocol]:
        from app.library import PROTOCOLS  # built from the classes above

        return {p.id: p for p in PROTOCOLS}

    def __getitem__(self, key: str) -> Protocol:
        return self._protocols[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._protocols)

    def __len__(self) -> int:
        return len(self._protocols)


LIBRARY: Mapping[str, Protocol] = _Library()
DEFAULT_ID = "peer-group-9"
