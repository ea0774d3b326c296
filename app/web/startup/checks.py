"""pydantic, once the first screen is up: installed, the stored data read again with every check, then the gate opened.

The first screen paints without pydantic (app/frozen.py): installing pydantic-core and
importing pydantic took about a quarter of every start. Right after it (`after_ready`), this
module installs pydantic-core (assets/boot.js `installLater`), imports the engine's actions,
reads the stored data again with every check (app/web/storage.py `check`), then opens the
gate (`GATE`, app/startup/gate.py): what changed the workspace meanwhile runs, in order.
`<html data-checks="ready">` says it is done.

A screen that needs pydantic at once (a summary, app/views `NEED_PYDANTIC`), or stored data
that the unchecked reading does not take, waits for `load()` before the first screen.
If pydantic cannot load, the page shows the failure screen: nothing could be changed or
saved. If the stored data, read again, fails (its reading or the screen that shows it), the
recovery screen shows, as for a start that fails on it (app/web/startup/recovery.py).
"""

from __future__ import annotations

import sys
import traceback
from typing import Callable

import js

from app.startup.gate import Gate

GATE = Gate()  # the page's one gate: the listeners, storage and files wait on it


async def load() -> None:
    """pydantic-core installed (its wheel fetched now, hash-checked by Pyodide), then what
    the first action imports: pydantic and the engine's forty action models."""
    await js.cercleBoot.installLater()
    import app.actions  # noqa: F401


async def after_ready(app, then: Callable[[], None]) -> None:
    """Load, check the stored data, run what waited, then `then` (the idle warm-up)."""
    from app.web import storage
    from app.web.startup.boot import fail  # the start's own way out: the recovery screen when the data is at fault

    try:
        await load()
        storage.check(app)
    except Exception as error:
        detail = traceback.format_exc()
        print(detail, file=sys.stderr)
        fail(error, detail, late=True)
        return
    js.document.documentElement.setAttribute("data-checks", "ready")
    GATE.open()
    then()
