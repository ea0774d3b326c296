"""A group's own protocol edited on several devices (issue 19, item 4): merged text by text
and step by step (app/paths.py), a text edited apart on two devices kept as a conflict a
person resolves, a step removed on one device while edited on another brought back.

The property tests play three devices editing one protocol apart with skewed clocks and
exchanging files at random moments, then check the laws of merge and that no text typed
on a device is lost without a version made knowing it."""

from __future__ import annotations

from functools import reduce

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from app import paths
from app.sync import file_format
from app.actions import ActionError, apply, parse
from app.sync.merge import alternatives, as_json, knows, merge, pending, version
from app.model import Workspace
from app.protocol import DEFAULT_ID, LIBRARY, Protocol
from support.room import START, Room
from test_sync_merge import records
from support.properties import properties

EXPOSE = "protocol/steps/expose/do/fr"


def shared() -> Workspace:
    """A group with its own copy of the default protocol, as exchanged before editing it."""
    room = Room(device="d-origin")
    room.group()
    room.do({"type": "adapt_protocol", "id": "p-own", "group_id": "g-1", "from_id": DEFAULT_ID})
    return room.ws.model_copy(update={"local": room.ws.local.model_copy(update={"undo": ()})})  # as a file brings it


def two_devices() -> tuple[Room, Room]:
    start = shared()
    return Room(start, device="d-laptop", now=START + 10_000_000), Room(start, device="d-tablet", now=START + 10_000_000)


def steps(ws: Workspace) -> dict:
    return {s.key: s for s in ws.protocols["p-own"].protocol.steps}


def guidance(key: str, text: str) -> dict:
    return {"type": "edit_step", "id": "p-own", "step": key, "do_fr": text}


def test_two_devices_editing_different_steps_both_keep_their_edits():
    laptop, tablet = two_devices()
    laptop.do(guidance("expose", "Le porteur expose, sans être interrompu."))
    laptop.do({"type": "edit_step", "id": "p-own", "step": "expose", "minutes": 12})
    tablet.do(guidance("exploration", "Des questions ouvertes, une à la fois."), after_s=4)
    tablet.do({"type": "edit_protocol", "id": "p-own", "name_en": "Our codev"})
    for merged in (merge(laptop.ws, tablet.ws), merge(tablet.ws, laptop.ws)):
        own = merged.protocols["p-own"]
        assert steps(merged)["expose"].do.fr == "Le porteur expose, sans être interrompu."
        assert steps(merged)["expose"].minutes == 12
        assert steps(merged)["exploration"].do.fr == "Des questions ouvertes, une à la fois."
        assert own.protocol.name.en == "Our codev"
        assert steps(merged)["expose"].do.en == LIBRARY[DEFAULT_ID].steps[2].do.en  # untouched texts stay
        assert pending(own, "protocols") == [] and alternatives(own, "protocols") == []


def test_two_diverged_edits_merged_make_a_version_numbered_apart_from_both():
    laptop, tablet = two_devices()
    laptop.do(guidance("expose", "Le porteur expose, sans être interrompu."))
    tablet.do(guidance("exploration", "Des questions ouvertes, une à la fois."), after_s=4)
    number = laptop.ws.protocols["p-own"].protocol.version
    assert tablet.ws.protocols["p-own"].protocol.version == number  # each device's edit: the same number
    merged = merge(laptop.ws, tablet.ws)
    assert merged.protocols["p-own"].protocol.version == number + 1
    # the same number whatever the order and the way (a file), and on a third device
    assert records(merge(tablet.ws, file_format.load(file_format.dump(laptop.ws)))) == records(merged)
    third = merge(merge(shared(), tablet.ws), laptop.ws)
    assert third.protocols["p-own"].protocol.version == number + 1
    # a merge that makes one side's protocol keeps that side's number
    assert merge(merged, laptop.ws).protocols["p-own"].protocol.version == number + 1
    laptop.ws = merged
    laptop.do({"type": "edit_step", "id": "p-own", "step": "expose", "minutes": 12})
    assert merge(laptop.ws, tablet.ws).protocols["p-own"].protocol.version == number + 2


def conflicted() -> tuple[Room, Room, Workspace]:
    """The laptop and the tablet both rewrote the exposé's French guidance (the tablet later)."""
    laptop, tablet = two_devices()
    laptop.do(guidance("expose", "Version du portable"))
    tablet.do(guidance("expose", "Version de la tablette"), after_s=5)
    return laptop, tablet, merge(laptop.ws, tablet.ws)


def test_the_same_guidance_edited_on_two_devices_is_kept_as_a_conflict():
    laptop, tablet, merged = conflicted()
    own = merged.protocols["p-own"]
    assert steps(merged)["expose"].do.fr == "Version de la tablette"  # the later shows
    [other] = alternatives(own, "protocols")
    assert (other.path, other.text) == (EXPOSE, "Version du portable")
    assert len(pending(own, "protocols")) == 1
    assert records(merge(tablet.ws, laptop.ws)) == records(merged)
    # the English text and the other steps are no conflict
    assert steps(merged)["expose"].do.en == LIBRARY[DEFAULT_ID].steps[2].do.en


@pytest.mark.parametrize("keep", ["other", "shown"])
def test_a_person_resolves_the_conflict_either_way_for_good(keep):
    laptop, tablet, merged = conflicted()
    laptop.ws = merged
    [other] = alternatives(merged.protocols["p-own"], "protocols")
    # an edit of something else does not settle it
    laptop.do({"type": "edit_step", "id": "p-own", "step": "exploration", "minutes": 9})
    assert [a.text for a in alternatives(laptop.ws.protocols["p-own"], "protocols")] == ["Version du portable"]
    laptop.do({"type": "resolve_conflict", "collection": "protocols", "id": "p-own", "path": EXPOSE,
               "version": other.dot if keep == "other" else ""})
    expected = "Version du portable" if keep == "other" else "Version de la tablette"
    for ws in (laptop.ws, merge(laptop.ws, tablet.ws), merge(tablet.ws, laptop.ws), merge(merged, laptop.ws)):
        own = ws.protocols["p-own"]
        assert steps(ws)["expose"].do.fr == expected
        assert steps(ws)["exploration"].minutes == 9
        assert alternatives(own, "protocols") == [] and pending(own, "protocols") == []


def test_resolving_a_text_not_in_conflict_is_refused():
    laptop, _, merged = conflicted()
    laptop.ws = merged
    with pytest.raises(ActionError) as refused:
        laptop.do({"type": "resolve_conflict", "collection": "protocols", "id": "p-own", "path": "protocol/name/fr"})
    assert refused.value.key == "error.conflict.not_found"


def test_typing_the_other_text_settles_the_conflict_and_typing_a_third_keeps_it():
    laptop, _, merged = conflicted()
    laptop.ws = merged
    laptop.do(guidance("expose", "Une troisième"))
    assert [a.text for a in alternatives(laptop.ws.protocols["p-own"], "protocols")] == ["Version du portable"]
    laptop.do(guidance("expose", "Version du portable"))
    assert alternatives(laptop.ws.protocols["p-own"], "protocols") == []


def test_a_step_removed_on_one_device_while_edited_on_the_other_comes_back_with_the_edit():
    """What we chose: the edit wins over the removal (nothing typed is lost silently); the
    step comes back where it was, and whoever wants it gone removes it again, knowingly."""
    laptop, tablet = two_devices()
    laptop.do({"type": "remove_step", "id": "p-own", "step": "learnings"})
    laptop.do({"type": "move_step", "id": "p-own", "step": "exploration", "to": "earlier"})
    tablet.do(guidance("learnings", "Chacun dit ce qu’il emporte."), after_s=5)
    for merged in (merge(laptop.ws, tablet.ws), merge(tablet.ws, laptop.ws)):
        keys = [s.key for s in merged.protocols["p-own"].protocol.steps]
        assert keys == ["pitches", "choice", "exploration", "expose", "reformulations", "contract", "interventions",
                        "carrier-synthesis", "learnings"]
        assert steps(merged)["learnings"].do.fr == "Chacun dit ce qu’il emporte."
    laptop.ws = merge(laptop.ws, tablet.ws)
    laptop.do({"type": "remove_step", "id": "p-own", "step": "learnings"})  # knowingly, this time
    assert "learnings" not in steps(merge(laptop.ws, tablet.ws)) and "learnings" not in steps(merge(tablet.ws, laptop.ws))


def test_a_step_removed_on_one_device_stays_removed_when_the_other_did_not_touch_it():
    laptop, tablet = two_devices()
    laptop.do({"type": "remove_step", "id": "p-own", "step": "learnings"})
    tablet.do(guidance("expose", "Autre chose"), after_s=5)
    merged = merge(laptop.ws, tablet.ws)
    assert "learnings" not in steps(merged) and steps(merged)["expose"].do.fr == "Autre chose"


def test_steps_added_on_two_devices_apart_are_two_steps():
    laptop, tablet = two_devices()
    laptop.do({"type": "add_step", "id": "p-own", "after": "expose"})
    tablet.do({"type": "add_step", "id": "p-own", "after": "exploration"}, after_s=3)
    added = [k for k in steps(laptop.ws) if k not in steps(shared())] + [k for k in steps(tablet.ws) if k not in steps(shared())]
    merged = merge(laptop.ws, tablet.ws)
    keys = [s.key for s in merged.protocols["p-own"].protocol.steps]
    assert len(set(added)) == 2 and keys.index(added[0]) == keys.index("expose") + 1 and keys.index(added[1]) == keys.index("exploration") + 1


def test_a_protocol_stored_before_paths_still_merges_as_one_value():
    """A version written before texts were versioned one by one names the whole protocol
    in `changed`: its every path reads that change (app/paths.py `dot`). Which texts each
    device edited cannot be told: the later protocol shows, as before, and each text of the
    other that differs waits as a conflict instead of being lost."""
    laptop, tablet = two_devices()
    laptop.do(guidance("expose", "Du portable"))
    tablet.do(guidance("exploration", "De la tablette"), after_s=5)

    def whole(ws: Workspace) -> Workspace:
        own = ws.protocols["p-own"]
        return ws.model_copy(update={"protocols": {"p-own": own.model_copy(update={"changed": {"protocol": version(own.stamp, own.device)}})}})

    merged = merge(whole(laptop.ws), whole(tablet.ws))
    assert steps(merged)["exploration"].do.fr == "De la tablette"  # the later edit of the whole, as before
    assert steps(merged)["expose"].do.fr == LIBRARY[DEFAULT_ID].steps[2].do.fr
    waiting = {a.path: a.text for a in alternatives(merged.protocols["p-own"], "protocols")}
    assert waiting == {EXPOSE: "Du portable", "protocol/steps/exploration/do/fr": LIBRARY[DEFAULT_ID].steps[3].do.fr}


TEXTS = st.sampled_from(["Écouter", "Se taire", "<b>gras</b>", "Reformuler", ""])
STEPS = ["pitches", "expose", "exploration", "learnings"]


def an_edit(ws: Workspace, draw) -> dict:
    """One thing a person might do to the protocol on a device (some refused, as in real use)."""
    own = ws.protocols["p-own"]
    keys = [s.key for s in own.protocol.steps]
    step = draw(st.sampled_from(keys[:3] + STEPS))
    choice = draw(st.integers(0, 8))
    if choice <= 2:  # mostly the same few texts, so that devices meet in conflict
        field = draw(st.sampled_from(["do_fr", "do_fr", "do_en", "dont_fr", "title_fr"]))
        where = draw(st.sampled_from(["expose", "expose", "learnings", step]))
        return {"type": "edit_step", "id": "p-own", "step": where, field: draw(TEXTS) or "x"}
    if choice == 3:
        return {"type": "edit_protocol", "id": "p-own", draw(st.sampled_from(["name_fr", "source_fr"])): draw(TEXTS) or "y"}
    if choice == 4:
        return {"type": "edit_step", "id": "p-own", "step": step, "minutes": draw(st.integers(1, 20))}
    if choice == 5:
        if draw(st.booleans()):
            return {"type": "remove_step", "id": "p-own", "step": step}
        return {"type": "add_step", "id": "p-own", "after": step, "key": draw(st.sampled_from(["step-a", "step-b", "step-c"]))}
    if choice == 6:
        return {"type": "move_step", "id": "p-own", "step": step, "to": draw(st.sampled_from(["earlier", "later"]))}
    waiting = alternatives(own, "protocols")
    if not waiting or choice == 7:
        return {"type": "undo"}
    picked = draw(st.sampled_from(waiting))
    return {"type": "resolve_conflict", "collection": "protocols", "id": "p-own", "path": picked.path,
            "version": draw(st.sampled_from(["", picked.dot]))}


@st.composite
def histories(draw, devices: int = 3) -> list[Workspace]:
    """What `devices` devices hold after editing the protocol apart and exchanging files."""
    held = [shared()] * devices
    clocks = [START + 10_000_000 + draw(st.integers(-5_000, 5_000)) for _ in range(devices)]
    for _ in range(draw(st.integers(1, 14))):
        i = draw(st.integers(0, devices - 1))
        clocks[i] += draw(st.integers(0, 3_000))
        exchange = draw(st.integers(0, 6))
        if exchange <= 1:
            j = draw(st.integers(0, devices - 1))
            held[i] = merge(held[i], file_format.load(file_format.dump(held[j])) if exchange == 0 else held[j])
            continue
        edit = an_edit(held[i], draw)
        if edit["type"] == "add_step":  # a new step's key is random (app/actions/protocols.py): no two devices share one
            edit["key"] += f"-{i}"
        try:
            held[i] = apply(held[i], parse(edit), now=clocks[i], device=f"d-{i}")
        except ActionError:
            pass
    return held


FAST = properties(150)


@FAST
@given(histories())
def test_protocol_merge_is_commutative_associative_and_idempotent(held):
    a, b, c = held
    assert records(merge(a, b)) == records(merge(b, a))
    assert records(merge(merge(a, b), c)) == records(merge(a, merge(b, c)))
    ab = merge(a, b)
    assert records(merge(ab, ab)) == records(ab) and records(merge(ab, b)) == records(ab)
    # a protocol that neither side held gets a number that neither has
    sides = [ws.protocols["p-own"].protocol for ws in (a, b)]
    made = ab.protocols["p-own"].protocol
    if all(made.model_copy(update={"version": p.version}) != p for p in sides):
        assert made.version not in {p.version for p in sides}


@FAST
@given(histories())
def test_no_text_typed_on_a_device_is_lost_silently(held):
    """Each device's texts of each step the merged protocol has are in it, or among its
    conflicts, or a version in it was made knowing them."""
    everything = reduce(merge, held)
    merged = everything.protocols["p-own"]
    if merged.deleted:  # a deletion wins over every concurrent edit (the import's preview names them)
        return
    alive = [e for e in merged.conflicts] or [merged]
    shown = steps(everything)
    waiting = {(a.path, a.text) for a in alternatives(merged, "protocols")}
    event("a text in conflict" if waiting else "no text in conflict")
    for ws in held:
        own = ws.protocols["p-own"]
        for key, step in steps(ws).items():
            path = f"protocol/steps/{key}/do/fr"
            dot = own.changed.get(path)
            if not dot:
                continue
            stamp, _, device = dot.partition("/")
            replaced = any(knows(v, stamp, device) for v in alive)  # by a version made knowing it
            if key not in shown:  # removed knowingly, else the step came back
                assert replaced, path
            else:
                assert shown[key].do.fr == step.do.fr or (path, step.do.fr) in waiting or replaced, path


@pytest.mark.parametrize("protocol_id", list(LIBRARY))
def test_every_built_in_protocol_reads_back_whole_from_its_paths(protocol_id):
    """What the merge decides path by path makes the protocol again, step for step."""
    protocol = LIBRARY[protocol_id]
    flat = paths.flat("protocols", {"protocol": as_json(protocol)})
    assert all(paths.is_text("protocols", p) == isinstance(v, str) for p, v in flat.items() if p.endswith(("/fr", "/en")))
    assert Protocol.model_validate(paths.rebuild("protocols", flat)["protocol"]) == protocol
