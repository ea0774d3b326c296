"""The idle warm-up (app/startup/warmup.py): a module imported per phase, then a rehearsal of
the first clicks on a scratch workspace that keeps nothing."""

from __future__ import annotations

import sys

from app.startup import warmup
from app.views.routes import Route
from app.web.app import App
from support.page import Page
from support.room import Room


def test_the_idle_rehearsal_plays_every_kind_of_click_and_keeps_nothing():
    from app.actions import apply, parse
    from app.model import Workspace

    ws = Workspace()
    for step, data in enumerate(warmup.REHEARSAL):
        ws = apply(ws, parse(data), now=1_790_000_000_000 + step, device="d")  # none refused: the whole path runs
    assert ws.entries["w-e"].answered and ws.action_items["w-a"].due == "2026-02-01"
    assert warmup.play(1_790_000_000_000).entries["w-e"].answered
    page = Page()
    room = Room()
    room.group()
    app = App(room.ws, Route("group", (("id", "g-1"),)), page.effects())
    before = app.ws
    assert len(list(warmup.rehearsal(app))) == 3, "four phases, three pauses between them"
    assert app.ws is before and page.saved == 0 and page.painted == [], "nothing kept, nothing painted"


def test_after_ready_imports_a_module_per_phase_then_rehearses_where_people_click():
    app = App(Room().ws, Route(), Page().effects())
    sys.modules.pop("colorsys", None)
    modules = ["json", "colorsys"]  # stand-ins: the commands' modules import `js`, absent under CPython
    chain = warmup.after_ready(app, modules, rehearse=True)
    next(chain)
    assert "colorsys" not in sys.modules, "one module per phase"
    assert len(list(chain)) == 1 + 3, "the second import, then the rehearsal's three pauses"
    assert "colorsys" in sys.modules
    assert len(list(warmup.after_ready(app, modules, rehearse=False))) == 2, "the presentation window: imports only"


def test_after_ready_goes_on_past_a_module_that_fails_to_import(capsys):
    app = App(Room().ws, Route(), Page().effects())
    assert len(list(warmup.after_ready(app, ["app.no_such_module", "json"], rehearse=True))) == 2 + 3
    assert "No module named 'app.no_such_module'" in capsys.readouterr().err
