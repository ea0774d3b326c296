"""Validation of protocols with words (issue 19, item 3), and the sweep: what it accepts runs."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.i18n import translator
from app.protocol import DEFAULT_ID, LIBRARY, Protocol, Step, T
from app.protocol_check import MAX_STEPS, problems
from support.protocol_play import played

DEFAULT = LIBRARY[DEFAULT_ID]


def keys(protocol: Protocol) -> list[str]:
    return [p.key.removeprefix("protocol.check.") for p in problems(protocol)]


def with_steps(*steps: Step, base: Protocol = DEFAULT) -> Protocol:
    return base.model_copy(update={"steps": tuple(steps)})


def step(key: str, capture: str = "none", speaker: str = "group", **extra) -> Step:
    return Step(key=key, title=T(f"Étape {key}", f"Step {key}"), do=T("", ""), speaker=speaker, capture=capture, **extra)


@pytest.mark.parametrize("protocol", list(LIBRARY.values()), ids=list(LIBRARY))
def test_every_built_in_protocol_passes_and_plays_a_round(protocol):
    assert problems(protocol) == []
    room = played(protocol)
    assert room.ws.rounds["r-1"].finished and room.ws.sessions["s-1"].stage == "between"


def test_a_choice_after_a_step_that_needs_the_chosen_problem_is_refused():
    expose, choice = DEFAULT.steps[2], DEFAULT.steps[1]
    found = problems(with_steps(DEFAULT.steps[0], expose, choice, *DEFAULT.steps[3:]))
    assert [(p.key, p.params) for p in found] == [
        ("protocol.check.needs_problem", {"n": 2, "choice": 3}),
        ("protocol.check.once_not_first", {"n": 3}),  # the choice is once per session, after a step of every round
    ]


def test_a_contract_with_no_reformulation_before_it_is_refused():
    steps = list(DEFAULT.steps)
    steps.remove(DEFAULT.steps[4])  # the reformulations
    assert keys(with_steps(*steps)) == ["contract_without_reformulations"]
    swapped = [*DEFAULT.steps[:4], DEFAULT.steps[5], DEFAULT.steps[4], *DEFAULT.steps[6:]]
    assert keys(with_steps(*swapped)) == ["contract_without_reformulations"]


@pytest.mark.parametrize("minutes", [0, -1, 241, math.inf, math.nan])
def test_times_out_of_range_are_refused(minutes):
    assert keys(with_steps(step("a", speaker="carrier", minutes=minutes))) == ["minutes"]


@pytest.mark.parametrize("minutes", [None, 0.5, 240])
def test_times_in_range_and_untimed_steps_pass(minutes):
    assert keys(with_steps(step("a", speaker="carrier", minutes=minutes))) == []


def test_empty_names_and_titles_are_refused():
    unnamed = DEFAULT.model_copy(update={"name": T("Mon protocole", "  ")})
    assert keys(unnamed) == ["empty_name"]
    assert keys(with_steps(step("a").model_copy(update={"title": T("", "Step")}))) == ["empty_title"]


def test_step_counts_and_duplicate_keys_are_refused():
    assert keys(with_steps()) == ["no_steps"]
    assert keys(with_steps(*(step(f"s{i}") for i in range(MAX_STEPS)))) == []
    assert keys(with_steps(*(step(f"s{i}") for i in range(MAX_STEPS + 1)))) == ["too_many_steps"]
    assert keys(with_steps(step("a"), step("b"), step("a"))) == ["duplicate_key"]


def test_rounds_and_turns_are_checked():
    assert keys(with_steps(step("a", per_person=True, minutes=2))) == ["per_person"]
    assert keys(with_steps(step("a", once_per_session=True), step("b"))) == ["once_without_choice"]
    assert keys(with_steps(step("v", "vote"), step("a", once_per_session=True))) == ["once_not_first"]
    assert keys(with_steps(step("v", "vote", once_per_session=True))) == ["no_round_step"]
    assert keys(with_steps(step("v", "vote"), step("w", "vote"))) == ["second_choice"]


def test_every_reason_is_said_in_both_languages():
    broken = with_steps(step("a", "contract", "carrier", minutes=0), step("a", per_person=True), step("v", "vote"), step("w", "vote"))
    found = problems(broken.model_copy(update={"name": T("", ""), "request_types": ()}))
    assert len({p.key for p in found}) >= 6
    for lang in ("fr", "en"):
        _ = translator(lang)
        for p in found:
            said = _(p.key, **p.params)
            assert said != p.key and "{" not in said


# Generated protocols: any step kinds in any order, kept when the validator accepts them.
CAPTURES = ["pitches", "vote", "notes", "questions", "reformulations", "contract", "interventions",
            "synthesis", "learnings", "evaluation", "followup", "none"]
SPEAKERS = ["carrier", "consultants", "each_member", "each_consultant", "group", "facilitator"]


@st.composite
def generated(draw) -> Protocol:
    count = draw(st.integers(1, 8))
    steps = []
    for i in range(count):
        speaker = draw(st.sampled_from(SPEAKERS))
        round_robin = speaker in ("each_member", "each_consultant")
        steps.append(step(
            f"s{i}", draw(st.sampled_from(CAPTURES)), speaker,
            minutes=draw(st.one_of(st.none(), st.sampled_from([0.5, 1, 5, 30]))),
            per_person=round_robin and draw(st.booleans()),
            once_per_session=draw(st.booleans()) if i < 2 else False,
        ))
    return with_steps(*steps)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(generated())
def test_every_protocol_the_validator_accepts_plays_to_the_end_of_a_round(protocol):
    if problems(protocol):
        return
    event("accepted")
    room = played(protocol)
    assert room.ws.rounds["r-1"].finished
    assert room.ws.sessions["s-1"].protocol == protocol


@pytest.mark.parametrize("fewest, most", [(1, 8), (5, 4), (4, 9)])
def test_group_sizes_out_of_range_are_refused(fewest, most):
    assert keys(DEFAULT.model_copy(update={"fewest_members": fewest, "most_members": most})) == ["sizes"]
