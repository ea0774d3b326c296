"""Restore keeps what the screens and actions rely on (issue 16, items 1 and 2): each file
below was accepted and then broke a screen or an action. Now it is refused in words, or
accepted in a shape on which every screen renders and every action applies or is refused
(tests/support/every_screen.py)."""

from __future__ import annotations

import base64
import json
import zlib

import pytest

from app.sync import file_format, restore, shards
from app.clock import LAST_WALL_MS, format_stamp, next_stamp
from app.dates import LAST_YEAR
from app.sync.merge import merge
from app.sync.restore import FileFormatError
from support.every_screen import exercise
from support.restored import edited, finished, running


def refused(data: bytes) -> FileFormatError:
    with pytest.raises(FileFormatError) as error:
        file_format.load(data)
    return error.value


def protocol_steps(data):
    return data["sessions"]["s-1"]["protocol"]["steps"]


@pytest.mark.parametrize("step", [99, -100])
def test_a_round_at_a_step_its_protocol_does_not_have_goes_to_the_nearest_one(step):
    ws = file_format.load(edited(running(), lambda d: d["rounds"]["r-3"].update(step=step)))
    last = len(ws.sessions["s-1"].protocol.steps) - 1
    assert ws.rounds["r-3"].step == (last if step > 0 else 0)
    assert ws.rounds["r-3"].step in ws.rounds["r-3"].step_timers
    exercise(ws)


def test_a_one_step_protocol_under_a_round_further_on_keeps_the_round_on_that_step():
    ws = file_format.load(edited(running(), lambda d: d["sessions"]["s-1"]["protocol"].update(steps=protocol_steps(d)[:1])))
    assert {r.step for r in ws.rounds.values()} == {0}
    assert all(set(r.step_timers) <= {0} for r in ws.rounds.values())
    exercise(ws)


def test_a_merge_that_brings_a_shorter_protocol_is_settled_too():
    """A newer version of the session from another file, with one step, over rounds at step 2."""
    theirs = file_format.load(edited(running(), lambda d: (
        d["sessions"]["s-1"]["protocol"].update(steps=protocol_steps(d)[:1]),
        d["sessions"]["s-1"].update(stamp=format_stamp(LAST_WALL_MS - 1, 0)),
    )))
    merged = restore.settle(merge(file_format.load(running()), theirs))
    assert len(merged.sessions["s-1"].protocol.steps) == 1 and merged.rounds["r-3"].step == 0
    exercise(merged)


@pytest.mark.parametrize("minutes", [float("nan"), float("inf"), float("-inf")])
def test_minutes_that_are_not_a_number_are_refused(minutes):
    data = edited(running(), lambda d: protocol_steps(d)[3].update(minutes=minutes))
    assert refused(data).key == "restore.error.huge_number"


@pytest.mark.parametrize("minutes", [-5, 10**6, 1e9])
def test_minutes_out_of_a_day_are_refused_naming_the_step(minutes):
    error = refused(edited(running(), lambda d: protocol_steps(d)[3].update(minutes=minutes)))
    assert (error.key, error.params) == ("restore.error.number", {"place": "sessions/s-1/protocol/steps/3/minutes"})


@pytest.mark.parametrize(("field", "value"), [("date", "9999-12-31"), ("next_date", "9999-12-31"),
                                              ("date", "1969-07-20"), ("date", "2026-02-30"), ("next_date", "demain")])
def test_dates_no_writer_accepts_are_refused(field, value):
    error = refused(edited(finished(), lambda d: d["sessions"]["s-1"].update({field: value})))
    assert (error.key, error.params) == ("restore.error.date", {"place": f"sessions/s-1/{field}"})


def test_dates_at_the_bounds_are_accepted_and_every_file_is_made():
    ws = file_format.load(edited(finished(), lambda d: (
        d["sessions"]["s-1"].update(date=f"{LAST_YEAR}-12-31", next_date=f"{LAST_YEAR}-12-31"),
        d["action_items"]["r-1-a1"].update(due="1980-01-01"),
    )))
    exercise(ws)


def test_a_session_whose_group_is_nowhere_is_kept_and_breaks_nothing():
    ws = file_format.load(edited(running(), lambda d: d["sessions"]["s-1"].update(group_id="g-ghost")))
    assert ws.sessions["s-1"].group_id == "g-ghost"  # kept: a merge with its group shows it again
    exercise(ws)


@pytest.mark.parametrize("stamp", ["x", "~", "NaN.NaN", "1", "999999999999999.999999", "001780000000000.00000x",
                                   "００１７８００００００００００.000000"])
def test_a_stamp_of_another_shape_is_refused(stamp):
    error = refused(edited(finished(), lambda d: d["groups"]["g-1"].update(stamp=stamp)))
    # the shape is the model's (sync.error.invalid, naming the field); the bound, the invariants'
    assert error.key in ("restore.error.version", "sync.error.invalid") and error.params["place"].startswith("groups/g-1")
    assert refused(edited(finished(), lambda d: d["entries"]["r-1-q0"].update(known={"d-x": stamp}))).key in ("restore.error.version", "sync.error.invalid")


def test_stamps_keep_their_shape_up_to_the_last_one_a_file_may_hold():
    last = format_stamp(LAST_WALL_MS, 999_999)
    assert file_format.load(edited(finished(), lambda d: d["groups"]["g-1"].update(stamp=last))).groups["g-1"].stamp == last
    assert len(next_stamp(last, 0)) == len(last)


def test_a_stored_shard_with_a_stamp_of_another_shape_is_set_aside_and_the_rest_starts():
    stored = shards.items(file_format.load(finished()))
    key = shards.GROUP + "g-1"
    data = json.loads(zlib.decompress(base64.b64decode(stored[key])))
    data["groups"]["g-1"]["stamp"] = "NaN.NaN"
    stored[key] = base64.b64encode(zlib.compress(json.dumps(data).encode())).decode()
    assert shards.read_unchecked(stored) is None  # left to the checked reading
    ws, aside = shards.read(stored)
    assert set(aside) == {key} and "s-1" in ws.sessions
    exercise(ws)


def test_a_stored_clock_of_another_shape_starts_again():
    stored = shards.items(file_format.load(finished()))
    stored[shards.LOCAL] = json.dumps({"clock": "~", "exported_at": 10**15})
    for ws in (shards.read(stored)[0], shards.read_unchecked(stored)):
        assert (ws.local.clock, ws.local.exported_at) == ("", 0)


@pytest.mark.parametrize(("collection", "record", "change", "key"), [
    ("rounds", "r-3", {"speaker": -1}, "restore.error.number"),
    ("rounds", "r-3", {"number": 0}, "restore.error.number"),
    ("members", "m-lea", {"order": 10**9}, "restore.error.number"),
    ("sessions", "s-1", {"available_minutes": 0}, "restore.error.number"),
    # bounds the models declare, which pydantic checks first (the unchecked reading, here)
    ("sessions", "s-1", {"planned_rounds": 9}, "sync.error.invalid"),
    ("entries", "ev-0", {"rating": 0}, "sync.error.invalid"),
])
def test_numbers_out_of_range_are_refused_naming_where(collection, record, change, key):
    error = refused(edited(running(), lambda d: d[collection][record].update(change)))
    assert (error.key, error.params) == (key, {"place": f"{collection}/{record}/{next(iter(change))}"})


def test_timers_out_of_range_are_refused():
    error = refused(edited(running(), lambda d: d["rounds"]["r-3"]["step_timers"]["2"].update(elapsed_ms=-1)))
    assert (error.key, error.params) == ("restore.error.number", {"place": "rounds/r-3/step_timers/2/elapsed_ms"})


def test_a_conflict_whose_text_is_not_text_is_refused():
    version = {"stamp": format_stamp(1_780_000_000_000, 0), "device": "d-x", "text": ["une", "liste"]}
    error = refused(edited(finished(), lambda d: d["entries"]["r-1-q0"].update(conflicts=[version])))
    assert (error.key, error.params) == ("sync.error.invalid", {"place": "entries/r-1-q0/conflicts"})


# Item 2: numbers outside what the format allows are refused as the file is read.

@pytest.mark.parametrize("number", [b"1" + b"0" * 5000, b"-" + b"9" * 5000, b"1e400", b"-1e400", b"NaN",
                                    b"Infinity", b"-Infinity", b"9007199254740993", b"1" + b"0" * 100000 + b".5"])
def test_a_number_outside_what_a_file_may_hold_is_refused_at_once(number):
    assert refused(b'{"format": "cercle", "version": ' + number + b"}").key == "restore.error.huge_number"
    assert refused(finished().replace(b'"number":1', b'"number":' + number, 1)).key == "restore.error.huge_number"


def test_the_largest_numbers_a_file_holds_are_read():
    assert file_format.load(b'{"format": "cercle", "version": 1, "x": [9007199254740992, -9007199254740992, 1.5e15]}').groups == {}


@pytest.mark.parametrize("action", [
    {"type": "start_session", "group_id": "g-1", "date": "9999-12-31"},
    {"type": "set_next_session", "session_id": "s-1", "date": "2108-01-01"},
    {"type": "acknowledge_charter", "session_id": "s-1", "date": "1979-12-31"},
    {"type": "add_action_item", "round_id": "r-1", "text": "Agir", "due": "2027-02-30"},
])
def test_actions_take_only_the_dates_restore_accepts(action):
    """What an action may write, a file may hold: no date an export could not carry back."""
    from pydantic import ValidationError

    from app.actions import parse

    with pytest.raises(ValidationError):
        parse(action)
    parse({**action, **{field: "2107-12-31" for field in ("date", "due") if field in action}})


# Item 8: what a round, a session, a group and a file may hold.

def crowded(collection: str, count: int, record: dict) -> bytes:
    def change(d):
        d[collection].update({f"x-{n}": {**record, "id": f"x-{n}"} for n in range(count)})
    return edited(finished(), change)


def test_a_round_holds_up_to_a_thousand_contributions():
    from app import invariants

    note = {"kind": "note", "session_id": "s-1", "round_id": "r-1", "text": "…"}
    ws = file_format.load(finished())
    held = len(ws.entries_of("r-1")) + len(ws.action_items_of("r-1"))
    file_format.load(crowded("entries", invariants.MAX_PER_ROUND - held, note))
    error = refused(crowded("entries", invariants.MAX_PER_ROUND - held + 1, note))
    assert (error.key, error.params) == ("restore.error.too_many", {"place": "rounds/r-1", "limit": invariants.MAX_PER_ROUND})


@pytest.mark.parametrize(("collection", "record", "place"), [
    ("entries", {"kind": "evaluation", "session_id": "s-1", "text": "…"}, "sessions/s-1"),
    ("members", {"group_id": "g-1", "name": "Quelqu'un"}, "groups/g-1"),
])
def test_a_session_or_a_group_crowded_beyond_any_real_one_is_refused(collection, record, place):
    from app import invariants

    error = refused(crowded(collection, invariants.MAX_PER_SESSION + 1, record))
    assert error.key == "restore.error.too_many" and error.params["place"] == place


def test_a_file_with_more_records_than_years_of_history_is_refused(monkeypatch):
    from app import invariants

    monkeypatch.setattr(invariants, "MAX_RECORDS", 200)  # the same check, on a small file
    error = refused(crowded("groups", 200, {"name": "Groupe"}))
    assert (error.key, error.params) == ("restore.error.too_many_records", {"place": "", "limit": 200})


def test_a_session_whose_current_round_is_another_sessions_has_none():
    """Its screen would show that round's step in its own protocol, which may not have it."""
    def change(d):
        d["sessions"]["s-2"] = {**d["sessions"]["s-1"], "id": "s-2", "current_round_id": "r-3",
                                "protocol": {**d["sessions"]["s-1"]["protocol"], "steps": protocol_steps(d)[:1]}}

    ws = file_format.load(edited(running(), change))
    assert ws.sessions["s-2"].current_round_id == "" and ws.sessions["s-1"].current_round_id == "r-3"
    exercise(ws)
