"""Commands that move between screens and windows."""

from __future__ import annotations

import js

from app.views.routes import Route
from app.web.commands import command


@command("go")
def go(app, data, element) -> None:
    """`data-command="go" data-screen="group" data-id="..."`: open that screen; the focus goes
    to the element `data-focus` names, if any (else to the screen's title)."""
    params = tuple((k, str(v)) for k, v in data.items() if k != "screen" and v)
    focus = str(element.getAttribute("data-focus")) if element.hasAttribute("data-focus") else ""
    app.navigate(Route(str(data.get("screen", "home")), params), focus=focus)


@command("present")
def present(app, data, element) -> None:
    """Open the presentation window: the room's view, following this window live."""
    url = str(js.location.pathname) + str(js.location.search) + Route("presentation").href
    opened = js.window.open(url, "cercle-presentation", "popup")
    if not opened:
        app.refuse("ui.presentation.blocked")
