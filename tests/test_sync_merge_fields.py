"""Merge field by field (issue 16, items 7 and 9): the scenarios that lost or leaked
something when a record's later version won whole, and what a tombstone keeps.

Each device starts from `shared()` (tests/test_sync_merge.py): a round at its questions
step, with the question q-0.
"""

from __future__ import annotations

import json
from functools import reduce
from pathlib import Path

import pytest

from app.sync import file_format
from app.clock import next_stamp, stamp_key
from app.sync.merge import merge, pending, preview, version
from app.sync.restore import FileFormatError
from app.summary.summaries import group_summary
from app.actions import apply, parse
from app.views import render
from app.views.context import View
from app.views.routes import Route
from support.room import START, Room
from test_sync_merge import shared, v1

LATER = START + 10_000_000


def devices(*names: str) -> list[Room]:
    start = shared()
    return [Room(start, device=f"d-{name}", now=LATER) for name in names]


def both_ways(a: Room, b: Room):
    return merge(a.ws, b.ws), merge(b.ws, a.ws)


def test_an_out_of_frame_mark_survives_a_concurrent_tick_of_another_field():
    """The laptop marks the question out of frame; the tablet, not yet synced, ticks it
    answered a little later. The mark stays, the tick too, no conflict is shown, and the
    group summary never carries the question."""
    laptop, tablet = devices("laptop", "tablet")
    laptop.do({"type": "mark_out_of_frame", "id": "q-0"})
    tablet.do({"type": "edit_entry", "id": "q-0", "answered": True}, after_s=5)
    for merged in both_ways(laptop, tablet):
        entry = merged.entries["q-0"]
        assert entry.out_of_frame and entry.answered
        assert pending(entry, "entries") == []
        assert "Depuis quand ?" not in group_summary(merged, "s-1", "fr").model_dump_json()


def test_an_out_of_frame_mark_is_lifted_only_by_someone_who_saw_it():
    laptop, tablet = devices("laptop", "tablet")
    laptop.do({"type": "mark_out_of_frame", "id": "q-0"})
    tablet.do({"type": "mark_out_of_frame", "id": "q-0", "out_of_frame": False}, after_s=5)  # saw nothing
    assert all(merged.entries["q-0"].out_of_frame for merged in both_ways(laptop, tablet))
    tablet.ws = merge(tablet.ws, laptop.ws)
    tablet.do({"type": "mark_out_of_frame", "id": "q-0", "out_of_frame": False})  # saw it, lifts it
    assert not any(merged.entries["q-0"].out_of_frame for merged in both_ways(laptop, tablet))


def test_a_deletion_wins_over_a_concurrent_tick_and_the_preview_says_so():
    laptop, tablet = devices("laptop", "tablet")
    laptop.do({"type": "delete_entry", "id": "q-0"})
    tablet.do({"type": "edit_entry", "id": "q-0", "answered": True}, after_s=5)
    for merged in both_ways(laptop, tablet):
        assert merged.entries["q-0"].deleted and merged.entries_of("r-1", "question") == []
    seen = preview(tablet.ws, laptop.ws, now_ms=tablet.now)
    assert seen.deleted == {"entries": 1}  # what the import will say before it merges


def test_a_deletion_wins_over_a_concurrent_text_edit_and_the_preview_names_the_edit_it_drops():
    laptop, tablet = devices("laptop", "tablet")
    laptop.do({"type": "delete_entry", "id": "q-0"})
    tablet.do({"type": "edit_entry", "id": "q-0", "text": "Depuis quand, au juste ?"}, after_s=5)
    for merged in both_ways(laptop, tablet):
        assert merged.entries["q-0"].deleted and merged.entries["q-0"].text == ""
    seen = preview(tablet.ws, laptop.ws, now_ms=tablet.now)
    assert seen.deleted == {"entries": 1} and seen.dropped == {"entries": 1}


def test_undoing_a_deletion_brings_the_record_back_everywhere():
    laptop, tablet = devices("laptop", "tablet")
    laptop.do({"type": "delete_entry", "id": "q-0"})
    tablet.ws = merge(tablet.ws, laptop.ws)
    laptop.do({"type": "undo"})
    for merged in both_ways(laptop, tablet):
        assert not merged.entries["q-0"].deleted and merged.entries["q-0"].text == "Depuis quand ?"


def far_future_file() -> bytes:
    laptop, _ = devices("laptop", "tablet")
    data = json.loads(file_format.dump(laptop.ws))
    data["groups"]["g-1"]["stamp"] = "004354819199999.999999"  # the last stamp any file may carry (2107)
    return json.dumps(data).encode()


def test_a_stamp_beyond_the_last_day_a_file_may_carry_is_refused_on_reading():
    data = json.loads(far_future_file())
    data["groups"]["g-1"]["stamp"] = "999999999999999.999999"
    with pytest.raises(FileFormatError) as refused:
        file_format.load(json.dumps(data).encode())
    assert refused.value.key == "restore.error.version"


def test_a_stamp_far_ahead_of_this_devices_clock_is_refused_at_import():
    laptop, _ = devices("laptop", "tablet")
    with pytest.raises(FileFormatError) as refused:
        preview(laptop.ws, file_format.load(far_future_file()), now_ms=laptop.now)
    assert refused.value.key == "sync.error.future"


@pytest.mark.parametrize("stamp", ["x", "NaN.NaN", "1000000000000000.000000", "1780000000000.000000", "-01780000000000.000000"])
def test_a_stamp_of_another_shape_is_refused(stamp):
    laptop, _ = devices("laptop", "tablet")
    data = json.loads(file_format.dump(laptop.ws))
    data["entries"]["q-0"]["stamp"] = stamp
    with pytest.raises(FileFormatError):
        file_format.load(json.dumps(data).encode())


def test_stamps_compare_as_numbers_and_never_leave_their_shape():
    top = "999999999999999.999999"
    after = next_stamp(top, 0)
    assert len(after) == len(top) and stamp_key(after) >= stamp_key(top)
    assert stamp_key("000000000000010.000000") > stamp_key("000000000000009.999999")
    assert stamp_key("") < stamp_key("000000000000000.000000")


def test_three_devices_a_version_read_from_a_legacy_file_never_hides_one_it_never_saw():
    """The laptop edits; the tablet edits a little later without having seen it; the phone
    takes the tablet's file and edits on top; all three saved by a build that wrote `base`
    only. The phone's version never saw the laptop's: once read, it stays as a conflict."""
    laptop, tablet, phone = devices("laptop", "tablet", "phone")
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "Version du portable"}, after_s=1)
    tablet.do({"type": "edit_entry", "id": "q-0", "text": "Version de la tablette"}, after_s=5)
    phone.ws = merge(phone.ws, tablet.ws)
    phone.do({"type": "edit_entry", "id": "q-0", "text": "Version du téléphone"}, after_s=9)
    old = [file_format.load(v1(room.ws)) for room in (laptop, phone)]
    for merged in (merge(*old), merge(*old[::-1])):
        entry = merged.entries["q-0"]
        assert entry.text == "Version du téléphone"
        assert "Version du portable" in [e["text"] for e in pending(entry, "entries")]


def test_a_tombstone_keeps_nothing_a_person_wrote_in_storage_and_exports():
    laptop, tablet = devices("laptop", "tablet")
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "Un secret à ne pas garder"})
    tablet.do({"type": "edit_entry", "id": "q-0", "text": "Un autre secret"}, after_s=3)
    laptop.ws = merge(laptop.ws, tablet.ws)  # a conflict waits, with both texts
    laptop.do({"type": "delete_entry", "id": "q-0"})
    for ws in (laptop.ws, merge(tablet.ws, laptop.ws)):
        data = json.dumps(json.loads(file_format.dump(ws))["entries"]["q-0"], ensure_ascii=False)
        assert "secret" not in data and "Depuis quand" not in data
        assert file_format.load(file_format.dump(ws)).entries["q-0"].deleted


def test_a_tombstone_merged_with_a_concurrent_tick_keeps_no_text_once_written():
    laptop, tablet = devices("laptop", "tablet")
    laptop.do({"type": "delete_entry", "id": "q-0"})
    tablet.do({"type": "edit_entry", "id": "q-0", "answered": True}, after_s=5)
    merged = merge(laptop.ws, tablet.ws)
    assert "Depuis quand" not in file_format.dump(merged).decode()


def test_a_stored_tombstone_with_its_text_is_cleaned_on_load():
    laptop, _ = devices("laptop", "tablet")
    laptop.do({"type": "delete_entry", "id": "q-0"})
    data = json.loads(file_format.dump(laptop.ws))
    data["entries"]["q-0"]["text"] = "Depuis quand ?"
    data["entries"]["q-0"]["conflicts"] = [{"stamp": data["entries"]["q-0"]["stamp"], "device": "d-other",
                                            "known": {}, "text": "Texte d'un autre"}]  # fmt: skip
    loaded = file_format.load(json.dumps(data).encode())
    kept = json.dumps(json.loads(file_format.dump(loaded))["entries"]["q-0"], ensure_ascii=False)
    assert "Depuis quand" not in kept and "autre" not in kept


def test_the_same_version_with_other_content_is_a_conflict_not_a_replacement():
    """A file that carries the stamp and device of a version held here, with other text (a
    hand-edited file, a device id reused): both texts stay, a person picks."""
    laptop, _ = devices("laptop", "tablet")
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "Le texte d'ici"})
    data = json.loads(file_format.dump(laptop.ws))
    data["entries"]["q-0"]["text"] = "Le texte du fichier"
    theirs = file_format.load(json.dumps(data).encode())
    for merged in (merge(laptop.ws, theirs), merge(theirs, laptop.ws)):
        entry = merged.entries["q-0"]
        texts = {entry.text, *(e["text"] for e in pending(entry, "entries"))}
        assert texts == {"Le texte d'ici", "Le texte du fichier"}


def test_the_same_version_with_another_flag_is_a_conflict_not_a_replacement():
    """A hand-edited file: the held version's stamp and device, "answered" flipped. It was
    counted as "1 updated" and the file's value (or this one's) won, silently."""
    laptop, _ = devices("laptop", "tablet")
    data = json.loads(file_format.dump(laptop.ws))
    data["entries"]["q-0"]["answered"] = not data["entries"]["q-0"].get("answered", False)
    theirs = file_format.load(json.dumps(data).encode())
    for merged in (merge(laptop.ws, theirs), merge(theirs, laptop.ws)):
        entry = merged.entries["q-0"]
        assert {entry.answered, *(e["answered"] for e in pending(entry, "entries"))} == {True, False}
    # Listed with the conflicts to settle, with a word on what the text does not show; either
    # version kept by its button settles it, on the value picked.
    merged = merge(laptop.ws, theirs)
    html = str(render(View(ws=merged, route=Route("transfer"), lang="fr", now=START, today="2026-12-03")))
    assert "Même version, autre contenu" in html
    other = pending(merged.entries["q-0"], "entries")[0]
    for keep, answered in (("", merged.entries["q-0"].answered), (version(other["stamp"], other["device"]), other["answered"])):
        settled = apply(merged, parse({"type": "resolve_conflict", "collection": "entries", "id": "q-0", "version": keep}), now=START + 60_000, device="d-laptop")
        assert settled.entries["q-0"].answered is answered and not pending(settled.entries["q-0"], "entries")


def test_three_devices_exchanging_in_any_order_agree():
    laptop, tablet, phone = devices("laptop", "tablet", "phone")
    laptop.do({"type": "mark_out_of_frame", "id": "q-0"})
    tablet.do({"type": "edit_entry", "id": "q-0", "answered": True}, after_s=2)
    phone.do({"type": "edit_entry", "id": "q-0", "text": "Depuis quand, vraiment ?"}, after_s=3)
    held = [laptop.ws, tablet.ws, phone.ws]
    results = [reduce(merge, order) for order in (held, held[::-1], [held[1], held[0], held[2]])]
    entry = results[0].entries["q-0"]
    assert entry.out_of_frame and entry.answered and entry.text == "Depuis quand, vraiment ?"
    assert all(r.entries["q-0"] == entry for r in results)
    assert version(entry.stamp, entry.device).endswith("/d-phone")


def test_a_version_in_conflict_whose_fields_are_not_a_records_is_refused():
    laptop, tablet = devices("laptop", "tablet")
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "Ici"})
    tablet.do({"type": "edit_entry", "id": "q-0", "text": "Là"}, after_s=2)
    data = json.loads(file_format.dump(merge(laptop.ws, tablet.ws)))
    data["entries"]["q-0"]["conflicts"][0]["out_of_frame"] = "peut-être"
    with pytest.raises(FileFormatError) as refused:
        file_format.load(json.dumps(data).encode())
    assert refused.value.key == "sync.error.invalid"


def test_a_version_1_file_exported_by_the_last_version_1_build_reads_as_it_was_without_deleted_text():
    """tests/fixtures/cercle-v1-halfday.json: the half-day, then a laptop and a tablet apart
    (a text conflict, a deletion, an out-of-frame mark), exported before version 2."""
    data = (Path(__file__).parent / "fixtures" / "cercle-v1-halfday.json").read_bytes()
    assert json.loads(data)["version"] == 1 and json.loads(data)["entries"]["r-1-q1"]["text"]  # a tombstone with its text
    ws = file_format.load(data)
    asked = ws.entries["r-1-q0"]
    assert asked.text == "Qu'a-t-il dit exactement, et devant qui ?" and asked.known == {"d-room": "001780001301000.000000"}
    assert [e["text"] for e in pending(asked, "entries")] == ["Qu'a-t-il dit, mot pour mot, lors de la dernière réunion ?"]
    assert ws.entries["r-1-q1"].deleted and ws.entries["r-1-q1"].text == ""
    assert ws.entries["r-1-q2"].out_of_frame
    written = file_format.dump(ws)
    assert json.loads(written)["version"] == 2 and json.loads(written)["entries"]["r-1-q1"]["text"] == ""
    summary = group_summary(ws, "s-1", "fr")
    assert "Que se passerait-il si tu ne faisais rien" not in json.dumps([s.model_dump() for s in summary.rounds[0].sections], ensure_ascii=False)
    assert file_format.load(written) == ws
    # a person settles the conflict: it stays settled when the old file comes back
    room = Room(ws, device="d-phone", now=LATER * 2)
    room.do({"type": "resolve_conflict", "collection": "entries", "id": "r-1-q0"})
    assert pending(merge(room.ws, file_format.load(data)).entries["r-1-q0"], "entries") == []


def test_attendance_changed_apart_on_two_devices_keeps_each_members_change():
    """Attendance merges member by member (app/paths.py): the laptop marks Chloé absent, the
    tablet, a little later, David excused; both stay, whichever way the files go."""
    laptop, tablet = devices("laptop", "tablet")
    laptop.do({"type": "set_attendance", "session_id": "s-1", "member_id": "m-2", "presence": "absent"})
    tablet.do({"type": "set_attendance", "session_id": "s-1", "member_id": "m-3", "presence": "excused"}, after_s=5)
    for merged in both_ways(laptop, tablet):
        attendance = merged.sessions["s-1"].attendance
        assert (attendance["m-2"], attendance["m-3"], attendance["m-4"]) == ("absent", "excused", "present")


def test_a_member_marked_absent_and_a_role_assigned_apart_both_stay():
    """The laptop marks Chloé (the secretary) absent, which frees her role; the tablet,
    later, gives the timekeeper's role to David. Chloé stays absent and holds nothing, and
    David keeps the time: roles merge role by role."""
    laptop, tablet = devices("laptop", "tablet")
    laptop.do({"type": "set_attendance", "session_id": "s-1", "member_id": "m-2", "presence": "absent"})
    tablet.do({"type": "assign_role", "session_id": "s-1", "role": "timekeeper", "member_id": "m-3"}, after_s=5)
    for merged in both_ways(laptop, tablet):
        session = merged.sessions["s-1"]
        assert session.attendance["m-2"] == "absent"
        assert session.roles == {"facilitator": "m-0", "timekeeper": "m-3"}


def test_the_same_role_or_member_changed_apart_goes_to_the_later_change():
    """Each key on its own: the timekeeper's role to the laptop's later choice, David's
    presence to the tablet's later one; no conflict to look at (neither is text)."""
    laptop, tablet = devices("laptop", "tablet")
    tablet.do({"type": "assign_role", "session_id": "s-1", "role": "timekeeper", "member_id": "m-4"}, after_s=2)
    laptop.do({"type": "assign_role", "session_id": "s-1", "role": "timekeeper", "member_id": "m-3"}, after_s=5)
    laptop.do({"type": "set_attendance", "session_id": "s-1", "member_id": "m-2", "presence": "absent"}, after_s=1)
    tablet.do({"type": "set_attendance", "session_id": "s-1", "member_id": "m-2", "presence": "excused"}, after_s=8)
    for merged in both_ways(laptop, tablet):
        session = merged.sessions["s-1"]
        assert session.roles["timekeeper"] == "m-3" and session.attendance["m-2"] == "excused"
        assert "secretary" not in session.roles  # freed on both devices
        assert session.conflicts and not pending(session, "sessions")


def test_a_session_stored_before_keys_merged_apart_still_reads_its_whole_dicts():
    """A version that named the whole `attendance` in `changed` (stored before): each member
    reads that change, so two such versions merge as before, the later whole."""
    laptop, tablet = devices("laptop", "tablet")
    laptop.do({"type": "set_attendance", "session_id": "s-1", "member_id": "m-2", "presence": "absent"})
    tablet.do({"type": "set_attendance", "session_id": "s-1", "member_id": "m-3", "presence": "excused"}, after_s=5)

    def whole(room: Room):
        session = room.ws.sessions["s-1"]
        named = version(session.stamp, session.device)
        stored = session.model_copy(update={"changed": {"attendance": named, "roles": named}})
        return room.ws.model_copy(update={"sessions": {**room.ws.sessions, "s-1": stored}})

    for merged in (merge(whole(laptop), whole(tablet)), merge(whole(tablet), whole(laptop))):
        attendance = merged.sessions["s-1"].attendance
        assert (attendance["m-2"], attendance["m-3"]) == ("present", "excused")
