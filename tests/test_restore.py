"""Restore: every kind of bad input is refused with its own message, or normalised."""

from __future__ import annotations

import json

import pytest

from app.sync import file_format, restore
from app.sync.restore import FileFormatError

from test_sync_file import FIXTURES, played

GOOD = (FIXTURES / "cercle-v1.json").read_bytes()


def refused(data: bytes) -> FileFormatError:
    with pytest.raises(FileFormatError) as error:
        file_format.load(data)
    assert isinstance(error.value, ValueError)
    return error.value


def edited(change) -> bytes:
    data = json.loads(GOOD)
    change(data)
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "sync.error.empty"),
        (b"  \n ", "sync.error.empty"),
        (b"Bonjour, voici le compte rendu.", "sync.error.not_json"),
        (b"\xff\xfe\x00<\x00h\x00t", "sync.error.not_json"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "sync.error.not_json"),
        (b"[1, 2, 3]", "sync.error.not_cercle"),
        (b'"cercle"', "sync.error.not_cercle"),
        (b'{"format": "excalidraw", "version": 2, "elements": []}', "sync.error.not_cercle"),
        (b'{"version": 1}', "sync.error.not_cercle"),
        (b'{"format": "cercle"}', "sync.error.bad_version"),
        (b'{"format": "cercle", "version": "1"}', "sync.error.bad_version"),
        (b'{"format": "cercle", "version": 0}', "sync.error.bad_version"),
        (b'{"format": "cercle", "version": 3}', "sync.error.newer"),
        (b'{"format": "cercle-encrypted", "version": 1, "ciphertext": ""}', "sync.error.envelope"),  # damaged: said before a passphrase is asked
        (b'{"format": "cercle", "version": 1, "groups": {"g": {"id": "g", "name": "A"}, "g": {}}}', "sync.error.duplicate_key"),
        (b'{"format": "cercle", "version": 1, "groups": []}', "sync.error.invalid"),
    ],
)
def test_what_is_not_a_cercle_file_is_refused_with_its_reason(data, key):
    assert refused(data).key == key


def test_a_file_cut_anywhere_says_it_is_incomplete():
    """In a string, a number, a word, an accented letter, between two values: every cut."""
    for cut in range(1, len(GOOD) - 2):
        assert refused(GOOD[:cut]).key == "sync.error.truncated", GOOD[cut - 20 : cut]


def test_a_newer_file_names_its_version():
    error = refused(b'{"format": "cercle", "version": 7, "groups": {}}')
    assert error.params == {"version": 7}


def test_50_megabytes_are_refused_before_any_parsing():
    bomb = b"[" * (50 * 1024 * 1024)  # parsed, this would be a nesting bomb
    assert refused(bomb).key == "sync.error.too_large"


def test_deep_nesting_is_refused_before_parsing():
    """Python's parser recurses in C: in Pyodide a bomb exhausts the stack, which is fatal."""
    bomb = b"[" * 100_000 + b"]" * 100_000
    assert refused(b'{"format": "cercle", "version": 1, "x": ' + bomb + b"}").key == "sync.error.too_deep"
    assert refused(b"[" * 100_000).key == "sync.error.too_deep"  # a bomb cut short
    assert refused(b'{"format": "cercle", "version": 1, "x": ' + b'{"a": ' * 40 + b"1" + b"}" * 40 + b"}").key == "sync.error.too_deep"


def test_nesting_is_counted_outside_strings_only():
    deep = restore.MAX_DEPTH - 1
    data = b'{"format": "cercle", "version": 1, "x": ' + b"[" * deep + b"]" * deep + b"}"
    assert file_format.load(data).groups == {}  # as deep as allowed: parsed (and the unknown field dropped)
    text = '[[[[ \\" \" {{{{ ' * 50  # brackets, quotes and backslashes inside a text
    ws = file_format.load(edited(lambda d: d["entries"]["q-1"].update(text=text)))
    assert ws.entries["q-1"].text == text


def test_missing_required_fields_name_where():
    error = refused(edited(lambda d: d["entries"]["q-1"].pop("text")))
    assert error.key == "sync.error.invalid" and error.params["place"] == "entries/q-1/text"


@pytest.mark.parametrize(
    ("change", "place"),
    [
        (lambda d: d["rounds"]["r-1"].update(number="trois"), "rounds/r-1/number"),
        (lambda d: d["entries"]["q-1"].update(text=["une", "liste"]), "entries/q-1/text"),
        (lambda d: d["entries"]["q-1"].update(kind="gossip"), "entries/q-1/kind"),
        (lambda d: d["groups"].update({"g-2": "pas un objet"}), "groups/g-2"),
        (lambda d: d["entries"]["q-1"].update(conflicts=[{"text": "sans version"}]), "entries/q-1/conflicts"),
        (lambda d: d["entries"]["q-1"].update(conflicts=[{"stamp": "1", "device": "d-x", "known": None}]), "entries/q-1/conflicts"),
        (lambda d: d["entries"]["q-1"].update(conflicts=[{"stamp": "1", "device": "d-x", "known": {"d-y": 2}}]), "entries/q-1/conflicts"),
        (lambda d: d["entries"]["q-1"].update(known={"d-y": 2}), "entries/q-1/known/d-y"),
        (lambda d: d["entries"]["q-1"].update(rating=9), "entries/q-1/rating"),
    ],
)
def test_wrong_types_name_where(change, place):
    error = refused(edited(change))
    assert error.key == "sync.error.invalid" and error.params["place"] == place


def test_ids_are_checked():
    assert refused(edited(lambda d: d["members"]["m-1"].update(id="m-2"))).key == "sync.error.id_mismatch"
    bad = edited(lambda d: d["members"].update({"m 9": {**d["members"]["m-1"], "id": "m 9"}}))
    assert refused(bad).key == "sync.error.bad_id"
    assert refused(edited(lambda d: d["members"].update({"x" * 65: {}}))).key == "sync.error.bad_id"


def test_a_record_without_its_id_takes_its_key():
    ws = file_format.load(edited(lambda d: d["members"]["m-1"].pop("id")))
    assert ws.members["m-1"].id == "m-1"


def test_missing_optional_fields_get_defaults_and_unknown_fields_are_dropped():
    def change(d):
        d["entries"]["q-1"] = {"kind": "question", "session_id": "s-1", "text": "Minimal", "mood": "🙂"}
        d["sessions"]["s-1"]["weather"] = "pluie"
        d["gossip"] = {"x": 1}
        d["local"] = {"device": "d-intruder", "drafts": {"k": "injected"}}

    ws = file_format.load(edited(change))
    entry = ws.entries["q-1"]
    assert (entry.round_id, entry.author_id, entry.answered, entry.deleted, entry.stamp) == ("", "", False, False, "")
    assert not hasattr(entry, "mood") and "weather" not in ws.sessions["s-1"].model_dump()
    assert ws.local.device == "" and ws.local.drafts == {}  # a file never sets this device's state


def test_a_file_with_only_some_collections_loads():
    ws = file_format.load(b'{"format": "cercle", "version": 1, "groups": {"g": {"name": "Seuls"}}}')
    assert ws.groups["g"].name == "Seuls" and ws.entries == {}


def test_references_that_point_nowhere_are_cleared_and_orphans_kept_out_of_view():
    def change(d):
        d["rounds"]["r-1"].update(carrier_id="m-ghost", reformulation_id="e-ghost")
        d["entries"]["q-1"]["author_id"] = "m-ghost"
        d["entries"]["q-9"] = {"kind": "note", "session_id": "s-ghost", "round_id": "r-ghost", "text": "orpheline"}
        d["sessions"]["s-1"]["current_round_id"] = "r-ghost"

    ws = file_format.load(edited(change))
    assert (ws.rounds["r-1"].carrier_id, ws.rounds["r-1"].reformulation_id) == ("", "")
    assert ws.entries["q-1"].author_id == "" and ws.sessions["s-1"].current_round_id == ""
    assert ws.entries["q-9"].text == "orpheline"  # kept: a merge with its session shows it again
    assert all(e.id != "q-9" for e in ws.session_entries("s-1", "note"))


HOSTILE = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{7*7}} ${7*7} %s %n",
    "\u202eevil\u202c \u200b zero width",
    "Ｃｅｒｃｌｅ 🧑🏽‍🤝‍🧑🏻 e\u0301",
    "x" * 100_000,
    "\x00\x01\x07 control",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_every_string_field_comes_back_as_the_same_text(text):
    def change(d):
        for collection in ("groups", "members", "pitches", "entries", "action_items"):
            for record in d[collection].values():
                for field in ("name", "title", "text", "comment"):
                    if field in record or (collection, field) in {("action_items", "comment"), ("pitches", "text")}:
                        record[field] = text
        d["sessions"]["s-1"]["place"] = text
        d["rounds"]["r-1"]["request"] = text

    ws = file_format.load(edited(change))
    assert ws.groups["g-1"].name == text and ws.entries["q-1"].text == text and ws.rounds["r-1"].request == text
    assert ws.action_items["a-1"].comment == text and ws.sessions["s-1"].place == text
    assert file_format.load(file_format.dump(ws)).entries["q-1"].text == text


def test_half_a_surrogate_pair_becomes_a_replacement_character():
    data = GOOD.replace("Depuis combien de temps ?".encode(), b"Coup\\ud83c de fil")
    ws = file_format.load(data)
    assert ws.entries["q-1"].text == "Coup\ufffd de fil"
    file_format.dump(ws).decode("utf-8")  # storable again
    assert file_format.load(GOOD.replace(b"Depuis", b"\\ud83d\\ude00 Depuis")).entries["q-1"].text.startswith("😀 Depuis")


def test_a_byte_order_mark_is_accepted():
    assert file_format.load(b"\xef\xbb\xbf" + GOOD).groups["g-1"].name == "Cadres santé"


def test_restore_drops_nothing_from_a_sound_file():
    ws = played()
    assert restore.restore(file_format.dump(ws)).model_dump(exclude={"local"}) == ws.model_dump(exclude={"local"})
