"""Two tabs of one browser (app/tabs.py), and what one tab kept while storage was full read
back with the rest (app/sync/shards.py `read`)."""

from __future__ import annotations

from app.sync import shards
from app.sync.merge import merge, pending, version
from app.model import Local
from app.tabs import merge_local, stored_as_held, take_shard
from support.room import Room
from test_sync_merge import shared


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


def test_what_is_typed_here_is_never_replaced_by_the_other_tabs_text():
    base = Local(drafts={"q": "v1"})
    mine = Local(drafts={"q": "ici"})
    theirs = Local(drafts={"q": "là-bas", "r": "là-bas"})
    assert merge_local(mine, theirs, base).drafts == {"q": "ici", "r": "là-bas"}
    assert merge_local(Local(), Local(drafts={"q": "v1"}), base).drafts == {}  # sent here: not brought back


def test_preferences_follow_the_tab_that_changed_them_and_clocks_keep_the_later():
    base = Local(language="fr", clock="0001")
    mine = Local(language="fr", muted=True, clock="0003", exported_at=5)
    theirs = Local(language="en", clock="0002", exported_at=9)
    merged = merge_local(mine, theirs, base)
    assert (merged.language, merged.muted, merged.clock, merged.exported_at) == ("en", True, "0003", 9)


def test_the_budget_asked_on_the_wall_reaches_the_open_presentation_window():
    """The operator's window asks for the time budget on the wall: the presentation window,
    already open, takes it (it reads the device's state only through this merge)."""
    wall = Local(language="fr")
    assert merge_local(wall, Local(language="fr", budget_on_wall=True), Local(language="fr")).budget_on_wall


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


def _two_tabs():
    """Two tabs on the same round; each opens the form of question q-0 on the same version."""
    ws = shared()
    entry = ws.entries["q-0"]
    return Room(ws, device="d-a"), Room(ws, device="d-b"), version(entry.stamp, entry.device)


def test_an_entry_corrected_in_two_tabs_at_once_keeps_both_texts_as_a_conflict():
    tab_a, tab_b, seen = _two_tabs()
    tab_a.do({"type": "edit_entry", "id": "q-0", "seen": seen, "text": "Depuis quand, ici ?"})
    tab_b.ws = merge(tab_b.ws, tab_a.ws)  # A's save reaches B while B's form is open
    tab_b.do({"type": "edit_entry", "id": "q-0", "seen": seen, "text": "Depuis quand, là-bas ?"})
    entry = tab_b.ws.entries["q-0"]
    assert entry.text == "Depuis quand, là-bas ?"
    assert [e["text"] for e in pending(entry, "entries")] == ["Depuis quand, ici ?"]
    tab_a.ws = merge(tab_a.ws, tab_b.ws)  # and B's save reaches A: the same on both
    assert tab_a.ws.entries["q-0"] == entry
    # As between two devices that edited apart:
    apart_a, apart_b, _ = _two_tabs()
    apart_a.do({"type": "edit_entry", "id": "q-0", "text": "Depuis quand, ici ?"})
    apart_b.do({"type": "edit_entry", "id": "q-0", "text": "Depuis quand, là-bas ?"})
    devices = merge(apart_a.ws, apart_b.ws).entries["q-0"]
    assert {devices.text, *(e["text"] for e in pending(devices, "entries"))} == {entry.text, *(e["text"] for e in pending(entry, "entries"))}


def test_an_edit_on_the_version_shown_or_without_it_is_an_ordinary_later_edit():
    tab_a, tab_b, seen = _two_tabs()
    tab_a.do({"type": "edit_entry", "id": "q-0", "seen": seen, "text": "Depuis quand, ici ?"})
    tab_b.ws = merge(tab_b.ws, tab_a.ws)
    now = tab_b.ws.entries["q-0"]
    tab_b.do({"type": "edit_entry", "id": "q-0", "seen": version(now.stamp, now.device), "text": "Vu, et corrigé"})
    assert tab_b.ws.entries["q-0"].text == "Vu, et corrigé" and not pending(tab_b.ws.entries["q-0"], "entries")
    tab_b.do({"type": "edit_entry", "id": "q-0", "text": "Sans version connue"})
    assert not pending(tab_b.ws.entries["q-0"], "entries")


def test_a_pitch_corrected_in_two_tabs_keeps_both_versions():
    tab_a, tab_b, _ = _two_tabs()
    pitch = tab_a.ws.pitches["p-0"]
    seen = version(pitch.stamp, pitch.device)
    tab_a.do({"type": "edit_pitch", "id": "p-0", "seen": seen, "title": "Titre d'ici"})
    tab_b.ws = merge(tab_b.ws, tab_a.ws)
    tab_b.do({"type": "edit_pitch", "id": "p-0", "seen": seen, "title": "Titre de là-bas"})
    assert [e["title"] for e in pending(tab_b.ws.pitches["p-0"], "pitches")] == ["Titre d'ici"]


def test_another_tabs_shard_is_merged_in_never_replacing_this_tabs_versions():
    tab_a, tab_b, seen = _two_tabs()
    tab_a.do({"type": "edit_entry", "id": "q-0", "text": "Depuis quand, ici ?"})
    tab_b.do({"type": "edit_entry", "id": "q-0", "text": "Depuis quand, là-bas ?"})
    key = shards.SESSION + "s-1"
    theirs = shards.decode(shards.items(tab_a.ws)[key])
    merged = take_shard(tab_b.ws, theirs, {})
    entry = merged.entries["q-0"]
    assert {entry.text, *(e["text"] for e in pending(entry, "entries"))} == {"Depuis quand, ici ?", "Depuis quand, là-bas ?"}
    mine = shards.Layout(merged).shard(key)
    assert not stored_as_held(mine, theirs)  # B writes the shard again, with both
    assert stored_as_held(mine, shards.decode(shards.items(merged)[key]))


def test_a_shard_removed_by_another_tab_takes_only_its_records_away():
    tab_a, _, _ = _two_tabs()
    layout = shards.Layout(tab_a.ws)
    held = layout.index[shards.GROUP + "g-1"]
    after = take_shard(tab_a.ws, None, held)
    assert not after.groups and not after.members
    assert after.sessions == tab_a.ws.sessions and after.entries == tab_a.ws.entries


def test_the_edit_form_carries_the_version_it_was_opened_on_to_the_saved_edit():
    """Through the shell's commands: the form opens on q-1's version; another tab's
    correction is merged in meanwhile; saving keeps both texts, and closes the form."""
    from app.views.routes import Route
    from app.web.app import App
    from app.web.commands import editing as _registered  # noqa: F401  (registers "edit", "save-edit")
    from app.web.commands import run
    from test_views_editing import Element, Recorder, room_at_interventions

    room = room_at_interventions()
    other = Room(room.ws, device="d-other", now=room.now)
    app = App(room.ws, Route("session", (("id", "s-1"),)), Recorder().effects())
    run("edit", app, {"id": "q-1"}, Element())
    other.do({"type": "edit_entry", "id": "q-1", "text": "Depuis quand, là-bas ?"})
    app.ws = merge(app.ws, other.ws)
    run("save-edit", app, {"type": "edit_entry", "id": "q-1", "text": "Depuis quand, ici ?"}, Element())
    entry = app.ws.entries["q-1"]
    assert entry.text == "Depuis quand, ici ?" and [e["text"] for e in pending(entry, "entries")] == ["Depuis quand, là-bas ?"]
    assert app.ui.route.get("edit") == "" and app.ui.route.get("seen") == ""
