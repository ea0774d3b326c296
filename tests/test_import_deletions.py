"""An import that deletes here (issue 16, item 9): a file may carry the tombstone of a whole
group, or of a session, which no action in the app makes. The preview names each deletion,
the import waits for a confirmation of its own, and undo takes the whole import back."""

from __future__ import annotations

from dataclasses import replace

from app.sync import file_format, restore
from app.actions.core import imported
from app.clock import format_stamp
from app.sync.merge import preview, version
from app.views import transfer
from app.views.context import BrowserState, Incoming, View
from app.views.routes import Route
from support.restored import edited, finished
from support.room import Room

LATER = 1_780_100_000_000


def tombstoned(data: dict, collection: str, record_id: str, *, stamp: str | None = None, device: str = "d-other") -> None:
    """The record deleted by another device, which knew this one's version (or, with
    `stamp`, the same version as held, hand-edited)."""
    record = data[collection][record_id]
    held = record["stamp"]
    stamp = stamp or format_stamp(LATER, 0)
    record.update(deleted=True, stamp=stamp, device=device, changed={**record.get("changed", {}), "deleted": version(stamp, device)})
    if device != record.get("device"):
        record["known"] = {**record.get("known", {}), "d-room": held}


def with_sessions(data: dict, count: int) -> None:
    """The group with `count` more sessions, copies of its first, a month apart."""
    for n in range(count):
        data["sessions"][f"s-x{n}"] = {**data["sessions"]["s-1"], "id": f"s-x{n}", "date": f"2027-0{n + 1}-15"}


def screen(ws, seen, lang="fr") -> str:
    view = View(ws=ws, route=Route("transfer"), lang=lang, now=LATER)
    return str(transfer.render(replace(view, browser=BrowserState(incoming=Incoming("autre.json", seen)))))


def held(extra_sessions: int = 0):
    return file_format.load(edited(finished(), lambda d: with_sessions(d, extra_sessions)))


def test_a_file_that_deletes_a_group_names_it_with_its_sessions_and_asks_for_its_own_confirmation():
    here = held(5)
    theirs = file_format.load(edited(finished(), lambda d: (with_sessions(d, 5), tombstoned(d, "groups", "g-1"))))
    seen = preview(here, theirs)
    page = screen(here, seen)
    assert "Supprime le groupe «\u202fCadres de santé — CHU Nord\u202f» et ses 6 séances." in page
    assert 'data-deletions="confirmed"' in page and "Importer, avec ces suppressions" in page
    assert "Fusionner dans cet appareil" not in page  # not the ordinary import
    english = screen(here, seen, "en")
    assert "Deletes the group “Cadres de santé — CHU Nord” and its 6 sessions." in english


def test_a_file_that_deletes_a_session_and_some_contributions_names_each():
    here = held(1)
    entries = [i for i, e in here.entries.items() if e.session_id == "s-1" and not e.deleted][:3]

    def change(d):
        with_sessions(d, 1)
        tombstoned(d, "sessions", "s-x0")
        for entry in entries:
            tombstoned(d, "entries", entry)

    page = screen(here, preview(here, file_format.load(edited(finished(), change))))
    assert "Supprime la séance du vendredi 15 janvier 2027 du groupe «\u202fCadres de santé — CHU Nord\u202f»." in page
    assert "Supprime 3 contributions de la séance du jeudi 3 décembre 2026 du groupe «\u202fCadres de santé — CHU Nord\u202f»." in page


def test_a_file_that_deletes_nothing_keeps_the_ordinary_import():
    here = held()
    theirs = file_format.load(edited(finished(), lambda d: d["groups"]["g-1"].update(
        name="Cadres", stamp=format_stamp(LATER, 0), device="d-other", known={"d-room": d["groups"]["g-1"]["stamp"]},
        changed={"name": version(format_stamp(LATER, 0), "d-other")})))
    page = screen(here, preview(here, theirs))
    assert "Fusionner dans cet appareil" in page
    assert "data-deletions" not in page and "incoming-deletions" not in page


def test_the_same_version_hand_edited_into_a_deletion_is_named_too():
    """The held group's own stamp and device, `deleted` set by hand: not a silent change."""
    here = held()
    group = here.groups["g-1"]
    theirs = file_format.load(edited(finished(), lambda d: tombstoned(d, "groups", "g-1", stamp=group.stamp, device=group.device)))
    assert "Supprime le groupe «\u202fCadres de santé — CHU Nord\u202f» et sa séance." in screen(here, preview(here, theirs))


def test_undo_after_an_import_that_deleted_a_group_brings_the_group_back_with_its_sessions():
    here = held(5)
    theirs = file_format.load(edited(finished(), lambda d: (with_sessions(d, 5), tombstoned(d, "groups", "g-1"))))
    after = imported(here, restore.settle(preview(here, theirs).merged))
    assert not after.live("groups")
    room = Room(after, device="d-here", now=LATER + 60_000)
    room.do({"type": "undo"})
    assert [g.name for g in room.ws.live("groups")] == ["Cadres de santé — CHU Nord"]
    assert len(room.ws.sessions_of("g-1")) == 6
    # and the group stays back when the same file comes again, or this device's export goes there
    again = restore.settle(preview(room.ws, theirs).merged)
    assert again.live("groups") and restore.settle(preview(theirs, file_format.load(file_format.dump(room.ws))).merged).live("groups")
    room.do({"type": "redo"})
    assert not room.ws.live("groups")


def test_undo_after_an_import_removes_what_it_brought_and_puts_back_what_it_changed():
    room = Room(device="d-here")
    room.group()
    room.do({"type": "add_member", "group_id": "g-1", "id": "m-new", "name": "Farid"})
    other = Room(file_format.load(file_format.dump(room.ws)), device="d-other", now=room.now + 5_000)
    other.do({"type": "rename_member", "id": "m-0", "name": "Alice Martin"})
    other.do({"type": "add_member", "group_id": "g-1", "id": "m-more", "name": "Gaëlle"})
    before = room.ws
    room.ws = imported(before, restore.settle(preview(before, file_format.load(file_format.dump(other.ws))).merged))
    assert {m.name for m in room.ws.members_of("g-1")} >= {"Alice Martin", "Gaëlle"}
    room.do({"type": "undo"})
    assert sorted(m.name for m in room.ws.members_of("g-1")) == sorted(m.name for m in before.members_of("g-1"))


def test_an_import_that_changes_nothing_leaves_nothing_to_undo():
    here = held()
    assert imported(here, restore.settle(preview(here, file_format.load(finished())).merged)).local.undo == ()
