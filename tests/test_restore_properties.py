"""Whatever restore accepts, the app can use (issue 16, item 1, DESIGN.md §5 "Restore").

Files made by the half-day (tests/support/restored.py), then changed anywhere: any field of any
record, nested ones included (a protocol's steps, timers, conflict versions), given a value
of another type, out of range, of another shape, pointing at another record or nowhere,
taken away, or a list cut short. Loading such a file either refuses it with words
(`FileFormatError`) or gives a workspace on which every screen renders, every file of the
summaries is made, and every action aimed at the changed record (and a sample of the
others) applies or is refused with an `ActionError` (tests/support/every_screen.py).

A few hundred files per run; CERCLE_HYPOTHESIS_EXAMPLES=5000 tries more.
"""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.sync import file_format, shards
from app.clock import LAST_WALL_MS, format_stamp
from app.sync.restore import FileFormatError
from support.every_screen import act, actions, files_all, render_all
from support.restored import finished, running, two_sessions
from support.properties import examples

EXAMPLES = examples(200)
BASES = {"finished": finished, "running": running, "two sessions": two_sessions}


def ids(data: dict[str, Any]) -> list[str]:
    return [key for name, records in data.items() if isinstance(records, dict) for key in records]


NUMBERS = st.one_of(
    st.sampled_from([0, -1, 1, 2, 7, 8, 9, 99, -100, 1440, 1441, 10**6, 2**53, 2**53 + 1, 10**20, -(10**20), 10**400]),
    st.integers(),
)
TEXTS = st.one_of(
    st.sampled_from(["", "x", "~", "NaN.NaN", "1", "0.0", "9999-12-31", "1979-12-31", "1980-01-01", "2107-12-31",
                     "2026-02-30", "2026-12-03", "20261203", format_stamp(1_780_000_000_000, 0),
                     format_stamp(LAST_WALL_MS, 0), format_stamp(LAST_WALL_MS + 1, 0), "999999999999999.999999",
                     "question", "round", "finished", "each_member", "vote", "contract", "*", "d-1", "0", "-1"]),
    st.text(max_size=12),
)


def odd_values(data: dict[str, Any], old: Any) -> st.SearchStrategy[Any]:
    """Values of every type, at and beyond every bound, of almost the right shape; most
    often of the type that was there, so that the file gets past the type checks."""
    same = {bool: st.booleans(), int: NUMBERS, float: st.one_of(st.floats(), NUMBERS), str: TEXTS}.get(type(old))
    anything = st.one_of(
        NUMBERS,
        st.floats(),
        TEXTS,
        st.sampled_from([*ids(data), "ghost"]),
        st.none(),
        st.booleans(),
        st.sampled_from([[], {}, [1], {"0": {}}, {"2": {"budget_ms": 10}}, [{"stamp": "1"}], {"d-x": "1"}]),
    )
    references = st.sampled_from([*ids(data), "ghost", ""])
    if isinstance(old, str) and old in ids(data):
        return st.one_of(references, references, anything)
    return anything if same is None else st.one_of(same, same, anything)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[bytes, str]:
    """A file, and the id of the record changed in it."""
    data = json.loads(BASES[draw(st.sampled_from(sorted(BASES)), label="base")]())
    collection = draw(st.sampled_from([name for name, records in data.items() if isinstance(records, dict) and records]))
    record_id = draw(st.sampled_from(sorted(data[collection])))
    for _ in range(draw(st.integers(1, 3), label="changes")):
        # Down into the record (a field, a step of its protocol, a timer...), then change it there.
        node: Any = data[collection][record_id]
        if not node:
            break
        key = draw(st.sampled_from(list(node)))
        while isinstance(node[key], (dict, list)) and node[key] and draw(st.booleans()):
            node = node[key]
            key = draw(st.sampled_from(list(node) if isinstance(node, dict) else range(len(node))))
        how = draw(st.sampled_from(["value", "value", "value", "remove", "cut"]))
        if how == "remove":
            del node[key]
        elif how == "cut" and isinstance(node[key], list):
            node[key] = node[key][: draw(st.integers(0, max(len(node[key]) - 1, 0)))]
        else:
            node[key] = draw(odd_values(data, node[key]))
    return json.dumps(data).encode(), record_id


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(file=mutated(), sample=st.randoms(use_true_random=False))
def test_whatever_restore_accepts_every_screen_renders_and_every_action_applies_or_is_refused(file, sample):
    data, changed = file
    try:
        ws = file_format.load(data)
    except FileFormatError as refused:
        event(refused.key)
        return
    event("accepted")
    render_all(ws)
    files_all(ws)
    every = list(actions(ws))
    aimed = [a for a in every if changed in a.values()] + sample.sample(every, min(len(every), 12))
    for action in aimed:
        act(ws, action)


@settings(max_examples=max(EXAMPLES // 3, 20), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(file=mutated())
def test_whatever_start_up_reads_from_storage_every_screen_renders(file):
    """The same data stored as a shard (app/sync/shards.py): the unchecked reading of the first
    screen gives up (None) or agrees with the checked one, which sets aside what it refuses;
    what either gives renders everywhere."""
    data, _ = file
    stored = {**shards.items(file_format.load(finished())), shards.SESSION + "s-1": base64.b64encode(zlib.compress(data)).decode()}
    checked, aside = shards.read(stored)
    unchecked = shards.read_unchecked(stored)
    assert unchecked is None or unchecked == checked
    assert aside == {} or set(aside) == {shards.SESSION + "s-1"}
    render_all(checked)
    files_all(checked)
