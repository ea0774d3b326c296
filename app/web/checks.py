"""pydantic, once the first screen is up.

The first screen paints without pydantic (app/frozen.py): installing pydantic-core and
importing pydantic took about a quarter of every start. Right after it (`after_ready`), this
module installs pydantic-core (assets/boot.js `installLater`), imports the engine's actions,
reads the stored data again with every check (app/web/storage.py `check`), then runs, in
order, what people did meanwhile: until then, whatever changes the workspace waits here
(`when_ready`): an action, typing in a field, a file dropped, another tab's save, a screen
built with pydantic. `<html data-checks="ready">` says it is done.

A screen that needs pydantic at once (a summary, app/views `NEED_PYDANTIC`), or stored data
that the unchecked reading does not take, waits for `load()` before the first screen.
If pydantic cannot load, the page shows the failure screen: nothing could be changed or
saved. If the stored data, read again, fails (its reading or the screen that shows it), the
recovery screen shows, as for a start that fails on it (app/web/recovery.py).
"""

from __future__ import annotations

import sys
import traceback
from typing import Callable

import js

_ready = False
_waiting: list[Callable[[], None]] = []


def ready() -> bool:
    return _ready


def when_ready(task: Callable[[], None]) -> None:
    """Run `task` now if pydantic is up, else as soon as it is (in the order asked)."""
    if _ready:
        task()
    else:
        _waiting.append(task)


async def load() -> None:
    """pydantic-core installed (its wheel fetched now, hash-checked by Pyodide), then what
    the first action imports: pydantic and the engine's forty action models."""
    await js.cercleBoot.installLater()
    import app.actions  # noqa: F401


async def after_ready(app, then: Callable[[], None]) -> None:
    """Load, check the stored data, run what waited, then `then` (the idle warm-up)."""
    global _ready
    from app.web import storage

    try:
        await load()
        storage.check(app)
    except Exception as error:
        detail = traceback.format_exc()
        print(detail, file=sys.stderr)
        from app.main import fail  # the start's own way out: the recovery screen when the data is at fault

        fail(error, detail, late=True)
        return
    _ready = True
    js.document.documentElement.setAttribute("data-checks", "ready")
    waiting = list(_waiting)
    _waiting.clear()
    for task in waiting:
        try:
            task()
        except Exception:  # one failed intent does not drop the ones after it
            traceback.print_exc()
    then()
