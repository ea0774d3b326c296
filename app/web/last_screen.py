"""The screen as it stands, kept for the next start: assets/last-screen.js paints it, read-only,
before Python is up, and the app's first render then morphs the same nodes.

What is kept is the app's own render of its root (app/markup.py escaped every text in it),
with the build that rendered it (the painter skips another build's), the address it
stands at (painted only there), its language, and the "starting" line in that language.
It holds nothing that the stored workspace does not (the screens are drawn from it), in the
same origin's localStorage. It is the first thing to go when storage is full: app/web/storage.py
drops it before refusing a write of the data (`drop`), and this page then keeps no screen
again. The presentation window and a shared summary keep none (app/main.py).
"""

from __future__ import annotations

import json

import js
from pyodide.ffi import create_once_callable

from app.i18n import translator
from app.markup import Markup
from app.web import storage

LIMIT = 300_000  # characters: a screen bigger than that (a very long history) is not kept

_latest: tuple[Markup, str] | None = None  # the last render, written once the render is done
_written = ""
_given_way = False  # dropped to make room for the data: not written again by this page


def painter():
    """The painter's globals (the key, the build's id), None without it."""
    try:
        return js.window.cercleLastScreen
    except AttributeError:
        return None


def keep(markup: Markup, lang: str) -> None:
    """After a render: kept once the browser is done with the render's task."""
    global _latest
    if _latest is None and not _given_way:
        js.setTimeout(create_once_callable(_write), 0)
    _latest = (markup, lang)


def _write() -> None:
    global _latest, _written
    found, (markup, lang) = painter(), _latest
    _latest = None
    if found is None or _given_way:
        return
    record = {"build": str(found.build), "hash": str(js.location.hash), "lang": lang,
              "waiting": translator(lang)("paint.starting"), "html": str(markup)}
    value = json.dumps(record, ensure_ascii=False)
    if value == _written:
        return
    if len(value) <= LIMIT and storage.put(str(found.key), value):
        _written = value
    else:  # too big, storage full or switched off: no screen rather than an older one
        _forget(found)


def _forget(found) -> bool:
    global _written
    _written = ""
    try:
        had = bool(js.localStorage.getItem(str(found.key)))  # null or the record
        storage.remove(str(found.key))
    except Exception:  # storage switched off
        return False
    return had


def drop() -> bool:
    """Storage refused a write of the data: give its room, for good. True if there was a
    screen to drop (the write is worth trying again)."""
    global _given_way
    _given_way = True
    found = painter()
    return found is not None and _forget(found)
