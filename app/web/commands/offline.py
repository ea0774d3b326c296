"""Reloading into the new version of Cercle that the browser holds (app/views/offline.py)."""

from __future__ import annotations

import js

from app.views.offline import round_running
from app.web.commands import command


@command("reload-update")
def reload_update(app, data, element) -> None:
    """The service worker of the new build takes over, then the page reloads (assets/offline.mjs);
    never during a round, whose button is disabled."""
    if not round_running(app.ws):
        js.cercleBoot.applyUpdate()
