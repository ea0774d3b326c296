"""The Cercle file: round trip, JSON Schema, the fixture of every version."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from app.sync import file_format, restore
from app.sync.merge import pending
from app.model import COLLECTIONS, Workspace
from support.room import Room

ROOT = Path(__file__).parent.parent
SCHEMA = ROOT / "schema" / f"cercle-v{file_format.VERSION}.schema.json"
FIXTURES = Path(__file__).parent / "fixtures"


def records(ws: Workspace) -> dict:
    return {name: {rid: r.model_dump() for rid, r in ws.collection(name).items()} for name in COLLECTIONS}


def played() -> Workspace:
    room = Room()
    room.group()
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    room.do({"type": "add_pitch", "id": "p-1", "session_id": "s-1", "member_id": "m-1", "title": "<img src=x onerror=alert(1)>"})
    room.do({"type": "set_preferences", "language": "en", "muted": True})
    room.do({"type": "set_draft", "key": "entry:r-1", "text": "brouillon privé"})
    return room.ws


def test_a_file_is_utf8_json_with_its_format_and_version_and_every_record():
    ws = played()
    data = file_format.dump(ws)
    found = json.loads(data.decode("utf-8"))
    assert found["format"] == "cercle" and found["version"] == file_format.VERSION
    assert set(found["members"]) == {f"m-{i}" for i in range(5)}
    assert "<img src=x onerror=alert(1)>" in data.decode("utf-8")  # text stays text
    assert records(file_format.load(data)) == records(ws)


def test_this_devices_own_state_never_leaves_it():
    ws = played()
    data = file_format.dump(ws)
    assert b'"local"' not in data and "brouillon privé".encode() not in data and b"muted" not in data
    assert file_format.load(data).local == Workspace().local


def test_the_committed_schema_is_the_one_the_models_generate():
    committed = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert committed == file_format.schema(), "the models changed: see README.md, File format, to write the schema again"
    jsonschema.Draft202012Validator.check_schema(committed)


def test_exported_files_and_fixtures_validate_against_the_schema():
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    validator.validate(json.loads(file_format.dump(played())))
    validator.validate(json.loads((FIXTURES / f"cercle-v{file_format.VERSION}.json").read_bytes()))


def test_the_schema_refuses_what_restore_refuses():
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert not validator.is_valid({"format": "cercle", "version": 3})
    assert not validator.is_valid({"format": "other", "version": 1})
    assert not validator.is_valid({"format": "cercle", "version": 1, "entries": {"e": {"id": "e", "kind": "note"}}})


def test_every_version_has_a_fixture_and_every_older_one_a_migration():
    for version in range(1, file_format.VERSION + 1):
        assert (FIXTURES / f"cercle-v{version}.json").exists()
    assert set(restore.MIGRATIONS) == set(range(1, file_format.VERSION))


@pytest.mark.parametrize("version", range(1, file_format.VERSION + 1))
def test_the_fixture_of_each_version_loads_with_its_content(version):
    ws = file_format.load((FIXTURES / f"cercle-v{version}.json").read_bytes())
    assert ws.groups["g-1"].name == "Cadres santé"
    assert [m.name for m in ws.members_of("g-1")] == ["Alice", "Bruno", "Chloé", "David", "Émilie"]
    assert ws.rounds["r-1"].carrier_id == "m-0" and ws.pitches["p-0"].text == "Contexte : « ça coince » ✓"
    assert [e.text for e in ws.entries_of("r-1", "question")] == ["Depuis combien de temps ?"]
    assert [c["text"] for c in pending(ws.entries["q-1"], "entries")] == ["Depuis quand ça dure ?"]  # a conflict waits
    assert ws.entries["q-2"].deleted  # a tombstone travels
    assert ws.action_items["a-1"].due == "2027-01-15"
    assert ws.votes_for("p-0")[0].member_id == "m-1"


def test_a_file_written_again_from_the_fixture_is_the_same_file():
    """But for the attendance its session did not record yet (app/attendance.py): written
    out, it is what every later reading finds."""
    data = (FIXTURES / f"cercle-v{file_format.VERSION}.json").read_bytes()
    expected = json.loads(data)
    expected["sessions"]["s-1"]["attendance"] = dict.fromkeys(sorted(expected["members"]), "present")
    assert json.loads(file_format.dump(file_format.load(data))) == expected


def test_the_export_file_is_named_after_the_group_when_the_device_holds_one():
    room = Room()
    room.do({"type": "create_group", "id": "g-1", "name": "Cadres de santé — CHU Nord", "members": [{"id": f"m-{i}", "name": f"Pair {i}"} for i in range(4)]})
    assert file_format.file_name(room.ws, "2026-12-03", encrypted=False) == "cercle-cadres-de-sante-chu-nord-2026-12-03.json"
    assert file_format.file_name(room.ws, "2026-12-03", encrypted=True) == "cercle-cadres-de-sante-chu-nord-2026-12-03-encrypted.json"
    room.do({"type": "create_group", "id": "g-2", "name": "Intervision Lyon", "members": [{"id": f"n-{i}", "name": f"Pair {i}"} for i in range(4)]})
    assert file_format.file_name(room.ws, "2026-12-03", encrypted=False) == "cercle-2026-12-03.json"  # two groups: neither named
    assert file_format.file_name(Room().ws, "2026-12-03", encrypted=True) == "cercle-2026-12-03-encrypted.json"
