"""Put markup on the page and tell the outside world the app is ready.

assets/boot.js has painted a static shell and exposes `cercleBoot` (the language it chose
and the failure screen); index.html exposes `Idiomorph`, which patches the DOM in place so
that focus and caret survive a re-render.
"""

import js
from pyodide.ffi import to_js

ROOT_ID = "app"
_MORPH_OPTIONS = to_js({"morphStyle": "innerHTML"}, dict_converter=js.Object.fromEntries)


def language() -> str:
    """The language assets/boot.js picked from the browser ("fr" or "en")."""
    return str(js.cercleBoot.lang)


def render(markup: str) -> None:
    """Make the root element's content match `markup` (morphing, not replacing)."""
    js.Idiomorph.morph(js.document.getElementById(ROOT_ID), markup, _MORPH_OPTIONS)


def mark_ready() -> None:
    """<html data-app-state="ready">: tests and benchmarks wait for it."""
    js.document.documentElement.dataset.appState = "ready"
