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

- Name the command's module in `MODULES` below: `run()` imports a module the first time
  one of its commands is used, so that painting the first screen does not wait for them
  (summaries pulls in the summary engine); the idle warm-up imports them once the first
  screen is up (`first_click_modules`). tests/test_startup_imports.py checks that `MODULES` names every command.
- A handler that raises a Refusal (`ActionError`, `FileFormatError`: app/refusal.py) shows
  its translated message like a refused action (`App.refusing`).
- Changes to the workspace still go through `app.dispatch` (core actions), so that undo,
  saving and the presentation window follow.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

Handler = Callable[[Any, dict[str, Any], Any], None]
REGISTRY: dict[str, Handler] = {}

# Command name -> the module of this package that registers it.
MODULES = {
    "edit": "editing",
    "save-edit": "editing",
    "go": "navigation",
    "present": "navigation",
    "summary-download": "summaries",
    "summary-zip": "summaries",
    "summary-ics": "summaries",
    "summary-print": "summaries",
    "shared-download": "summaries",
    "summary-qr": "summaries",
    "export": "transfer",
    "import-unlock": "transfer",
    "import-merge": "transfer",
    "import-cancel": "transfer",
    "delete-group": "transfer",
    "aside-download": "transfer",
    "aside-delete": "transfer",
    "close-ask": "closing",
    "close-cancel": "closing",
    "close-session": "closing",
    "reopen-session": "closing",
    "reload-update": "offline",
    "protocol-export": "protocols",
}


def first_click_modules() -> list[str]:
    """What the idle warm-up imports (app/startup/warmup.py): the engine's actions, then
    each command's module."""
    return ["app.actions", *dict.fromkeys(f"{__name__}.{name}" for name in MODULES.values())]


def command(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        if name in REGISTRY and REGISTRY[name] is not handler:
            raise ValueError(f"command {name!r} registered twice")
        REGISTRY[name] = handler
        return handler

    return register


def run(name: str, app: Any, data: dict[str, Any], element: Any = None) -> None:
    if name not in REGISTRY and name in MODULES:
        importlib.import_module(f"{__name__}.{MODULES[name]}")
    handler = REGISTRY.get(name)
    if handler is None:
        app.refuse("ui.error.unknown_command")
        return
    handler(app, data, element)
