"""A new version of Cercle is ready (assets/offline.mjs: the event "cercle:update"): every
screen offers to reload (app/views/offline.py)."""

from __future__ import annotations


import js
from pyodide.ffi import create_proxy


def install(app) -> None:
    def on_update(event) -> None:
        app.tell(update_ready=True)
        app.render()

    js.window.addEventListener("cercle:update", create_proxy(on_update))
