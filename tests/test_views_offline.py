"""The offer to reload into a new version (app/views/offline.py): on every screen once the
browser holds a new build, never in the presentation window, and not during a round."""

from __future__ import annotations

import pytest

from app.views import render
from app.views.context import BrowserState, View
from app.views.routes import Route
from support.room import Room

READY = "Une nouvelle version de Cercle est prête"


def reload_button(html: str) -> str:
    start = html.index('data-command="reload-update"')
    return html[html.rindex("<button", 0, start):html.index(">", start) + 1]


@pytest.mark.parametrize("screen", ["home", "group", "session", "transfer"])
def test_every_screen_offers_to_reload_once_a_new_version_is_ready(screen):
    room = Room()
    room.group()
    room.session()
    route = Route(screen, (("id", "g-1" if screen == "group" else "s-1"),))
    assert READY not in str(render(View(room.ws, route)))
    html = str(render(View(room.ws, route, browser=BrowserState(update_ready=True))))
    assert READY in html
    assert "disabled" not in reload_button(html)
    assert "fin du tour" not in html


def test_not_during_a_round_and_never_in_the_presentation_window():
    room = Room()
    room.group()
    sid = room.session()
    room.do({"type": "start_round", "session_id": sid, "id": "r-1"})
    ready = BrowserState(update_ready=True)
    html = str(render(View(room.ws, Route("session", (("id", sid),)), lang="en", browser=ready)))
    assert "A new version of Cercle is ready" in html and "once the round is over" in html
    assert "disabled" in reload_button(html)
    presentation = str(render(View(room.ws, Route("presentation"), presentation=True, browser=ready)))
    assert READY not in presentation
