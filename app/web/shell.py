"""The page itself: paint markup, the URL hash, the time, the browser's languages and numbers.

assets/boot.js has painted a static shell and exposes `cercleBoot` (the language it chose
and the failure screen); index.html exposes `Idiomorph`, which patches the DOM in place so
that focus and caret survive a re-render.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from typing import Any, Iterator

import js
from pyodide.ffi import create_once_callable, jsnull, to_js

from app.markup import Markup

ROOT_ID = "app"


def root():
    return js.document.getElementById(ROOT_ID)


def paint(markup: Markup, lang: str) -> None:
    """Make the root element's content match `markup` (morphing, not replacing)."""
    paint_into(root(), markup)
    html = js.document.documentElement
    if html.lang != lang:
        html.lang = lang


def paint_into(element, markup: Markup) -> None:
    """Make an element's content match `markup`: the app's root, or an element outside it
    (a dialog). Always through the morph (index.html: Idiomorph, keeping the typed field's
    value), never `innerHTML`."""
    js.cercleMorph(element, markup)


@contextmanager
def sending(form) -> Iterator[None]:
    """While the app answers a sent form (`form` None: a button), the form's fields show
    whatever the screen renders, even the one the caret is in (index.html's morph keeps a
    focused field's text otherwise): the saved value where the form edits a record,
    nothing where it adds one. Emptying the fields by hand instead blanked the edited
    values until a reload."""
    if form is None:
        yield
        return
    form.cercleSent = True
    try:
        yield
    finally:
        form.cercleSent = False


def mark_ready() -> None:
    """<html data-app-state="ready">: tests and benchmarks wait for it."""
    js.document.documentElement.dataset.appState = "ready"


def when_idle(phases: Iterator[Any]) -> None:
    """Run `phases` (a generator) one phase at a time, each when the browser is idle, so
    that a click in between is answered first (soon after, without requestIdleCallback)."""

    def run(*_: Any) -> None:
        if next(phases, StopIteration) is not StopIteration:
            when_idle(phases)

    callback = create_once_callable(run)
    if hasattr(js.window, "requestIdleCallback"):
        js.window.requestIdleCallback(callback, to_js({"timeout": 2000}, dict_converter=js.Object.fromEntries))
    else:
        js.setTimeout(callback, 50)


def now() -> int:
    return int(js.Date.now())


def today() -> str:
    local = js.Date.new()
    return date(int(local.getFullYear()), int(local.getMonth()) + 1, int(local.getDate())).isoformat()


def hash_() -> str:
    return str(js.location.hash)


def set_hash(href: str) -> None:
    if str(js.location.hash) != href:
        js.history.pushState(None, "", href)


def browser_languages() -> tuple[str, ...]:
    return tuple(str(tag) for tag in js.navigator.languages) or (str(js.navigator.language),)


def focus_title(ident: str = "") -> None:
    """After a change of screen, put the focus on its title, so a screen reader says where it
    is; or on the element `ident` (a form just opened, the button that opened it). A text
    field takes the caret at the end of its text, ready to fix it."""
    element = js.document.getElementById(ident or "screen-title")
    if element is None or element is jsnull:
        return
    element.focus(to_js({"preventScroll": False}, dict_converter=js.Object.fromEntries))
    if str(element.tagName) in ("TEXTAREA", "INPUT") and str(element.type) in ("text", "textarea"):
        end = len(str(element.value))
        element.setSelectionRange(end, end)


def local_time(epoch_ms: int) -> tuple[int, int]:
    """The hour and minute of an instant on this device's clock (a break's end)."""
    moment = js.Date.new(epoch_ms)
    return int(moment.getHours()), int(moment.getMinutes())


@lru_cache(maxsize=4)
def _number_format(lang: str):
    return js.Intl.NumberFormat.new(lang, to_js({"maximumFractionDigits": 1}, dict_converter=js.Object.fromEntries))


def format_number(value: float, lang: str) -> str:
    return str(_number_format(lang).format(value))
