"""Two tabs of one browser (app/tabs.py), and what one tab kept while storage was full read
back with the rest (app/shards.py `read`)."""

from __future__ import annotations

from app import shards
from app.model import Local
from app.tabs import merge_local
from room import Room


def test_a_draft_typed_in_one_tab_survives_the_other_tabs_save():
    base = Local(drafts={"q": "commune"})
    mine = Local(drafts={"q": "commune", "a": "tapé ici"})
    theirs = Local(drafts={"q": "commune", "b": "tapé là-bas"})  # written without "a"
    assert merge_local(mine, theirs, base).drafts == {"q": "commune", "a": "tapé ici", "b": "tapé là-bas"}


def test_a_draft_sent_in_the_other_tab_goes_unless_typed_here_since():
    base = Local(drafts={"q": "envoyée", "r": "avant"})
    theirs = Local()  # the other tab sent both forms
    mine = Local(drafts={"q": "envoyée", "r": "retouchée ici"})
    assert merge_local(mine, theirs, base).drafts == {"r": "retouchée ici"}


def test_what_the_other_tab_typed_over_a_draft_wins_and_untouched_drafts_stay_mine():
    base = Local(drafts={"q": "v1", "r": "v1"})
    mine = Local(drafts={"q": "v1", "r": "ici"})
    theirs = Local(drafts={"q": "là-bas", "r": "v1"})
    assert merge_local(mine, theirs, base).drafts == {"q": "là-bas", "r": "ici"}


def test_preferences_follow_the_tab_that_changed_them_and_clocks_keep_the_later():
    base = Local(language="fr", clock="0001")
    mine = Local(language="fr", muted=True, clock="0003", exported_at=5)
    theirs = Local(language="en", clock="0002", exported_at=9)
    merged = merge_local(mine, theirs, base)
    assert (merged.language, merged.muted, merged.clock, merged.exported_at) == ("en", True, "0003", 9)


def test_with_no_base_this_tabs_drafts_win_and_the_others_are_added():
    merged = merge_local(Local(drafts={"q": "ici"}, language="en"), Local(drafts={"q": "là", "r": "là"}, language="fr"))
    assert merged.drafts == {"q": "ici", "r": "là"} and merged.language == "en"


def test_writes_kept_in_the_tab_are_read_back_merged_with_what_another_tab_stored():
    """Tab A could not write its last two questions and a draft (storage full); tab B stored
    a question of its own meanwhile. A's reload holds all of them."""
    room = Room()
    group = room.group(("A", "B", "C", "E"))
    stored = shards.items(room.ws)
    tab_a, tab_b = Room(room.ws, device="d-a", now=room.now), Room(room.ws, device="d-b", now=room.now)
    tab_a.do({"type": "update_group", "id": group, "name": "Cadres du soin"})
    tab_a.do({"type": "set_draft", "key": "k", "text": "pas encore envoyée"})
    tab_b.do({"type": "add_member", "group_id": group, "id": "m-9", "name": "D"})
    held = {key: value for key, value in shards.items(tab_a.ws).items() if key in (shards.GROUP + group, shards.LOCAL)}
    stored.update({shards.GROUP + group: shards.items(tab_b.ws)[shards.GROUP + group]})
    ws, unreadable = shards.read(stored, held)
    assert unreadable == {}
    assert ws.groups[group].name == "Cadres du soin"
    assert {m.name for m in ws.members_of(group)} == {"A", "B", "C", "E", "D"}
    assert ws.local.drafts == {"k": "pas encore envoyée"}
    assert shards.read(stored)[0].groups[group].name == "Cadres santé"  # without what A kept
