"""Views: pure functions from state to markup. No `js`, no `pyscript` here.

The contract every screen follows (other engineers add screens without touching the shell):

- One module per screen in this package, exposing `render(view: View) -> Markup`, built with
  `app.markup.h` only (user text escaped by construction). `View` (app/views/context.py)
  carries the workspace, the route (screen name + params such as `id`), the language and
  its translator `view._`, the time `now` (epoch ms), the message to announce, dates.
- `SCREENS` maps a screen name (the URL hash `#/<screen>?id=...`) to its module name; a
  module that does not exist yet renders a clear placeholder instead of breaking the app.
  Reserved: "summaries", "history", "shared-summary" (the summaries engineer), "transfer"
  (export, import, settings, storage: the sync engineer).
- Intents in markup: an element with `data-action="<core action type>"` and `data-*` payload
  (`data-round-id` -> `round_id`; a form's fields come too) is applied as a core action by
  the shell (app/web/app.py), which saves and renders again; `data-go="<screen>"` opens
  that screen with the new record's id afterwards. `data-command="<name>"` runs a shell
  command instead (app/web/commands/). `data-draft="<key>"` on a field keeps its text as a
  draft while typing. `aria-keyshortcuts` on a button makes the shell click it on that key.
  Helpers for all of this are in app/views/parts.py (`page`, `button`, `form`, fields).
"""

from __future__ import annotations

import importlib

from app.markup import Markup
from app.views.context import View

SCREENS = {
    "home": "home",
    "group": "group",
    "setup": "setup",
    "protocols": "protocols",
    "session": "session",
    "presentation": "presentation",
    "summaries": "summaries",
    "history": "history",
    "shared-summary": "shared_summary",
    "transfer": "transfer",
}

# Screens built from pydantic models (the summaries, app/summary/summaries.py): the shell loads pydantic
# before it shows them (app/web/startup/checks.py). Every other screen renders without it, which is
# what lets the first screen paint before pydantic loads (tests/test_startup_imports.py).
NEED_PYDANTIC = frozenset({"summaries", "shared-summary"})


def render(view: View) -> Markup:
    from app.views.parts import placeholder

    module_name = SCREENS.get(view.route.screen)
    if module_name is None:
        return placeholder(view, view.route.screen)
    try:
        module = importlib.import_module(f"app.views.{module_name}")
    except ModuleNotFoundError as missing:
        if missing.name != f"app.views.{module_name}":
            raise
        return placeholder(view, view.route.screen)
    return module.render(view)
