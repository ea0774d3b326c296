"""One protocol as a file (issue 19, item 4): written, read back, and a set of hostile files
refused with words, never kept."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from app import protocol_file
from app.i18n import translator
from app.protocol import DEFAULT_ID, LIBRARY
from app.sync.restore import FileFormatError
from support.room import Room

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schema" / f"cercle-protocol-v{protocol_file.VERSION}.schema.json"
DEFAULT = LIBRARY[DEFAULT_ID]


def plain(**changes) -> dict:
    data = json.loads(protocol_file.dump(DEFAULT))
    data["protocol"].update(changes)
    return data


def encoded(data) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


def test_a_protocol_file_reads_back_as_the_same_protocol_and_fits_its_schema():
    for protocol in LIBRARY.values():
        data = protocol_file.dump(protocol)
        assert protocol_file.load(data) == protocol
        jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(json.loads(data))
    assert json.loads(protocol_file.dump(DEFAULT))["format"] == "cercle-protocol"
    assert protocol_file.file_name(DEFAULT, "fr") == "cercle-protocol-groupe-de-pairs-codeveloppement-9-etapes-v1.json"


def test_the_committed_schema_is_the_one_the_models_generate():
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == protocol_file.schema()


STEPS = plain()["protocol"]["steps"]
HOSTILE = {
    "empty": (b"", "sync.error.empty"),
    "not json": (b"<html>protocole</html>", "sync.error.not_json"),
    "cut short": (protocol_file.dump(DEFAULT)[:300], "sync.error.truncated"),
    "too large": (b" " * (protocol_file.MAX_BYTES + 1), "protocol.file.too_large"),
    "nesting bomb": (b"[" * 100_000, "sync.error.too_deep"),
    "a list": (b"[1, 2]", "sync.error.not_cercle"),
    "a workspace file": (encoded({"format": "cercle", "version": 1}), "protocol.file.not_protocol"),
    "no format": (encoded({"version": 1, "protocol": plain()["protocol"]}), "protocol.file.not_protocol"),
    "newer": (encoded({**plain(), "version": 7}), "sync.error.newer"),
    "version as text": (encoded({**plain(), "version": "1"}), "sync.error.bad_version"),
    "duplicate key": (b'{"format": "cercle-protocol", "format": "cercle-protocol"}', "sync.error.duplicate_key"),
    "no protocol": (encoded({"format": "cercle-protocol", "version": 1}), "protocol.file.invalid"),
    "unknown capture": (encoded(plain(steps=[{**STEPS[0], "capture": "exec"}])), "protocol.file.invalid"),
    "steps as text": (encoded(plain(steps="rm -rf")), "protocol.file.invalid"),
    "no step": (encoded(plain(steps=[])), "protocol.file.invalid"),
    "not a number": (protocol_file.dump(DEFAULT).replace(b'"minutes": 5.0', b'"minutes": NaN', 1), "restore.error.huge_number"),  # refused while parsing
    "huge number": (encoded(plain(steps=[{**STEPS[2], "minutes": 1e308}])), "restore.error.huge_number"),
    "endless step": (encoded(plain(steps=[{**STEPS[2], "minutes": 500}])), "protocol.check.minutes"),
    "choice too late": (encoded(plain(steps=[STEPS[2], STEPS[1]])), "protocol.check.needs_problem"),
    "too many steps": (encoded(plain(steps=[{**STEPS[2], "key": f"s{i}"} for i in range(21)])), "protocol.check.too_many_steps"),
    "same key twice": (encoded(plain(steps=[STEPS[2], STEPS[2]])), "protocol.check.duplicate_key"),
    "unknown request": (encoded(plain(request_types=["<script>"])), "protocol.check.request_types"),
    "no name": (encoded(plain(name={"fr": "", "en": ""})), "protocol.check.empty_name"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_protocol_file_is_refused_with_words(name):
    data, key = HOSTILE[name]
    with pytest.raises(FileFormatError) as refused:
        protocol_file.load(data)
    assert refused.value.key == key
    for lang in ("fr", "en"):
        said = translator(lang)(refused.value.key, **refused.value.params)
        assert said != key and "{" not in said


def test_an_imported_protocol_becomes_the_groups_own_under_a_new_id():
    room = Room()
    room.group()
    room.do({"type": "adapt_protocol", "id": "p-own", "group_id": "g-1", "from_id": "gease"})
    room.do({"type": "remove_step", "id": "p-own", "step": "analysis"})
    exported = room.ws.protocols["p-own"].protocol
    elsewhere = Room()
    elsewhere.group()
    protocol = protocol_file.load(protocol_file.dump(exported))
    elsewhere.do({"type": "import_protocol", "id": "p-in", "group_id": "g-1", "protocol": protocol.model_dump()})
    imported = elsewhere.ws.protocols["p-in"].protocol
    assert imported.id == "p-in" and imported.steps == exported.steps and imported.version == exported.version == 2
    elsewhere.session(protocol_id="p-in")
    assert elsewhere.ws.sessions["s-1"].protocol == imported
