"""Records as frozen dataclasses (app/frozen.py): what they share, how pydantic checks them
where data comes in, and the unchecked reading of what this app stored itself."""

from __future__ import annotations

import dataclasses

import pytest
from pydantic import ValidationError

from app.frozen import Limits, NotPlain, dumps, from_plain
from app.model import Entry, Local, Round, Session, Timer, Workspace
from app.protocol import LIBRARY, Protocol
from support.room import Room


def test_records_are_immutable_and_compare_and_hash_by_value():
    timer = Timer(budget_ms=60_000)
    with pytest.raises(dataclasses.FrozenInstanceError):
        timer.elapsed_ms = 5  # type: ignore[misc]
    assert timer == Timer(budget_ms=60_000) and hash(timer) == hash(Timer(budget_ms=60_000))
    assert timer != Timer(budget_ms=1) and timer.model_copy() is timer
    assert timer.model_copy(update={"extra_ms": 60_000}).extra_ms == 60_000
    assert repr(timer) == "Timer(budget_ms=60000, started_at=None, elapsed_ms=0, extra_ms=0)"


def test_records_are_built_by_field_names_as_dataclasses_would_build_them():
    """`Frozen.__init__` stands in for the constructor dataclasses would write (app/frozen.py)."""
    with pytest.raises(TypeError, match=r"Timer.__init__\(\) got an unexpected keyword argument 'budget'"):
        Timer(budget=5)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"Round.__init__\(\) missing 2 required keyword-only arguments: 'id', 'number'"):
        Round(session_id="s-1")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Timer(60_000)  # type: ignore[misc]
    first, second = Local(), Local()
    assert first.drafts == {} and first.drafts is not second.drafts  # each its own default
    assert [f.name for f in dataclasses.fields(Timer)] == list(vars(Timer(budget_ms=1)))  # the fields' order
    step = LIBRARY["peer-group-9"].steps[0]
    assert isinstance(dataclasses.replace(step, minutes=3).minutes, float)  # __post_init__ still runs
    with pytest.raises(dataclasses.FrozenInstanceError):
        del step.key
    assert Workspace() != Local() and Workspace() == Workspace()
    assert {Timer(budget_ms=1), Timer(budget_ms=1), Timer()} == {Timer(budget_ms=1), Timer()}


def test_values_that_allow_it_are_also_built_in_order():
    from app.views.context import BrowserState, Storage, View
    from app.views.routes import Route

    assert Route("session", (("id", "s-1"),)) == Route(screen="session", params=(("id", "s-1"),))
    assert Route("session").params == () and hash(Route("a")) == hash(Route(screen="a"))
    with pytest.raises(TypeError, match="takes 3 positional arguments but 4 were given"):
        Route("a", (), "extra")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="got multiple values for argument 'screen'"):
        Route("a", screen="b")  # type: ignore[misc]
    with pytest.raises(TypeError, match="takes 1 positional argument but 2 were given"):
        Timer(60_000)  # type: ignore[misc]
    view = View(ws=Workspace(), lang="en")
    assert view._("nav.home") == View(Workspace(), lang="en")._("nav.home") and view == View(Workspace(), lang="en")
    assert dataclasses.replace(view, lang="fr")._ is not view._  # the translator follows the language
    assert BrowserState(Storage(failed=True)).storage.failed and "_" not in [f.name for f in dataclasses.fields(View)]


def test_values_of_any_number_of_fields_and_fields_that_must_be_named():
    from app.frozen import Value, frozen

    @frozen
    class Nothing(Value):
        pass

    @frozen
    class One(Value):
        x: int = 0

    assert Nothing() == Nothing() and hash(Nothing()) == hash(Nothing()) and repr(Nothing()) == "Nothing()"
    assert One() == One(x=0) != One(x=1) and hash(One(x=1)) == hash(One(x=1)) and repr(One(x=1)) == "One(x=1)"

    @frozen(kw_only=False)
    class Mixed(Value):
        x: int = 0
        y: int = dataclasses.field(default=1, kw_only=True)
        z: int = 2

    assert Mixed(1, 3) == Mixed(x=1, y=1, z=3)  # as dataclasses would: y is only given by name
    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument 'a'"):
        @frozen(kw_only=False)
        class Wrong(Value):
            a: int = 0
            b: int
    with pytest.raises(TypeError, match="subclasses of Value"):
        @frozen
        class Plain:
            x: int = 0
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'ws'"):
        from app.views.context import View
        View()  # type: ignore[call-arg]


def test_records_built_by_pydantic_are_the_same_records():
    timer = Timer.model_validate({"budget_ms": 60_000, "unknown": 1})
    assert timer == Timer(budget_ms=60_000) and hash(timer) == hash(Timer(budget_ms=60_000))
    assert list(vars(timer)) == list(vars(Timer()))
    with pytest.raises(dataclasses.FrozenInstanceError):
        timer.budget_ms = 1  # type: ignore[misc]
    import copy
    import pickle

    assert copy.deepcopy(timer) == timer and pickle.loads(pickle.dumps(timer)) == timer


def test_plain_data_keeps_tuples_and_nests_records_as_dicts():
    round_ = Round(id="r-1", session_id="s-1", number=1, step_timers={2: Timer(budget_ms=5)}, request_types=("avis",))
    dumped = round_.model_dump()
    assert dumped["step_timers"] == {2: {"budget_ms": 5, "started_at": None, "elapsed_ms": 0, "extra_ms": 0}}
    assert dumped["request_types"] == ("avis",)
    assert round_.model_dump(include={"id", "number"}) == {"id": "r-1", "number": 1}
    assert "conflicts" not in round_.model_dump(exclude={"conflicts"})
    assert round_.model_dump(mode="json")["step_timers"] == {"2": {"budget_ms": 5, "started_at": None, "elapsed_ms": 0, "extra_ms": 0}}
    assert dumps(Timer(budget_ms=5)) == '{"budget_ms":5,"started_at":null,"elapsed_ms":0,"extra_ms":0}'


def test_pydantic_checks_records_with_their_bounds_where_data_comes_in():
    assert Session.model_validate({"id": "s", "group_id": "g", "date": "2026-01-01", "protocol": LIBRARY["peer-group-9"].model_dump(),
                                   "planned_rounds": 8}).planned_rounds == 8
    cases = [
        (Session, {"id": "s", "group_id": "g", "date": "2026-01-01", "protocol": LIBRARY["peer-group-9"].model_dump(), "planned_rounds": 9}, "less_than_equal"),
        (Entry, {"id": "e", "kind": "evaluation", "session_id": "s", "text": "", "rating": 0}, "greater_than_equal"),
        (Entry, {"id": "", "kind": "note", "session_id": "s", "text": ""}, "string_too_short"),
        (Entry, {"id": "x" * 65, "kind": "note", "session_id": "s", "text": ""}, "string_too_long"),
        (Entry, {"id": "e", "kind": "gossip", "session_id": "s", "text": ""}, "literal_error"),
        (Protocol, {**LIBRARY["peer-group-9"].model_dump(), "steps": ()}, "too_short"),
    ]
    for model, data, kind in cases:
        with pytest.raises(ValidationError) as refused:
            model.model_validate(data)
        assert refused.value.errors()[0]["type"] == kind, (model, kind)
    assert repr(Limits(ge=1, le=8)) == "Limits(ge=1, le=8)"


def test_json_written_by_pydantic_reads_back_unchecked_to_the_same_records():
    room = Room()
    room.group()
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    ws = room.ws
    import json

    for name, model in (("sessions", Session), ("rounds", Round)):
        for record in ws.collection(name).values():
            assert from_plain(model, json.loads(record.model_dump_json())) == record
    local = Local(drafts={"k": "v"}, undo=())
    assert from_plain(Local, json.loads(local.model_dump_json())) == local
    assert from_plain(Workspace, {}) == Workspace()


@pytest.mark.parametrize("hint, value", [
    (Timer, ["not", "a", "dict"]),
    (Round, {"id": "r", "session_id": "s"}),  # number missing
    (Round, {"id": "r", "session_id": "s", "number": 1, "step_timers": {"two": {}}}),
    (Round, {"id": "r", "session_id": "s", "number": 1, "request_types": "avis"}),
    (Round, {"id": "r", "session_id": "s", "number": 1, "step_timers": []}),
    (Round, {"id": "r", "session_id": "s", "number": True}),  # a bool is not a number here
    (Entry, {"id": "e", "kind": "gossip", "session_id": "s", "text": ""}),
    (Timer, {"budget_ms": "60000"}),
    (tuple[int, int], [1, 2]),
])
def test_data_of_another_shape_is_not_read_unchecked(hint, value):
    with pytest.raises(NotPlain):
        from_plain(hint, value)


def test_unchecked_reading_converts_what_json_cannot_say():
    round_ = from_plain(Round, {"id": "r", "session_id": "s", "number": 1, "step_timers": {"-1": {"budget_ms": None}},
                                "request_types": ["avis"], "unknown": 1})
    assert round_.step_timers == {-1: Timer()} and round_.request_types == ("avis",)
    step = LIBRARY["peer-group-9"].steps[0].model_dump()
    assert from_plain(type(LIBRARY["peer-group-9"].steps[0]), {**step, "minutes": 5}).minutes == 5.0
    assert isinstance(from_plain(type(LIBRARY["peer-group-9"].steps[0]), {**step, "minutes": 5}).minutes, float)
