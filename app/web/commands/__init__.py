"""Shell-only effects: what a click does that is not a change of the workspace.

The contract (the other shell modules plug in here without touching this file):

- An element carries `data-command="<name>"` (plus any `data-*` payload; inside a form, the
  form's fields come too). The delegated listener in app/web/events.py calls the handler
  registered under that name with `(app, data, element)`:
    `app`     the running `app.web.app.App`: `app.ws` (the workspace), `app.dispatch(dict)`
              (apply a core action: saves and re-renders, shows a refusal), `app.navigate(
              route)`, `app.announce(key, **params)` / `app.refuse(key, **params)` (a
              translated message in the aria-live region), `app.render()`, `app.view()`;
    `data`    the payload, keys in snake_case (`data-round-id` -> `round_id`), values as
              strings (repeated or `name[]` fields as lists);
    `element` the DOM element that was activated (a `js` proxy).
- Register with the decorator, in a module of this package:

      from app.web.commands import command

      @command("export")
      def export(app, data, element): ...

- Every module of this package is imported by `load_all()` (pkgutil), so a new file
  (app/web/commands/transfer.py, app/web/commands/summaries.py...) is all it takes.
- A handler that raises `ActionError` shows its translated message like a refused action.
- Changes to the workspace still go through `app.dispatch` (core actions), so that undo,
  saving and the presentation window follow.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any, Callable

Handler = Callable[[Any, dict[str, Any], Any], None]
REGISTRY: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        if name in REGISTRY and REGISTRY[name] is not handler:
            raise ValueError(f"command {name!r} registered twice")
        REGISTRY[name] = handler
        return handler

    return register


def load_all() -> dict[str, Handler]:
    """Import every module of this package, so their commands register themselves."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return REGISTRY


def run(name: str, app: Any, data: dict[str, Any], element: Any = None) -> None:
    handler = REGISTRY.get(name)
    if handler is None:
        app.refuse("ui.error.unknown_command")
        return
    handler(app, data, element)
