"""Merge: union by id, each field from the changes no version knew and replaced, text
edited apart kept until a person picks.

The property tests play three devices that act on their own copy with skewed clocks, export
files and import each other's at random moments (or merge as two tabs do), reload what they
store, as groups do, then check the laws of merge on what the devices end up holding. They
run a few hundred examples; CERCLE_HYPOTHESIS_EXAMPLES=5000 runs more.
"""

from __future__ import annotations

import json
from functools import reduce

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.sync import file_format
from app.actions import ActionError, apply, parse
from app.sync.merge import knows, live, merge, pending, version
from app.summary.summaries import group_summary
from app.model import COLLECTIONS, Workspace
from support.room import START, Room
from support.properties import properties

MEMBERS = [{"id": f"m-{i}", "name": n} for i, n in enumerate(("Alice", "Bruno", "Chloé", "David", "Émilie"))]


def records(ws: Workspace) -> dict:
    return {name: {rid: r.model_dump() for rid, r in ws.collection(name).items()} for name in COLLECTIONS}


def shared(now: int = START) -> Workspace:
    """A group with a session and a round at step 4 (questions), as exchanged before a
    session: every device starts from it."""
    room = Room(device="d-origin", now=now)
    room.group()
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    for i in range(5):
        room.do({"type": "add_pitch", "id": f"p-{i}", "session_id": "s-1", "member_id": f"m-{i}", "title": f"Sujet {i}"})
    room.do({"type": "next_step", "round_id": "r-1"})
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-0"})
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 3})
    room.do({"type": "add_entry", "id": "q-0", "session_id": "s-1", "round_id": "r-1", "kind": "question",
             "author_id": "m-1", "text": "Depuis quand ?"})  # fmt: skip
    return room.ws


TEXTS = st.sampled_from(["Pourquoi ?", "Et alors ?", "<b>gras</b>", "Qui d'autre ?", "Ça dépend"])


def an_action(ws: Workspace, draw) -> dict:
    """One thing a person might do on a device (some are refused, as in real use)."""
    entries = sorted(ws.entries) or ["q-0"]
    choice = draw(st.integers(0, 12))
    if choice == 0:
        return {"type": "add_entry", "id": draw(st.sampled_from(["q-1", "q-2", "q-3"])), "session_id": "s-1",
                "round_id": "r-1", "kind": "question", "author_id": "m-2", "text": draw(TEXTS)}  # fmt: skip
    if choice in (1, 2):
        return {"type": "edit_entry", "id": draw(st.sampled_from(entries)), "text": draw(TEXTS)}
    if choice == 3:
        return {"type": "edit_entry", "id": draw(st.sampled_from(entries)), "answered": draw(st.booleans())}
    if choice == 4:
        if draw(st.booleans()):
            return {"type": "mark_out_of_frame", "id": draw(st.sampled_from(entries)), "out_of_frame": draw(st.booleans())}
        return {"type": "delete_entry", "id": draw(st.sampled_from(entries))}
    if choice == 5:
        return {"type": "rename_member", "id": draw(st.sampled_from(["m-1", "m-2"])), "name": draw(TEXTS)}
    if choice == 6:
        return {"type": "set_contract", "round_id": "r-1", "request": draw(TEXTS)}
    if choice == 7:
        return {"type": "pause_timer", "round_id": "r-1"}
    if choice == 8:
        presence = draw(st.sampled_from(["present", "excused", "absent"]))
        return {"type": "set_attendance", "session_id": "s-1", "member_id": draw(st.sampled_from(["m-2", "m-3"])), "presence": presence}
    if choice == 9:
        role = draw(st.sampled_from(["facilitator", "timekeeper", "secretary"]))
        return {"type": "assign_role", "session_id": "s-1", "role": role, "member_id": draw(st.sampled_from(["", "m-2", "m-3"]))}
    if choice == 10:  # the time budget's two moves (shortening is refused while on time)
        return {"type": draw(st.sampled_from(["shorten_steps", "drop_round"])), "session_id": "s-1"}
    if choice == 11:  # the vote (app/actions/votes.py), at the choice step, where the first action goes back
        pitch, member = draw(st.sampled_from(["p-1", "p-2"])), draw(st.sampled_from(["m-1", "m-2", "m-3"]))
        return draw(st.sampled_from([
            {"type": "go_to_step", "round_id": "r-1", "step": 1},
            {"type": "toggle_vote", "pitch_id": pitch, "member_id": member},
            {"type": "add_dot", "pitch_id": pitch, "member_id": member},
            {"type": "remove_dot", "pitch_id": pitch, "member_id": member},
            {"type": "set_voting", "session_id": "s-1", "voting": draw(st.sampled_from(["one", "dots", "secret"])), "dots": 2},
            {"type": "reveal_votes", "round_id": "r-1"},
            {"type": "start_runoff", "round_id": "r-1"},
        ]))  # fmt: skip
    with_conflicts = [(n, r) for n in COLLECTIONS for r in ws.collection(n).values() if pending(r, n)]
    if not with_conflicts:
        return {"type": "undo"}
    name, record = draw(st.sampled_from(with_conflicts))
    versions = [""] + [version(e["stamp"], e["device"]) for e in pending(record, name)]
    return {"type": "resolve_conflict", "collection": name, "id": record.id, "version": draw(st.sampled_from(versions))}


@st.composite
def histories(draw, devices: int = 3) -> list[Workspace]:
    """What `devices` devices hold after acting apart and exchanging files now and then."""
    start = shared()
    held = [start] * devices
    clocks = [START + 10_000_000 + draw(st.integers(-5_000, 5_000)) for _ in range(devices)]
    for _ in range(draw(st.integers(1, 14))):
        i = draw(st.integers(0, devices - 1))
        clocks[i] += draw(st.integers(0, 3_000))  # a clock may stand still: equal stamps
        exchange = draw(st.integers(0, 7))
        if exchange <= 1:  # device i imports device j's file, or merges it as a tab does
            j = draw(st.integers(0, devices - 1))
            held[i] = merge(held[i], file_format.load(file_format.dump(held[j])) if exchange == 0 else held[j])
            continue
        if exchange == 2:  # device i reloads what it stored
            held[i] = file_format.load(file_format.dump(held[i])).model_copy(update={"local": held[i].local})
            continue
        try:
            action = parse(an_action(held[i], draw))
            held[i] = apply(held[i], action, now=clocks[i], device=f"d-{i}")
        except ActionError:
            pass
    return held


FAST = properties(200)


@FAST
@given(histories())
def test_merge_is_commutative(held):
    a, b, c = held
    assert records(merge(a, b)) == records(merge(b, a))
    assert records(merge(a, c)) == records(merge(c, a))


@FAST
@given(histories())
def test_merge_is_associative(held):
    a, b, c = held
    assert records(merge(merge(a, b), c)) == records(merge(a, merge(b, c)))


@FAST
@given(histories())
def test_merge_is_idempotent_and_empty_is_identity(held):
    a, b, _ = held
    ab = merge(a, b)
    assert records(merge(ab, ab)) == records(ab)
    assert records(merge(ab, b)) == records(ab)  # importing the same file twice changes nothing more
    assert records(merge(a, Workspace())) == records(a)
    assert records(merge(Workspace(), a)) == records(a)


@FAST
@given(histories())
def test_no_record_and_no_concurrent_text_is_lost(held):
    everything = reduce(merge, held)
    for name in COLLECTIONS:
        assert set(everything.collection(name)) == set().union(*(ws.collection(name) for ws in held))
    for ws in held:
        for record in ws.entries.values():
            merged = everything.entries[record.id]
            alive = [merged, *merged.conflicts]
            # each device's text is in the result, or a version in it was made knowing it,
            # or a deletion won over it (which the import's preview names)
            assert merged.deleted or record.text in {v.text if v is merged else v["text"] for v in alive} or any(
                knows(v, record.stamp, record.device) for v in alive
            )


@FAST
@given(histories())
def test_nothing_out_of_frame_reaches_a_summary_through_a_merge(held):
    """A mark is lifted only by a version made knowing it; what the merge shows out of frame
    never reaches the group summary."""
    everything = reduce(merge, held)
    for ws in held:
        for record in ws.entries.values():
            merged = everything.entries[record.id]
            if record.out_of_frame and not merged.out_of_frame and not merged.deleted:
                mark = record.changed["out_of_frame"].partition("/")
                assert any(knows(v, mark[0], mark[2]) for v in live(merged, "entries").values())
    # each contribution's text made its own, so that the summary tells which ones it carries
    tagged = {i: e.model_copy(update={"text": f"[{i}]"}) for i, e in everything.entries.items()}
    summary = group_summary(everything.model_copy(update={"entries": tagged}), "s-1", "fr").model_dump_json()
    assert not [i for i, e in everything.entries.items() if e.out_of_frame and f"[{i}]" in summary]
    if everything.rounds["r-1"].carrier_id:  # a round without a carrier (an undone choice) is in no summary
        shown = [i for i, e in everything.entries.items() if not e.out_of_frame and not e.deleted]
        assert all(f"[{i}]" in summary for i in shown)  # the test can see a contribution there


def two_devices() -> tuple[Room, Room]:
    start = shared()
    return Room(start, device="d-laptop", now=START + 10_000_000), Room(start, device="d-tablet", now=START + 10_000_000)


def test_an_edit_on_one_device_replaces_the_old_text_without_conflict():
    laptop, tablet = two_devices()
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "Depuis quand exactement ?"})
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "Depuis quand, exactement ?"})
    for ws in (merge(tablet.ws, laptop.ws), merge(laptop.ws, tablet.ws)):
        assert ws.entries["q-0"].text == "Depuis quand, exactement ?"
        assert ws.entries["q-0"].conflicts == ()


def test_text_edited_apart_keeps_both_versions_until_a_person_picks():
    laptop, tablet = two_devices()
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "Depuis quand ça dure ?"})
    tablet.do({"type": "edit_entry", "id": "q-0", "text": "Depuis combien de temps ?"}, after_s=5)
    merged = merge(laptop.ws, tablet.ws)
    entry = merged.entries["q-0"]
    assert entry.text == "Depuis combien de temps ?"  # the later edit shows
    assert [e["text"] for e in pending(entry, "entries")] == ["Depuis quand ça dure ?"]  # the other waits

    # an unrelated edit of the same record does not settle it
    laptop.ws = merged
    laptop.do({"type": "edit_entry", "id": "q-0", "answered": True})
    assert [e["text"] for e in pending(laptop.ws.entries["q-0"], "entries")] == ["Depuis quand ça dure ?"]

    # a person picks the other version: it shows, the conflict is gone, and stays gone
    # when the tablet's old file comes back
    laptop.do({"type": "resolve_conflict", "collection": "entries", "id": "q-0",
               "version": version(entry.conflicts[0]["stamp"], entry.conflicts[0]["device"])})  # fmt: skip
    assert laptop.ws.entries["q-0"].text == "Depuis quand ça dure ?"
    assert laptop.ws.entries["q-0"].conflicts == ()
    again = merge(laptop.ws, tablet.ws)
    assert again.entries["q-0"].text == "Depuis quand ça dure ?" and again.entries["q-0"].conflicts == ()
    assert merge(tablet.ws, laptop.ws).entries["q-0"] == again.entries["q-0"]


def test_a_device_that_edited_twice_apart_still_meets_the_conflict():
    """The trap of comparing stamps alone: the laptop's second edit is based on its own
    first one, newer than the tablet's edit it never saw."""
    laptop, tablet = two_devices()
    tablet.do({"type": "edit_entry", "id": "q-0", "text": "Version de la tablette"})
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "Premier jet"}, after_s=3)
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "Second jet"})
    merged = merge(tablet.ws, laptop.ws)
    assert merged.entries["q-0"].text == "Second jet"
    assert [e["text"] for e in pending(merged.entries["q-0"], "entries")] == ["Version de la tablette"]


def test_an_edit_on_a_third_devices_newer_version_does_not_hide_an_older_one_it_never_saw():
    """Three devices: the laptop edits; the tablet edits a little later without having seen
    it; the phone takes the tablet's file and edits on top. The phone never saw the laptop's
    text, though it is older than what the phone built on: it stays, as a conflict."""
    start = shared()
    laptop, tablet, phone = (Room(start, device=f"d-{name}", now=START + 10_000_000) for name in ("laptop", "tablet", "phone"))
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "Version du portable"}, after_s=1)
    tablet.do({"type": "edit_entry", "id": "q-0", "text": "Version de la tablette"}, after_s=5)
    phone.ws = merge(phone.ws, tablet.ws)
    phone.do({"type": "edit_entry", "id": "q-0", "text": "Version du téléphone"}, after_s=9)
    assert phone.ws.entries["q-0"].known == {"d-tablet": tablet.ws.entries["q-0"].stamp, "d-origin": start.entries["q-0"].stamp}
    for merged in (merge(phone.ws, laptop.ws), merge(laptop.ws, phone.ws), reduce(merge, [tablet.ws, laptop.ws, phone.ws])):
        entry = merged.entries["q-0"]
        assert entry.text == "Version du téléphone"
        assert [e["text"] for e in pending(entry, "entries")] == ["Version du portable"], "the tablet's was replaced knowingly"


def test_what_a_version_knew_passes_on_to_the_versions_made_on_top_of_it():
    laptop, tablet = two_devices()
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "Du portable"})
    tablet.ws = merge(tablet.ws, laptop.ws)
    tablet.do({"type": "edit_entry", "id": "q-0", "text": "De la tablette"})
    laptop.ws = merge(laptop.ws, tablet.ws)
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "Du portable, encore"})
    entry = laptop.ws.entries["q-0"]
    assert entry.known == {"d-tablet": tablet.ws.entries["q-0"].stamp, "d-origin": shared().entries["q-0"].stamp}


def v1(ws) -> bytes:
    """The workspace as a version-1 file written before `known` existed: each version knew
    only the latest stamp it was made on top of (`base`)."""
    data = json.loads(file_format.dump(ws))
    data["version"] = 1
    for name, records in data.items():
        if isinstance(records, dict):
            for record in records.values():
                known = record.pop("known", {})
                record.pop("changed", None)
                record["base"] = max(known.values(), default="")
                record.pop("conflicts", None)
    return json.dumps(data).encode()


def test_a_version_read_from_a_file_written_before_known_existed_never_hides_another():
    """Version-1 files written before `known` existed carry only `base`, the latest stamp a
    version was made on top of, which cannot tell which devices' versions it saw: such a
    version is read as knowing none (app/sync/restore.py), so an edit made apart shows as a
    conflict, once, and a person's choice settles it for good."""
    laptop, tablet = two_devices()
    tablet.do({"type": "edit_entry", "id": "q-0", "text": "De la tablette"})
    laptop.ws = merge(laptop.ws, tablet.ws)
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "Du portable"})
    laptop.ws, tablet.ws = (file_format.load(v1(ws)) for ws in (laptop.ws, tablet.ws))  # both saved, then Cercle upgraded
    merged = merge(laptop.ws, tablet.ws)
    assert merged.entries["q-0"].text == "Du portable"
    assert [e["text"] for e in pending(merged.entries["q-0"], "entries")] == ["De la tablette"]
    laptop.ws = merged
    laptop.do({"type": "resolve_conflict", "collection": "entries", "id": "q-0"})
    for again in (merge(tablet.ws, laptop.ws), merge(laptop.ws, tablet.ws)):
        assert again.entries["q-0"].text == "Du portable" and pending(again.entries["q-0"], "entries") == []


def test_keeping_the_current_text_settles_the_conflict_too():
    laptop, tablet = two_devices()
    laptop.do({"type": "rename_member", "id": "m-1", "name": "Bruno L."})
    tablet.do({"type": "rename_member", "id": "m-1", "name": "Bruno Lefèvre"}, after_s=2)
    laptop.ws = merge(laptop.ws, tablet.ws)
    laptop.do({"type": "resolve_conflict", "collection": "members", "id": "m-1"})
    assert laptop.ws.members["m-1"].name == "Bruno Lefèvre" and laptop.ws.members["m-1"].conflicts == ()
    assert merge(laptop.ws, tablet.ws).members["m-1"].conflicts == ()


def test_resolving_what_is_not_in_conflict_is_refused():
    laptop, _ = two_devices()
    with pytest.raises(ActionError) as refused:
        laptop.do({"type": "resolve_conflict", "collection": "entries", "id": "q-0"})
    assert refused.value.key == "error.conflict.not_found"


def test_concurrent_edits_of_other_fields_are_decided_field_by_field_without_conflict():
    """Of two changes of one field made apart, the later wins; a field only one device
    changed keeps that change (a record's later version no longer wins whole)."""
    laptop, tablet = two_devices()
    laptop.do({"type": "edit_entry", "id": "q-0", "answered": True})
    tablet.do({"type": "edit_entry", "id": "q-0", "answered": True}, after_s=2)
    tablet.do({"type": "edit_entry", "id": "q-0", "answered": False}, after_s=2)
    laptop.do({"type": "edit_entry", "id": "q-0", "author_id": "m-2"}, after_s=3)
    for merged in (merge(laptop.ws, tablet.ws), merge(tablet.ws, laptop.ws)):
        assert merged.entries["q-0"].answered is False and merged.entries["q-0"].author_id == "m-2"
        assert pending(merged.entries["q-0"], "entries") == []


def test_a_deletion_on_one_device_reaches_the_other_as_a_tombstone():
    laptop, tablet = two_devices()
    laptop.do({"type": "delete_entry", "id": "q-0"})
    merged = merge(tablet.ws, laptop.ws)
    assert merged.entries["q-0"].deleted and merged.entries_of("r-1", "question") == []


def test_merge_keeps_this_devices_own_state_and_moves_its_clock_past_every_stamp():
    laptop, tablet = two_devices()
    laptop.do({"type": "set_preferences", "language": "en"})
    tablet.do({"type": "edit_entry", "id": "q-0", "text": "Plus tard"}, after_s=3600)
    merged = merge(laptop.ws, tablet.ws)
    assert merged.local.language == "en" and merged.local.device == laptop.ws.local.device
    assert merged.local.clock == tablet.ws.entries["q-0"].stamp
    laptop.ws = merged
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "Encore après"}, after_s=-3000)  # a slow wall clock
    assert laptop.ws.entries["q-0"].stamp > tablet.ws.entries["q-0"].stamp
