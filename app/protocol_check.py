"""Whether a protocol can run, and if not, what to fix, in words (issue 19).

A group's own protocol (app/actions/protocols.py) and a protocol file (app/protocol_file.py)
are checked here before anything keeps them: the engine (app/actions/) can then play every
step of a round, and every gate has something that can open it. The built-in protocols pass
(tests/test_protocol_check.py), and every protocol that passes plays from a new group to the
end of a round (the same test, with hypothesis).
"""

from __future__ import annotations

import math
import re

from app.frozen import Frozen, frozen
from app.protocol import REQUEST_TYPES, Protocol, Step, Text

MAX_STEPS = 20
MAX_ROLES = 6  # besides the carrier: in a group of eight, two left to consult
MAX_MINUTES = 240  # four hours for one step: more is a typo
MAX_NAME = 200
MAX_TEXT = 20_000
SMALLEST_GROUP, LARGEST_GROUP = 2, 8  # a carrier and a consultant; a Cercle group's most members
KEY = r"[a-z0-9][a-z0-9-]{0,39}"
# Steps that make no sense without a carrier and their problem: the carrier speaks, the
# consultants answer them, or what is captured is about their problem.
NEEDS_PROBLEM = frozenset({"notes", "questions", "reformulations", "contract", "interventions", "synthesis"})
FOR_THE_CARRIER = frozenset({"carrier", "consultants", "each_consultant"})


@frozen
class Problem(Frozen):
    """One reason a protocol cannot run: a message key of the `protocols` catalog (the
    `roles_editor` one for its roles) and its parameters (`n`: the step's or role's number, from 1)."""

    key: str
    params: dict[str, int | str]


def needs_problem(step: Step) -> bool:
    return step.capture in NEEDS_PROBLEM or step.speaker in FOR_THE_CARRIER


def problems(protocol: Protocol) -> list[Problem]:
    """What stops the protocol from running, in the order a person would fix it; empty if it can run."""
    found: list[Problem] = []

    def add(key: str, **params: int | str) -> None:
        found.append(Problem(key=f"protocol.check.{key}", params=params))

    if _blank(protocol.name):
        add("empty_name")
    if _too_long(protocol.name, MAX_NAME) or _too_long(protocol.source, MAX_TEXT):
        add("name_too_long", max=MAX_NAME)
    steps = protocol.steps
    if not steps:
        add("no_steps")
    if len(steps) > MAX_STEPS:
        add("too_many_steps", max=MAX_STEPS)
    seen: set[str] = set()
    for n, step in enumerate(steps, 1):
        _check_step(step, n, add)
        if step.key in seen:
            add("duplicate_key", n=n)
        seen.add(step.key)
    _check_order(steps, add)
    if not protocol.request_types or any(t not in REQUEST_TYPES for t in protocol.request_types):
        add("request_types")
    if not SMALLEST_GROUP <= protocol.fewest_members <= protocol.most_members <= LARGEST_GROUP:
        add("sizes", low=SMALLEST_GROUP, high=LARGEST_GROUP)
    found += role_problems(protocol)
    return found


def role_problems(protocol: Protocol) -> list[Problem]:
    """What the protocol's roles must be for the setup, the rotation and the summaries to
    tell them apart: at most MAX_ROLES, each named in both languages, no two keys or names
    alike, one at most to whom the script speaks (messages: the `roles_editor` catalog)."""
    found: list[Problem] = []
    roles = protocol.roles
    if len(roles) > MAX_ROLES:
        found.append(Problem(key="roles_editor.error.too_many", params={"max": MAX_ROLES}))
    names: set[str] = set()
    keys: set[str] = set()
    for n, role in enumerate(roles, 1):
        if _blank(role.name):
            found.append(Problem(key="roles_editor.error.no_name", params={"n": n}))
        elif _too_long(role.name, MAX_NAME):
            found.append(Problem(key="roles_editor.error.too_long", params={"n": n, "max": MAX_NAME}))
        said = {text.strip().casefold(): text.strip() for text in (role.name.fr, role.name.en) if text.strip()}
        clash = [text for folded, text in said.items() if folded in names]
        if clash:
            found.append(Problem(key="roles_editor.error.same_name", params={"name": clash[0]}))
        names |= said.keys()
        if role.key in keys or not re.fullmatch(KEY, role.key):
            found.append(Problem(key="roles_editor.error.key", params={"n": n}))
        keys.add(role.key)
    if sum(role.leads for role in roles) > 1:
        found.append(Problem(key="roles_editor.error.two_leads", params={}))
    return found


def _check_step(step: Step, n: int, add) -> None:
    if not re.fullmatch(KEY, step.key):
        add("bad_key", n=n)
    if _blank(step.title):
        add("empty_title", n=n)
    texts = [t for t in (step.do, step.dont, step.script, step.coach) if t is not None]
    if _too_long(step.title, MAX_NAME) or any(_too_long(t, MAX_TEXT) for t in texts):
        add("text_too_long", n=n)
    if step.minutes is not None and not (math.isfinite(step.minutes) and 0 < step.minutes <= MAX_MINUTES):
        add("minutes", n=n, max=MAX_MINUTES)
    if step.per_person and not step.round_robin:
        add("per_person", n=n)


def _check_order(steps: tuple[Step, ...], add) -> None:
    """Gates and rounds: what must come before what."""
    votes = [n for n, s in enumerate(steps, 1) if s.capture == "vote"]
    contracts = [n for n, s in enumerate(steps, 1) if s.capture == "contract"]
    for n in votes[1:]:
        add("second_choice", n=n)
    for n in contracts[1:]:
        add("second_contract", n=n)
    if votes:
        for n, step in enumerate(steps[: votes[0] - 1], 1):
            if needs_problem(step):
                add("needs_problem", n=n, choice=votes[0])
    reformulations = [n for n, s in enumerate(steps, 1) if s.capture == "reformulations"]
    for n in contracts[:1]:
        if not any(r < n for r in reformulations):
            add("contract_without_reformulations", n=n)
    once = [n for n, s in enumerate(steps, 1) if s.once_per_session]
    for n in once:
        if any(not s.once_per_session for s in steps[: n - 1]):
            add("once_not_first", n=n)
        if not votes:
            add("once_without_choice", n=n)
    if steps and len(once) == len(steps):
        add("no_round_step")


def _blank(text: Text) -> bool:
    return not text.fr.strip() or not text.en.strip()


def _too_long(text: Text, limit: int) -> bool:
    return len(text.fr) > limit or len(text.en) > limit
