"""The delegated listeners: one per kind of event, on the root (keys: on the document).

A click on `[data-action]`/`[data-command]`, a form's submission, typing in a
`[data-draft]` field, a key that a visible button declares in `aria-keyshortcuts`. No
element is ever wired by itself, so a re-render never loses a listener. Once installed,
the path a click takes is rehearsed in idle time once the first screen is up
(app/startup/warmup.py). Until pydantic is up, what they would change waits at the gate
(app/startup/gate.py).
"""

from __future__ import annotations

import js
from pyodide.ffi import create_proxy, jsnull

from app.startup import gate
from app.views.routes import Route
from app.web import commands, effects, intents, shell
from app.web.startup.checks import GATE

RENDERING_TYPES = frozenset({"radio", "checkbox", "select-one", "number"})  # the screen may depend on them
NATIVE_SPACE = "button, a[href], summary, input, textarea, select, [contenteditable]"
TYPING = "input, textarea, select, [contenteditable]"
SAVED = "closing.saved"  # what a form's accepted save announces, unless it says (data-saved)

_proxies: list = []  # kept alive for the page's lifetime


def _listen(target, kind: str, handler) -> None:
    proxy = create_proxy(handler)
    _proxies.append(proxy)
    target.addEventListener(kind, proxy)


def install(app) -> None:
    root = shell.root()
    _listen(root, "click", lambda event: _on_click(app, event))
    _listen(root, "submit", lambda event: _on_submit(app, event))
    _listen(root, "input", lambda event: _on_input(app, event))
    _listen(js.document, "keydown", lambda event: _on_key(app, event))
    _listen(js.window, "popstate", lambda event: _on_location(app))
    _listen(js.window, "hashchange", lambda event: _on_location(app))


def _attr(element, name: str) -> str:
    """An attribute's value, "" when absent (a missing dataset key is an error in Pyodide)."""
    return str(element.getAttribute(name)) if element.hasAttribute(name) else ""


def _missing(value) -> bool:
    """JavaScript's null arrives as `jsnull`, not None."""
    return value is None or value is jsnull


def _dataset(element) -> dict[str, str]:
    return {str(k): str(v) for k, v in js.Object.entries(element.dataset)}


def _fields(form) -> list[tuple[str, str, str]]:
    found = []
    for element in form.elements:
        name, kind = str(element.name or ""), str(element.type or "")
        if not name or element.disabled or (kind in ("checkbox", "radio") and not element.checked):
            continue
        found.append((name, str(element.value), kind))
    return found


def _perform(app, element, form=None) -> None:
    """Read the intent now; act on it once pydantic is up (at once, but for the first
    moments after the first screen: app/startup/gate.py)."""
    data = intents.payload(_dataset(element), _fields(form) if form is not None else ())
    action, command = _attr(element, "data-action"), _attr(element, "data-command")
    sent = _sent_drafts(form) if action and form is not None else ()
    go = _attr(element, "data-go")
    saved = (_attr(form, "data-saved") or SAVED) if form is not None else ""

    def act() -> None:
        with app.refusing():
            if action:
                with shell.sending(form):
                    app.dispatch({"type": action, **data}, go=go, sent=sent, saved=saved)
            elif command:
                commands.run(command, app, data, element)

    if GATE.is_open:
        act()
        return
    # Waiting for pydantic: the same intent again adds nothing (`Gate.hold`). The control
    # says it waits (aria-busy: dimmed, a busy cursor), and a form takes no more input,
    # until the next render.
    busy = form if form is not None else element

    def act_then_free() -> None:
        busy.removeAttribute("aria-busy")
        if form is not None:
            form.inert = False
        act()

    if not GATE.hold(gate.intent(action, command, data), act_then_free):
        return
    busy.setAttribute("aria-busy", "true")
    if form is not None:
        form.inert = True


def _sent_drafts(form) -> tuple[str, ...]:
    """The drafts a sent form consumed (its texts; a chosen author stays for the next one)."""
    return tuple(_attr(e, "data-draft") for e in form.querySelectorAll("[data-draft]") if str(e.type) != "select-one")


def _on_click(app, event) -> None:
    effects.unlock_audio()
    element = event.target.closest("[data-action], [data-command]")
    # `:disabled` rather than `.disabled`: a link that carries a command (the protocol
    # editor's "Modifier", app/views/protocols.py) has no such property.
    if _missing(element) or str(element.tagName) == "FORM" or element.matches(":disabled"):
        return
    event.preventDefault()
    _perform(app, element)


def _on_submit(app, event) -> None:
    form = event.target
    event.preventDefault()
    if _attr(form, "data-action") or _attr(form, "data-command"):
        _perform(app, form, form)


def _on_input(app, event) -> None:
    element = event.target
    key = _attr(element, "data-draft")
    if not key:
        return
    text, rendering = str(element.value), str(element.type) in RENDERING_TYPES

    def keep() -> None:
        app.set_draft(key, text)
        if rendering:
            app.render()

    GATE.when_open(keep)


def _combo(event) -> str:
    key = str(event.key)
    key = "Space" if key == " " else key.upper() if len(key) == 1 else key
    mods = [name for name, on in (("Control", event.ctrlKey), ("Meta", event.metaKey), ("Alt", event.altKey), ("Shift", event.shiftKey)) if on]
    return "+".join(mods + [key])


def _on_key(app, event) -> None:
    if event.defaultPrevented or event.isComposing or app.presentation:
        return
    target = event.target
    combo = _combo(event)
    if combo in ("Control+Enter", "Meta+Enter") and str(target.tagName) == "TEXTAREA" and not _missing(target.form):
        event.preventDefault()
        target.form.requestSubmit()
        return
    if not hasattr(target, "closest"):
        target = js.document.body
    form = target.closest("form")
    if combo == "Escape" and not _missing(form):
        cancel = form.querySelector('[aria-keyshortcuts~="Escape"]')  # a form that Escape closes says so
        if not _missing(cancel):
            event.preventDefault()
            cancel.click()
        return
    if not _missing(target.closest(TYPING)):
        return  # no shortcut while typing in a field
    if combo == "Space" and not _missing(target.closest(NATIVE_SPACE)) and target.matches(":focus-visible"):
        return  # Space activates the focused control, as everywhere
    button = shell.root().querySelector(f'[aria-keyshortcuts~="{combo}"]:not([disabled])')
    if not _missing(button):
        event.preventDefault()
        button.click()


def _on_location(app) -> None:
    route = Route.parse(shell.hash_())
    if gate.needed_for(route) and not GATE.is_open:
        GATE.when_open(lambda: _on_location(app))  # then shows wherever the URL is by then
        return
    if route != app.ui.route:
        app.arrived(route)
        shell.focus_title()
