"""The clock on screen: every second, each timer's text and state are recomputed from its
timestamps (`data-timer`) and only those elements change; the page is not rendered again,
except once a minute while it shows the time budget (its "now" and how late the room is
move with the clock, and a room running late may touch nothing for a long while).
A timer that reaches zero chimes, unless the room muted it."""

from __future__ import annotations

import json

import js
from pyodide.ffi import create_proxy, jsnull

from app.frozen import from_plain
from app.i18n import translator
from app.model import Timer
from app.views.parts import clock_text, timer_state
from app.web import effects, shell

_proxy = None
_minute = 0  # the minute of the last rendering that showed the budget
MINUTE = 60_000


def start(app) -> None:
    global _proxy, _minute
    _proxy = create_proxy(lambda: tick(app))
    _minute = shell.now() // MINUTE
    js.setInterval(_proxy, 1000)


def tick(app) -> None:
    global _minute
    now = shell.now()
    if now // MINUTE != _minute:
        budget = shell.root().querySelector(".budget-status")
        if budget is not None and budget is not jsnull:
            _minute = now // MINUTE
            app.render()
    chimed = False
    for element in shell.root().querySelectorAll("[data-timer]"):
        timer = from_plain(Timer, json.loads(str(element.getAttribute("data-timer"))))
        state = timer_state(timer, now)
        if state == "overtime" and str(element.getAttribute("data-state")) == "running" and not chimed:
            chimed = True
            if not app.ws.local.muted and not app.presentation:
                effects.chime()
        if str(element.getAttribute("data-state")) != state:
            element.setAttribute("data-state", state)
            label = element.querySelector(".clock-state")
            if label is not None and label is not jsnull:
                label.textContent = translator(app.lang)(f"ui.timer.{state}")
        text = element.querySelector(".clock-time")
        value = clock_text(timer, now)
        if text is not None and text is not jsnull and str(text.textContent) != value:
            text.textContent = value
