"""The protocol schema and the built-in library (CPython, no browser)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.protocol import DEFAULT_ID, LANGUAGES, LIBRARY, Protocol, Step, Text, fitted, scale, scaled
from app.library import PROTOCOLS

# Indicative minutes per step, typed from DESIGN.md section 2 (both tables).
# A pair (low, high) is a range; per-person steps are marked "each".
DESIGN_MINUTES: dict[str, list] = {
    "peer-group-9": [(2, "each"), 5, 10, 15, (1, "each"), 5, 20, 10, ((1, 2), "each")],
    "codev-payette-champagne": [10, 15, 5, 25, 15, 15],
    "gease": [10, 10, 20, 20, 10, 15, 10],
    "action-learning": [5, 2, 10, 15, 2, 5, 2],
    "intervision-incident": [5, 10, 5, 15, 10, 10, 10],
    "case-clinic": [2, 15, 3, 10, 20, 10],
    "troika-consulting": [2, 2, 5, 2],
    "kollegiale-beratung": [5, 10, 5, 5, 10, 5],
}

BRIEF_STEPS = [  # the brief's nine key moments, in order
    "pitches",
    "choice",
    "expose",
    "exploration",
    "reformulations",
    "contract",
    "interventions",
    "carrier-synthesis",
    "learnings",
]

ALL = list(LIBRARY.values())
ids = [p.id for p in ALL]


def _texts(protocol: Protocol):
    yield "name", protocol.name
    yield "source", protocol.source
    for step in protocol.steps:
        for field in ("title", "do", "dont", "script"):
            value = getattr(step, field)
            if value is not None:
                yield f"{step.key}.{field}", value


def test_library_is_the_registered_protocols_default_first():
    assert [p.id for p in PROTOCOLS] == list(LIBRARY)
    assert PROTOCOLS[0].id == DEFAULT_ID
    assert set(LIBRARY) == set(DESIGN_MINUTES)


@pytest.mark.parametrize("protocol", ALL, ids=ids)
def test_every_text_in_both_languages(protocol):
    for where, text in _texts(protocol):
        assert isinstance(text, Text)
        for language in LANGUAGES:
            assert text(language).strip(), f"{protocol.id} {where} is empty in {language}"
        assert text("fr") != text("en") or where.endswith("title") or where == "name", where


@pytest.mark.parametrize("protocol", ALL, ids=ids)
def test_step_keys_unique_and_ids_match_keys(protocol):
    keys = [s.key for s in protocol.steps]
    assert len(keys) == len(set(keys))
    assert LIBRARY[protocol.id] is protocol


@pytest.mark.parametrize("protocol", ALL, ids=ids)
def test_nearly_every_step_says_what_not_to_do(protocol):
    assert all(s.dont is not None for s in protocol.steps)
    assert all(s.script is not None for s in protocol.steps)


@pytest.mark.parametrize("protocol", ALL, ids=ids)
def test_gates_are_satisfiable(protocol):
    captures = [s.capture for s in protocol.steps]
    # a contract needs a reformulation to choose from, earlier in the round
    if "contract" in captures:
        assert "reformulations" in captures[: captures.index("contract")]
    # the once-per-session steps come first
    once = [s.once_per_session for s in protocol.steps]
    assert once == sorted(once, reverse=True)


def test_default_is_the_brief_nine_steps():
    default = LIBRARY[DEFAULT_ID]
    assert [s.key for s in default.steps] == BRIEF_STEPS
    gated = [i + 1 for i, s in enumerate(default.steps) if s.gate]
    assert gated == [2, 6]
    assert default.steps[1].gate == "chosen_pitch"
    assert default.steps[5].gate == "contract"
    assert default.first_round_step == 2  # pitches and choice happen once per session


@pytest.mark.parametrize("protocol", ALL, ids=ids)
def test_minutes_match_design(protocol):
    expected = DESIGN_MINUTES[protocol.id]
    assert len(protocol.steps) == len(expected)
    for step, figure in zip(protocol.steps, expected):
        each = isinstance(figure, tuple) and figure[-1] == "each"
        value = figure[0] if each else figure
        assert step.per_person is each, step.key
        if isinstance(value, tuple):
            assert value[0] <= step.minutes <= value[1], step.key
        else:
            assert step.minutes == value, step.key


def test_gease_narration_may_be_untimed():
    narration = LIBRARY["gease"].steps[1]
    assert narration.key == "narration" and narration.minutes == 10
    assert "untimed" in narration.do("en") and "sans minuteur" in narration.do("fr")


# --- scale() -----------------------------------------------------------------------------


def _speakers(step: Step, members: int) -> int:
    return members - 1 if step.speaker == "each_consultant" else members


def _turns(protocol: Protocol, members: int) -> int:
    """Speaking turns over the timed steps: each is rounded to the half minute once."""
    return sum(_speakers(s, members) if s.per_person else 1 for s in protocol.steps if s.minutes is not None)


def test_scale_fits_a_75_minute_slot():
    default = LIBRARY[DEFAULT_ID]
    members = 5
    assert default.session_minutes(members, 1) == 86.5
    scaled = scale(default, 75, members=members, rounds=1)
    factor = 75 / 86.5
    for before, after in zip(default.steps, scaled.steps):
        assert after.minutes >= 1.0, before.key
        assert after.minutes * 2 == int(after.minutes * 2), before.key  # on the half minute
        assert after.minutes <= before.minutes, before.key
    # one factor for every step, at least the plain ratio: each step's time is its
    # indicative time times that factor, rounded down to the half minute
    # (but for the steps held at the one-minute floor)
    pairs = [(b.minutes, a.minutes) for b, a in zip(default.steps, scaled.steps) if a.minutes > 1.0]
    assert len(pairs) == 7
    lowest = max(after / before for before, after in pairs)
    highest = min((after + 0.5) / before for before, after in pairs)
    assert factor <= lowest < highest
    assert sum(a.minutes < b.minutes for a, b in zip(scaled.steps, default.steps)) >= 6
    # Never more than the time given; rounding each timed value down to the half minute
    # loses less than half a minute a turn (6 whole-step values + 5 + 4 + 5 turns = 20).
    total = scaled.session_minutes(members, 1)
    assert 75 - 0.5 * _turns(default, members) < total <= 75
    assert total == 75.0  # what the factor found gives today


def test_the_plans_of_issue_14_no_longer_overshoot():
    """210 minutes for six members and two rounds planned 217.5; 120 planned 131.5."""
    default = LIBRARY[DEFAULT_ID]
    for available in (210, 120):
        total = scale(default, available, members=6, rounds=2).session_minutes(6, 2)
        assert available - 0.5 * _turns(default, 6) * 2 < total <= available


def test_a_slot_too_short_for_one_minute_a_step_gets_the_floors_and_says_it_overshoots():
    default = LIBRARY[DEFAULT_ID]
    scaled = scale(default, 10, members=8, rounds=3)
    assert all(s.minutes == 1.0 for s in scaled.steps)
    assert scaled.session_minutes(8, 3) > 10  # what the setup screen reports


@settings(max_examples=60, deadline=None)
@given(
    protocol=st.sampled_from(ALL),
    members=st.integers(3, 8),
    rounds=st.integers(1, 8),
    available=st.integers(10, 24 * 60),
    untimed=st.sets(st.integers(0, 8), max_size=2),
)
def test_scale_never_exceeds_the_time_available(protocol, members, rounds, available, untimed):
    steps = tuple(s.model_copy(update={"minutes": None}) if i in untimed else s for i, s in enumerate(protocol.steps))
    protocol = protocol.model_copy(update={"steps": steps})
    scaled = scale(protocol, available, members=members, rounds=rounds)
    for before, after in zip(protocol.steps, scaled.steps):
        assert (after.minutes is None) == (before.minutes is None)
        if after.minutes is not None:
            assert after.minutes >= 1.0 and (after.minutes * 2).is_integer()
    shortest = protocol.model_copy(update={"steps": tuple(s if s.minutes is None else s.model_copy(update={"minutes": 1.0}) for s in protocol.steps)})
    total = scaled.session_minutes(members, rounds)
    if shortest.session_minutes(members, rounds) > available:
        assert scaled == shortest, "too short: one minute a step, and the plan says how long"
        return
    assert total <= available
    # The time is used: rounding down leaves less than half a minute a turn unplanned,
    # when the one-minute floor does not take its share at the plain ratio.
    ratio = available / protocol.session_minutes(members, rounds)
    if all(s.minutes is None or s.minutes * ratio >= 1 for s in protocol.steps):
        turns = sum((_speakers(s, members) if s.per_person else 1) * (1 if s.once_per_session else rounds) for s in protocol.steps if s.minutes is not None)
        assert total > available - 0.5 * turns


def bisected(protocol: Protocol, available: float, length) -> Protocol:
    """fitted() as it was: fifty halvings over the reals (the reference its cuts must match)."""
    planned = length(protocol)
    if planned <= 0 or available <= 0:
        return protocol
    ratio = available / planned
    low, high = (ratio if length(scaled(protocol, ratio)) <= available else 0.0), 2 * ratio + 1
    for _ in range(50):
        middle = (low + high) / 2
        low, high = (middle, high) if length(scaled(protocol, middle)) <= available else (low, middle)
    return scaled(protocol, low)


@settings(max_examples=80, deadline=None)
@given(
    protocol=st.sampled_from(ALL),
    minutes=st.lists(st.sampled_from([0.5, 1, 1.5, 2, 3, 5, 7, 7.5, 10, 12, 15, 20, 25, 45, 90]), min_size=9, max_size=9),
    members=st.integers(3, 8),
    rounds=st.integers(1, 8),
    available=st.integers(10, 24 * 60),
)
def test_fitting_by_cuts_finds_the_plan_the_fifty_halvings_found(protocol, minutes, members, rounds, available):
    steps = tuple(s.model_copy(update={"minutes": float(m)}) for s, m in zip(protocol.steps, minutes))
    protocol = protocol.model_copy(update={"steps": steps})
    measured = []

    def length(p: Protocol) -> float:
        measured.append(p)
        return p.session_minutes(members, rounds)

    assert fitted(protocol, available, length) == bisected(protocol, available, lambda p: p.session_minutes(members, rounds))
    assert len(measured) <= 30  # the reference measured 52 plans


def test_fitting_a_library_plan_measures_a_dozen_plans():
    default = LIBRARY[DEFAULT_ID]
    measured = []
    fitted(default, 210, lambda p: measured.append(p) or p.session_minutes(6, 2))
    assert len(measured) <= 15


def test_scale_leaves_untimed_steps_untimed():
    default = LIBRARY[DEFAULT_ID]
    untimed = default.model_copy(
        update={"steps": tuple(s.model_copy(update={"minutes": None}) if s.key == "expose" else s for s in default.steps)}
    )
    scaled = scale(untimed, 60, members=5)
    expose = scaled.steps[scaled.step_index("expose")]
    assert expose.minutes is None
    assert all(s.minutes is not None for s in scaled.steps if s.key != "expose")
    assert 60 - 0.5 * _turns(untimed, 5) < scaled.session_minutes(5, 1) <= 60


def test_scale_up_for_a_larger_slot():
    default = LIBRARY[DEFAULT_ID]
    scaled = scale(default, 120, members=5)
    for before, after in zip(default.steps, scaled.steps):
        assert after.minutes >= before.minutes, before.key
    assert sum(a.minutes > b.minutes for a, b in zip(scaled.steps, default.steps)) >= 6
    assert scaled.session_minutes(5, 1) > default.session_minutes(5, 1)
    assert 120 - 0.5 * _turns(default, 5) < scaled.session_minutes(5, 1) <= 120


@pytest.mark.parametrize("protocol", ALL, ids=ids)
def test_scale_every_protocol(protocol):
    members = 3 if protocol.id == "troika-consulting" else 5
    planned = protocol.session_minutes(members, 1)
    scaled = scale(protocol, planned * 0.8, members=members)
    assert all(s.minutes >= 1.0 for s in scaled.steps if s.minutes is not None)
    assert scaled.session_minutes(members, 1) < planned


# --- speakers, round trip ------------------------------------------------------------------


def test_round_robin_speakers():
    default = LIBRARY[DEFAULT_ID]
    members = ["ana", "bob", "chloe", "dan"]
    each_member = default.steps[default.step_index("pitches")]
    each_consultant = default.steps[default.step_index("reformulations")]
    carrier_step = default.steps[default.step_index("expose")]
    assert each_member.round_robin and each_consultant.round_robin and not carrier_step.round_robin
    assert each_member.speakers(members, "bob") == members
    assert each_consultant.speakers(members, "bob") == ["ana", "chloe", "dan"]
    assert each_consultant.speakers(members, None) == members
    assert carrier_step.speakers(members, "bob") == []
    # per-person budgets count the consultants only
    assert default.round_minutes(4) == 10 + 15 + 1 * 3 + 5 + 20 + 10 + 1.5 * 4


@pytest.mark.parametrize("protocol", ALL, ids=ids)
def test_round_trip(protocol):
    assert Protocol.model_validate(protocol.model_dump()) == protocol
    assert Protocol.model_validate_json(protocol.model_dump_json()) == protocol
    assert Protocol.model_validate(protocol.model_dump(mode="json")) == protocol


def test_minutes_are_floats_wherever_a_step_comes_from():
    """The library writes whole minutes; stored and read back they are floats: one type, so
    that the merge's tie-break (model_dump) does not depend on where a copy came from."""
    first = LIBRARY["peer-group-9"].steps[0]
    assert type(first.minutes) is float
    step = Step(key="k", title=first.title, do=first.do, speaker="group", minutes=5)
    assert step.model_dump() == Step.model_validate_json(step.model_dump_json()).model_dump()
    assert type(step.minutes) is float


# --- what not to do --------------------------------------------------------------------------

# Under "À éviter :" / "Avoid:", a line names the thing to avoid: a French infinitive (or a
# pronominal one), an English gerund. An instruction ("Les consultants écoutent…", "Keep it
# short") or a negation ("Ne pas…", "No advice") reads backwards under that label.
FRENCH_INFINITIVE = re.compile(r"^(?:se |s'|s’)?[a-zàâçéèêëîïôûù]+(?:er|ir|re|oir)\b", re.IGNORECASE)
NEGATIONS = ("ne ", "n'", "pas ", "aucun", "personne", "no ", "not ", "don't", "do not", "never", "nobody")


@pytest.mark.parametrize("protocol", ALL, ids=ids)
def test_every_line_to_avoid_names_the_thing_to_avoid(protocol):
    for step in protocol.steps:
        french, english = step.dont("fr"), step.dont("en")
        assert FRENCH_INFINITIVE.match(french), f"{protocol.id} {step.key}: {french!r}"
        assert re.match(r"^[A-Z][a-z]+ing\b", english), f"{protocol.id} {step.key}: {english!r}"
        for text in (french, english):
            assert not text.lower().startswith(NEGATIONS), f"{protocol.id} {step.key}: {text!r}"


def test_the_lines_quoted_in_issue_14_are_things_to_avoid():
    default, intervision = LIBRARY[DEFAULT_ID], LIBRARY["intervision-incident"]
    dont = {step.key: step.dont("fr") for step in default.steps}
    assert dont["learnings"].startswith("Revenir sur le problème du porteur")
    assert dont["expose"].startswith("Interrompre l’exposé")
    assert dont["interventions"].startswith("Répondre aux interventions ou se justifier")
    cases = intervision.steps[intervision.step_index("cases")]
    assert cases.dont("fr").startswith("Raconter le cas en détail")
    # what those lines used to say is now what to do
    assert "Les consultants écoutent" in default.steps[default.step_index("expose")].do("fr")
    assert "le porteur écoute en silence" in default.steps[default.step_index("interventions")].do("fr")
    assert "factuelles" in cases.do("fr")
