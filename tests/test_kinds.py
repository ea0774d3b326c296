"""The kinds of record are declared once (app/kinds.py): the declaration covers every
collection of the workspace, names only fields its records have, and every reader of it
(storage, merge, restore, the conflict action, the correction forms) agrees with it."""

from __future__ import annotations

import dataclasses
import typing

import pytest

from app.sync import shards
from app.actions import AnyAction
from app.actions.conflicts import ResolveConflict
from app.actions.core import Tx
from app.kinds import KIND, KINDS, OF_RECORD, Collections, Kind
from app.sync.merge import ERASED, MONOTONIC, TEXT_FIELDS
from app.model import COLLECTIONS, Record, Workspace
from app.sync.restore import OPTIONAL_REFERENCES
from app.web.commands.editing import COLLECTIONS as CORRECTED
from support.halfday import half_day

ACTIONS = {model.model_fields["type"].default for model in typing.get_args(typing.get_args(AnyAction)[0])}


def test_one_kind_per_collection_of_the_workspace_in_its_order():
    hints = typing.get_type_hints(Workspace)
    held = [f.name for f in dataclasses.fields(Workspace)
            if typing.get_origin(hints[f.name]) is dict and issubclass(typing.get_args(hints[f.name])[1], Record)]
    assert list(KIND) == list(COLLECTIONS) == held
    assert all(COLLECTIONS[kind.collection] is kind.record and OF_RECORD[kind.record] is kind for kind in KINDS)


def test_a_kind_names_only_fields_of_its_records_and_collections_that_exist():
    for kind in KINDS:
        fields = {f.name: f.type for f in dataclasses.fields(kind.record)}
        for name in (*kind.text, *kind.emptied, *kind.flags, *kind.references):
            assert name in fields, f"{kind.collection}.{name}"
        assert set(kind.references.values()) <= set(KIND)
        assert not kind.edit_action or kind.edit_action in ACTIONS


def test_every_reader_takes_the_declaration():
    assert TEXT_FIELDS == {k.collection: k.text for k in KINDS}
    assert ERASED["members"] == () and ERASED["entries"] == ("text",)
    assert MONOTONIC["entries"] == {"deleted", "out_of_frame"} and MONOTONIC["votes"] == {"deleted"}
    assert OPTIONAL_REFERENCES["rounds"] == KIND["rounds"].references and "votes" not in OPTIONAL_REFERENCES
    assert set(typing.get_args(ResolveConflict.model_fields["collection"].annotation)) == set(KIND)
    assert CORRECTED == {"edit_entry": "entries", "edit_pitch": "pitches", "edit_action_item": "action_items"}


def test_every_record_of_a_half_day_is_stored_with_its_group_or_session():
    ws = half_day().ws
    for kind in KINDS:
        for record in ws.collection(kind.collection).values():
            key = shards.owner(ws, kind.collection, record)
            assert key in {shards.GROUP + "g-1", shards.SESSION + "s-1"}, (kind.collection, key)
            assert key.startswith(shards.SESSION) == (kind.collection not in ("groups", "members", "protocols"))


def test_a_transaction_reaches_each_kind_by_its_collections_name():
    ws = half_day().ws
    tx = Tx(ws, 1_790_000_000_000, "d-test")
    for kind in KINDS:
        records = getattr(tx, kind.collection)
        assert records.kind is kind is getattr(Collections, kind.collection)
        for record in ws.collection(kind.collection).values():
            assert records.get(record.id) is record
    tx.members.update("m-lea", name="Alix")
    assert tx.members.get("m-lea").name == "Alix" and ws.members["m-lea"].name != "Alix", "what it wrote, the workspace untouched"
    assert "Alix" in [m.name for m in tx.group_members("g-1")]


def test_a_kind_declared_under_another_name_is_refused():
    with pytest.raises(Exception) as refused:
        type("Mistaken", (), {"people": Kind("members", KIND["members"].record, KIND["members"].owner)})
    assert "declared as 'people'" in str(refused.value.__cause__ or refused.value)
