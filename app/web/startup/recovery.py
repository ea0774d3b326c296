"""When Cercle cannot start on what this browser stores: the recovery screen
(app/views/recovery.py) instead of the failure screen, so that nobody is left with a dead
page and no way to their data.

It offers, without the app (which did not start): everything stored under `cercle.*`,
downloaded as it is stored (a JSON object of the stored items: for safekeeping, or for
someone who can help); then a start with an empty Cercle, everything stored set aside
under `cercle.aside.*` (nothing is deleted; the transfer screen lists what was set aside).
"""

from __future__ import annotations

import json

import js
from pyodide.ffi import JsException, create_proxy

from app.i18n import DEFAULT_LANGUAGE, pick_language, translator
from app.model import Workspace
from app.views import recovery as screen
from app.views.context import View
from app.views.routes import Route
from app.web import files, shell, storage

# Failures of the page or of loading (a package that did not download, storage switched
# off): no data of the person's made them, and setting data aside would not help.
NOT_THE_DATA = (ImportError, OSError, MemoryError, RecursionError, JsException)
_handlers: list = []  # the buttons' listeners, kept alive while the screen shows


def offered(error: BaseException) -> bool:
    """Whether the recovery screen is what to show for `error`, raised while starting: not
    a failure of the page, and there is stored data that an empty start would set aside."""
    try:
        return not isinstance(error, NOT_THE_DATA) and any(map(storage.read_at_start, storage.stored_items()))
    except Exception:  # storage unreadable: the failure screen says what happened
        return False


def _language() -> str:
    try:
        return pick_language("", shell.browser_languages())
    except Exception:  # what the start failed on may be this as well
        return DEFAULT_LANGUAGE


def show(detail: str) -> None:
    stored = storage.stored_items()
    lang = _language()

    def paint(notice: str = "") -> None:
        view = View(ws=Workspace(), route=Route("recovery"), lang=lang, notice=notice, today=shell.today())
        shell.paint(screen.render(view, items=len(stored), detail=detail), lang)

    def download(event) -> None:
        name = f"cercle-stored-{shell.today()}.json"
        files.download(name, json.dumps(stored, ensure_ascii=False, indent=1).encode())
        paint(translator(lang)("restore.recovery.downloaded", name=name))

    def start_empty(event) -> None:
        storage.set_everything_aside()
        js.location.reload()

    paint()
    for element_id, handler in ((screen.DOWNLOAD_ID, download), (screen.START_EMPTY_ID, start_empty)):
        proxy = create_proxy(handler)
        _handlers.append(proxy)
        js.document.getElementById(element_id).addEventListener("click", proxy)
    js.document.documentElement.dataset.appState = "error"  # it did not start: tests and boot.js read this
    shell.focus_title()
