"""The pydantic gate (app/startup/gate.py): what changes the workspace waits until pydantic is
up, then runs in the order it came; the same intent sent twice meanwhile waits once."""

from __future__ import annotations

from app.startup.gate import Gate, intent, needed_for
from app.views.routes import Route


def test_what_comes_before_the_gate_opens_waits_then_runs_in_order():
    gate, done = Gate(), []
    gate.when_open(lambda: done.append("typed"))
    gate.when_open(lambda: done.append("clicked"))
    assert done == [] and not gate.is_open
    gate.open()
    assert gate.is_open and done == ["typed", "clicked"]
    gate.when_open(lambda: done.append("after"))
    assert done == ["typed", "clicked", "after"], "once open, at once"
    gate.open()
    assert done == ["typed", "clicked", "after"], "what ran does not run again"


def test_a_task_that_fails_does_not_drop_the_ones_after_it(capsys):
    gate, done = Gate(), []
    gate.when_open(lambda: 1 / 0)
    gate.when_open(lambda: done.append("next"))
    gate.open()
    assert done == ["next"]
    assert "ZeroDivisionError" in capsys.readouterr().err


def test_the_same_intent_sent_twice_while_waiting_waits_once():
    gate, done = Gate(), []
    form = intent("add_entry", "", {"text": "Q", "round_id": "r-1"})
    assert gate.hold(form, lambda: done.append(1))
    assert not gate.hold(intent("add_entry", "", {"round_id": "r-1", "text": "Q"}), lambda: done.append(2)), \
        "the same fields, in another order: the same form"
    assert gate.hold(intent("add_entry", "", {"text": "Other", "round_id": "r-1"}), lambda: done.append(3))
    assert gate.hold(intent("", "export", {}), lambda: done.append(4))
    gate.open()
    assert done == [1, 3, 4]
    assert gate.hold(form, lambda: done.append(5)), "answered: the same form may be sent again"
    assert done == [1, 3, 4, 5]


def test_only_the_screens_built_from_pydantic_models_wait_for_the_gate():
    assert needed_for(Route("summaries", (("id", "s-1"),))) and needed_for(Route("shared-summary"))
    assert not any(needed_for(Route(screen)) for screen in ("home", "group", "session", "presentation", "transfer"))
