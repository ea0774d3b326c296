"""Stored data set aside (app/salvage.py): why it could not be read, and a Cercle file of
what it still holds, which the import accepts."""

from __future__ import annotations

import base64
import zlib

from app import salvage
from app.sync import file_format, shards
from app.model import COLLECTIONS
from app.views.context import BrowserState, Storage, View
from app.views.routes import Route
from app.views.home import render
from support.room import Room


def _session_shard():
    room = Room()
    room.group()
    sid = room.session()
    room.do({"type": "start_round", "session_id": sid, "id": "r-1", "carrier_id": "m-0"})
    for i in range(40):
        room.do({"type": "add_entry", "id": f"e-{i}", "session_id": sid, "round_id": "r-1", "kind": "question", "text": f"Question {i} 🙂"})
    key = shards.SESSION + sid
    return room.ws, key, shards.items(room.ws)[key]


def _encoded(data: bytes) -> str:
    return base64.b64encode(zlib.compress(data)).decode()


def test_a_cut_shard_gives_back_the_records_before_the_cut_as_a_file_the_import_accepts():
    ws, key, value = _session_shard()
    cut = value[: len(value) * 9 // 10]
    found = salvage.salvage(key, cut)
    assert found.reason == "storage.why.damaged"  # the zlib stream itself is cut
    back = file_format.load(found.file)
    assert back.sessions == ws.sessions  # the session comes first in the file: whole
    assert 0 < len(back.entries) < len(ws.entries)
    assert all(back.entries[i] == ws.entries[i] for i in back.entries)  # what is kept is intact


def test_a_record_the_checks_refuse_is_left_out_and_the_rest_kept():
    ws, key, value = _session_shard()
    data = file_format.dump(ws.model_copy(update={name: {} for name in ("groups", "members")})).decode()
    data = data.replace('"text":"Question 3 🙂"', '"text":7')
    found = salvage.salvage(key, _encoded(data.encode()))
    assert found.reason == "storage.why.invalid"
    back = file_format.load(found.file)
    assert set(back.entries) == set(ws.entries) - {"e-3"}
    assert found.kept == sum(len(back.collection(name)) for name in COLLECTIONS)


def test_a_json_text_cut_short_keeps_every_whole_record():
    ws, key, _ = _session_shard()
    data = file_format.dump(ws.model_copy(update={name: {} for name in ("groups", "members")}))
    found = salvage.salvage(key, _encoded(data[: len(data) - 60]))
    assert found.reason == "storage.why.truncated"
    back = file_format.load(found.file)
    assert len(back.entries) == len(ws.entries) - 1 and back.sessions == ws.sessions


def test_nothing_readable_gives_no_file_and_says_why():
    assert salvage.salvage("cercle.s.x", "ceci n’est pas une séance enregistrée") == salvage.Salvage("storage.why.damaged", None, 0)
    newer = _encoded(b'{"format": "cercle", "version": 9}')
    assert salvage.salvage("cercle.s.x", newer).reason == "storage.why.newer"
    assert salvage.salvage(shards.LOCAL, '{"drafts": []}') == salvage.Salvage("storage.why.damaged", None, 0)
    ws, key, value = _session_shard()
    assert salvage.reason(key, value) == ""  # readable after all


def _home(ws, browser=BrowserState(), lang="fr") -> str:
    return str(render(View(ws=ws, route=Route(), lang=lang, browser=browser)))


def test_the_home_screen_says_what_was_set_aside_and_why():
    ws, key, _ = _session_shard()
    assert "n’ont pas pu être lues" not in _home(ws)
    aside = "cercle.aside.s.s-9.1780000000000"
    storage = Storage(set_aside=(aside, "cercle.aside.local.1780000000001"), reasons=((aside, "storage.why.truncated"),))
    for home in (_home(ws, BrowserState(storage)), _home(Room().ws, BrowserState(storage))):  # with groups, or none left
        assert "Des données enregistrées dans ce navigateur n’ont pas pu être lues" in home
        assert "Une séance (s-9) : ses données s’arrêtent avant leur fin." in home
        assert "Les brouillons et réglages de cet appareil" in home
        assert 'href="#/transfer"' in home
    assert "A session (s-9): its data stops before its end." in _home(ws, BrowserState(storage), "en")


def test_sessions_whose_group_was_lost_show_under_unreadable_group_with_their_content():
    ws, key, _ = _session_shard()
    ws = ws.model_copy(update={"entries": {**ws.entries, "e-0": ws.entries["e-0"].model_copy(update={"text": "<b>pas du HTML</b>"})}})
    assert "Groupe illisible" not in _home(ws)
    lost = ws.model_copy(update={"groups": {}, "members": {}})
    home = _home(lost)
    assert "Groupe illisible" in home and "1er décembre 2026" in home and "Tour 1" in home
    assert "Question : " in home and "Question 39 🙂" in home and "&lt;b&gt;pas du HTML&lt;/b&gt;" in home
    assert "Unreadable group" in _home(lost, lang="en")
