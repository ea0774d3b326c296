"""The pydantic gate: what changes the workspace waits here from the first screen until pydantic is up, then runs in the order it came.

The first screen paints before pydantic loads (app/frozen.py); the browser's half
(app/web/startup/checks.py) loads it, checks the stored data again, and opens the gate.
Until then an action, typing in a field, a file dropped, another tab's save or a screen
built with pydantic wait (`when_open`), and the same click or form sent twice waits once
(`hold`): answered at once, it would not have been sent twice.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable, Hashable

from app.views import NEED_PYDANTIC
from app.views.routes import Route

Task = Callable[[], None]


def needed_for(route: Route) -> bool:
    """Whether the screen at `route` is built from pydantic models (the summaries, a shared
    one included): it waits for the gate, even as the first screen."""
    return route.screen in NEED_PYDANTIC


def intent(action: str, command: str, data: dict[str, Any]) -> Hashable:
    """What makes two clicks or two sendings the same intent: the same action or command
    with the same payload (the same control, or the same form with the same fields, even
    after leaving the screen and coming back)."""
    return (action, command, repr(sorted(data.items())))


class Gate:
    """Closed until pydantic is up (`open`); the tasks that came meanwhile, in order."""

    def __init__(self) -> None:
        self.is_open = False
        self._waiting: list[Task] = []
        self._held: set[Hashable] = set()

    def when_open(self, task: Task) -> None:
        """Run `task` now if the gate is open, else once it opens (in the order asked)."""
        if self.is_open:
            task()
        else:
            self._waiting.append(task)

    def hold(self, intent: Hashable, task: Task) -> bool:
        """Keep `task` for when the gate opens, unless the same intent already waits: False
        then, and nothing is added (a form sent twice would make two records)."""
        if intent in self._held:
            return False
        self._held.add(intent)

        def release() -> None:
            self._held.discard(intent)
            task()

        self.when_open(release)
        return True

    def open(self) -> None:
        """pydantic is up: run what waited, in order; one task that fails is reported (the
        page's console) and does not drop the ones after it."""
        self.is_open = True
        waiting, self._waiting = self._waiting, []
        for task in waiting:
            try:
                task()
            except Exception:
                traceback.print_exc()
