"""What a round, a session, a group and a device may hold (issue 16, item 8): beyond the
bounds of app/invariants.py, a file is refused at import and a stored shard set aside at
start-up, each with words, and an action that would go beyond is refused."""

from __future__ import annotations

import pytest

from app import invariants, salvage
from app.sync import file_format, shards
from app.actions import ActionError
from app.sync.merge import preview
from app.sync.restore import FileFormatError
from support.restored import edited, running
from support.room import START, Room

NOTE = {"kind": "note", "session_id": "s-1", "round_id": "r-3", "text": "…"}


def crowded(count: int, *, first: int = 0) -> bytes:
    """The running half-day with `count` more notes in its running round."""
    return edited(running(), lambda d: d["entries"].update(
        {f"x-{n}": {**NOTE, "id": f"x-{n}", "text": f"Note {n}"} for n in range(first, first + count)}))


def room_left() -> int:
    ws = file_format.load(running())
    return invariants.MAX_PER_ROUND - len(ws.entries_of("r-3")) - len(ws.action_items_of("r-3"))


def test_a_contribution_beyond_what_a_round_may_hold_is_refused_with_words():
    room = Room(file_format.load(crowded(room_left())), device="d-here")
    add = {"type": "add_entry", "session_id": "s-1", "round_id": "r-3", "kind": "note", "text": "Une de trop"}
    with pytest.raises(ActionError) as refused:
        room.do(add)
    assert (refused.value.key, refused.value.params) == ("bounds.error.round_full", {"limit": invariants.MAX_PER_ROUND})
    room.do({"type": "delete_entry", "id": "x-0"})  # a tombstone is stored and exported too: still full
    with pytest.raises(ActionError):
        room.do(add)


def test_one_below_the_bound_a_contribution_is_added():
    room = Room(file_format.load(crowded(room_left() - 1)), device="d-here")
    room.do({"type": "add_entry", "session_id": "s-1", "round_id": "r-3", "kind": "note", "text": "La dernière"})
    file_format.load(file_format.dump(room.ws))  # and the file it makes is accepted


def test_an_action_plan_beyond_the_round_s_bound_is_refused_too():
    room = Room(file_format.load(crowded(room_left())), device="d-here")
    with pytest.raises(ActionError) as refused:
        room.do({"type": "add_action_item", "round_id": "r-3", "text": "Appeler"})
    assert refused.value.key == "bounds.error.round_full"


def test_a_member_beyond_what_a_group_may_count_is_refused():
    room = Room(device="d-here")
    room.group()
    for n in range(invariants.MAX_MEMBERS - len(room.ws.members)):  # removed members count: they are stored
        room.do({"type": "add_member", "group_id": "g-1", "id": f"p-{n}", "name": f"Passant {n}"})
        room.do({"type": "remove_member", "id": f"p-{n}"})
    with pytest.raises(ActionError) as refused:
        room.do({"type": "add_member", "group_id": "g-1", "name": "Un de trop"})
    assert refused.value.key == "bounds.error.group_full"


def test_a_file_within_the_bound_that_would_take_a_held_round_beyond_it_is_refused_at_import():
    here = file_format.load(crowded(room_left() // 2 + 1))
    theirs = file_format.load(crowded(room_left() // 2 + 1, first=room_left()))
    with pytest.raises(FileFormatError) as refused:
        preview(here, theirs)
    assert (refused.value.key, refused.value.params) == (
        "restore.error.too_many", {"place": "rounds/r-3", "limit": invariants.MAX_PER_ROUND})


def test_a_stored_shard_beyond_the_bound_is_set_aside_at_start_up_with_words():
    full = file_format.load(crowded(room_left()))
    extra = full.entries["x-0"].model_copy(update={"id": "x-extra"})
    items = shards.items(full.model_copy(update={"entries": {**full.entries, extra.id: extra}}))  # no action makes it
    ws, unreadable = shards.read(items)
    assert list(unreadable) == [shards.SESSION + "s-1"] and not ws.entries
    assert salvage.reason(shards.SESSION + "s-1", unreadable[shards.SESSION + "s-1"]) == "bounds.why.too_many"


def session_screen(ws, lang="fr", **params: str) -> str:
    from app.views import render
    from app.views.context import View
    from app.views.routes import Route

    route = Route("session", (("id", "s-1"), *params.items()))
    return str(render(View(ws=ws, route=route, lang=lang, now=START, today="2026-12-01")))


def test_a_round_at_the_bound_draws_a_screen_about_the_size_of_one_with_fifty_contributions():
    ordinary = session_screen(file_format.load(crowded(50)))
    full = file_format.load(crowded(room_left()))
    assert len(full.entries_of("r-3", "note")) > 900
    page = session_screen(full)
    assert len(page) < 1.5 * len(ordinary)
    assert f"Note {room_left() - 1}<" in page and "Note 0<" not in page  # the latest, not the first
    shown_all = session_screen(full, all="r-3-expose")  # the link shows them all
    assert "Note 0<" in shown_all and len(shown_all) > 10 * len(ordinary)
