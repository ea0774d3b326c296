"""Pieces every screen uses: the page frame, buttons that carry intents, fields whose text is
a draft, timers. All markup goes through `app.markup.h`, so user text is always escaped."""

from __future__ import annotations

import re
from typing import Any

from app import timers
from app.dates import TYPED_PATTERN, typed
from app.frozen import dumps
from app.markup import Child, Markup, fragment, h
from app.model import Session, Timer
from app.views.context import View
from app.views.routes import Route, route


def page(view: View, title: str, *content: Child, wide: bool = False, crumbs: Child = None) -> Markup:
    """The frame of a screen: the bar (home, crumbs, preferences), the announcements, the content."""
    _ = view._
    local = view.ws.local
    classes = ["screen", "wide" if wide else "", "projector" if local.projector else ""]
    return h(
        "div",
        {"class": " ".join(c for c in classes if c), "data-screen": view.route.screen},
        h(
            "header",
            {"class": "bar"},
            h("nav", {"class": "crumbs", "aria-label": _("ui.nav.where")}, link(Route(), _("ui.app.name"), "brand"), crumbs),
            h("div", {"class": "prefs", "role": "group", "aria-label": _("ui.prefs.label")}, _preferences(view)),
        ),
        h("p", {"class": "notice", "role": "status", "aria-live": "polite"}, view.notice, _undo_deletion(view)),
        h("p", {"class": "error", "role": "alert"}, view.error),
        _save_failed(view),
        _update_offer(view),
        h("h1", {"class": "title", "id": "screen-title", "tabindex": "-1"}, title),
        *content,
    )


UNDO_DELETION = "undo-deletion"  # the id of the notice's undo button, focused after a deletion


def _undo_deletion(view: View) -> Markup | None:
    if not (view.notice and view.undo_offered):
        return None
    return fragment(" ", button(view._("ui.undo"), "undo", ident=UNDO_DELETION, cls="quiet", aria_label=view._("screen.undo_deletion")))


def _save_failed(view: View) -> Markup | None:
    from app.views.transfer import banner  # transfer builds on these parts

    return banner(view)


def _update_offer(view: View) -> Markup | None:
    if not view.browser.update_ready:  # its module only when there is something to offer
        return None
    from app.views.offline import update_offer

    return update_offer(view)


def _preferences(view: View) -> Markup:
    _ = view._
    local = view.ws.local
    other = "en" if view.lang == "fr" else "fr"
    return fragment(
        button(_("ui.undo"), "undo", keys="Control+Z Meta+Z", disabled=not local.undo, cls="quiet"),
        button(_("ui.redo"), "redo", keys="Control+Shift+Z Meta+Shift+Z", disabled=not local.redo, cls="quiet"),
        button(_("ui.prefs.present"), command="present", cls="quiet"),
        toggle(_("ui.prefs.projector"), "set_preferences", local.projector, projector=str(not local.projector).lower()),
        toggle(_("ui.prefs.chime"), "set_preferences", not local.muted, muted=str(not local.muted).lower()),
        h(
            "button",
            {
                "type": "button",
                "class": "quiet",
                "data-action": "set_preferences",
                "data-language": other,
                "lang": other,
                "aria-label": _("ui.prefs.language_to"),
            },
            _("ui.prefs.language_name"),
        ),
    )


def panel(anchor: str, title: Child, *content: Child) -> Markup:
    """A titled section of a screen, named for screen readers by its heading."""
    return h("section", {"class": "panel", "aria-labelledby": anchor}, h("h2", {"id": anchor}, title), *content)


def link(to: Route, label: Child, cls: str = "", **attrs: Any) -> Markup:
    return h("a", {"href": to.href, "class": cls or None, **attrs}, label)


def short(text: str, size: int = 40) -> str:
    """The start of a text, to name a control after it ("Edit “Rencontre chaque…”")."""
    return text if len(text) <= size else text[:size].rstrip() + "…"


def crumb(view: View, screen: str, label: str, **params: str) -> Markup:
    return fragment(h("span", {"aria-hidden": "true", "class": "sep"}, "›"), link(route(screen, **params), label))


def _data(payload: dict[str, Any]) -> dict[str, Any]:
    """`round_id=...` -> `data-round-id`; `aria_current=...` stays an ARIA attribute."""
    return {(k if k.startswith("aria_") else f"data-{k}").replace("_", "-"): v for k, v in payload.items() if v is not None}


def button(label: Child, action: str = "", *, command: str = "", keys: str = "", cls: str = "", disabled: bool = False, go: str = "", ident: str = "", **payload: Any) -> Markup:
    """A button that carries an intent: a core action (`data-action`) or a shell command.
    `ident` is its element id (where the focus comes back to)."""
    attrs = {
        "type": "button",
        "id": ident or None,
        "class": cls or None,
        "data-action": action or None,
        "data-command": command or None,
        "data-go": go or None,
        "aria-keyshortcuts": keys or None,
        "disabled": disabled,
        **_data(payload),
    }
    return h("button", attrs, label)


def classes(*names: str, **optional: bool) -> str:
    """A class attribute: `classes("entry", chosen=True, off=False)` -> "entry chosen"."""
    return " ".join([*names, *(name for name, on in optional.items() if on)])


def toggle(label: str, action: str, pressed: bool, **payload: Any) -> Markup:
    attrs = {"type": "button", "class": "quiet", "data-action": action, "aria-pressed": str(pressed).lower(), **_data(payload)}
    return h("button", attrs, label)


def switch(view: View, label: str, action: str, on: bool, *, hint: str = "", **payload: Any) -> Markup:
    """A setting that is on or off: a switch whose label says what turning it on does, and
    whose state shows in words beside the drawn switch (not by colour alone). `hint` is the
    id of the text that explains it. The state word is left out of the name: screen readers
    say the state themselves (aria-checked)."""
    attrs = {"type": "button", "class": "switch", "role": "switch", "data-action": action, "aria-checked": str(on).lower(), "aria-describedby": hint or None, **_data(payload)}
    return h(
        "button",
        attrs,
        h("span", {"class": "switch-track", "aria-hidden": "true"}),
        h("span", {"class": "switch-label"}, label),
        h("span", {"class": "switch-state", "aria-hidden": "true"}, view._("screen.switch.on" if on else "screen.switch.off")),
    )


def form(action: str, *children: Child, cls: str = "", go: str = "", label: str = "", command: str = "", **payload: Any) -> Markup:
    """A form whose submission is a core action; its fields (and `payload`) are the action's
    data. With `command`, the submission runs that shell command instead."""
    attrs = {
        "class": cls or None,
        "data-action": None if command else action,
        "data-command": command or None,
        "data-go": go or None,
        "aria-label": label or None,
        **_data(payload),
    }
    return h("form", attrs, *children)


def check_box(label: str, name: str, on: bool) -> Markup:
    """A checkbox that sends false when unchecked (the hidden field comes first; a checked box overrides it)."""
    return h("label", {"class": "check"}, h("input", {"type": "hidden", "name": name, "value": "false"}),
             h("input", {"type": "checkbox", "name": name, "value": "true", "checked": on}), " ", label)


def submit(label: str, cls: str = "primary") -> Markup:
    return h("button", {"type": "submit", "class": cls}, label)


_NOT_ALNUM = re.compile(r"[\W_]")  # what str.isalnum() refuses: a word character is alphanumeric or _


def field_id(name: str, scope: str) -> str:
    return "f-" + _NOT_ALNUM.sub("-", f"{scope}-{name}")


def text_field(view: View, label: str, name: str, scope: str, *, multiline: bool = False, required: bool = False, value: str = "", hint: str = "", kind: str = "text", cls: str = "") -> Markup:
    """A labelled text field whose content is a draft (kept while typing, across reloads)."""
    key = f"{scope}:{name}"
    ident = field_id(name, scope)
    extra: dict[str, Any] = {}
    if kind == "date":
        # Typed in the app's format (app/dates.py): the browser's date picker writes and
        # reads dates in the browser's language, whatever the app's.
        value, kind = typed(value), "text"
        hint = " ".join(filter(None, (hint, view._("screen.date.format"))))
        extra = {"inputmode": "numeric", "pattern": TYPED_PATTERN, "title": view._("screen.date.format"), "placeholder": view._("screen.date.placeholder"), "class": "date"}
    current = view.draft(key, value)
    attrs = {"id": ident, "name": name, "data-draft": key, "required": required, "aria-describedby": f"{ident}-hint" if hint else None}
    if multiline:
        control = h("textarea", {**attrs, "rows": 3}, current)
    else:
        control = h("input", {**attrs, "type": kind, "value": current, "autocomplete": "off", **extra})
    return h(
        "div",
        {"class": f"field {cls}".strip()},
        h("label", {"for": ident}, label),
        control,
        h("p", {"class": "hint", "id": f"{ident}-hint"}, hint) if hint else None,
    )


def select_field(view: View, label: str, name: str, scope: str, options: list[tuple[str, str]], *, value: str = "", cls: str = "") -> Markup:
    key = f"{scope}:{name}"
    ident = field_id(name, scope)
    current = view.draft(key, value)
    choices = [h("option", {"value": v, "selected": v == current}, text) for v, text in options]
    return h(
        "div",
        {"class": f"field {cls}".strip()},
        h("label", {"for": ident}, label),
        h("select", {"id": ident, "name": name, "data-draft": key}, choices),
    )


def clock_text(timer: Timer, now: int) -> str:
    """mm:ss left; +mm:ss in overtime; counting up for an untimed step."""
    left = timers.remaining(timer, now)
    if left is None:
        return _mmss(timers.elapsed(timer, now))
    if left < 0:
        return "+" + _mmss(-left)
    return _mmss(left + 999)  # 0:00 shows only once the time is really up


def _mmss(ms: int) -> str:
    seconds = max(0, ms) // 1000
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def timer_state(timer: Timer, now: int) -> str:
    """"paused" first: a timer stopped in overtime says it is paused (its "+" says the rest)."""
    if not timers.running(timer):
        return "paused"
    left = timers.remaining(timer, now)
    return "overtime" if left is not None and left <= 0 else "running"


def clock(view: View, timer: Timer, label: str, *, cls: str = "") -> Markup:
    """A timer's display. The shell's clock re-reads `data-timer` every second and updates
    only this element's text and state (no render)."""
    data = dumps(timer)
    state = timer_state(timer, view.now)
    return h(
        "div",
        {"class": f"clock {cls}".strip(), "role": "timer", "aria-label": label, "data-timer": data, "data-state": state},
        h("span", {"class": "clock-time"}, clock_text(timer, view.now)),
        h("span", {"class": "clock-state"}, view._(f"ui.timer.{state}")),
    )


def names(view: View, group_id: str) -> dict[str, str]:
    return {m.id: m.name for m in view.ws.members_of(group_id)}


def present_names(view: View, session: Session) -> dict[str, str]:
    """Those present at the session, in the group's order: who speaks, votes and carries."""
    return {m.id: m.name for m in view.ws.attendees(session)}


def placeholder(view: View, screen: str) -> Markup:
    """A screen that another part of the app will bring (a module not there yet)."""
    return page(view, view._("ui.placeholder.title"), h("p", {}, view._("ui.placeholder.text", screen=screen)), h("p", {}, link(Route(), view._("ui.nav.home"))))



def choice_field(view: View, legend: str, name: str, scope: str, options: list[tuple[str, str]], *, value: str = "") -> Markup:
    """Radio buttons in a fieldset; the choice is a draft until the form is sent."""
    key = f"{scope}:{name}"
    current = view.draft(key, value)
    radios = [
        h("label", {"class": "check"}, h("input", {"type": "radio", "name": name, "value": v, "data-draft": key, "checked": v == current}), " ", text)
        for v, text in options
    ]
    return h("fieldset", {"class": "checks"}, h("legend", {}, legend), radios)
