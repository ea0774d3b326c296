"""The wire between markup and the shell, checked statically: every `data-action` a screen
renders names a core action type and sends only that action's fields, and every
`data-command` is one the shell registers (app/web/commands MODULES); a correction form's
"save-edit" command names its action in data-type, checked like a `data-action`.

A mistyped action or field would otherwise only show in the browser, as a refusal the
facilitator cannot act on. Screens are rendered at every moment of the half-day (after each
of its actions), in both languages at the end, with an entry being edited and the group's
own protocol open, so that the intents of every screen state are seen.
"""

from __future__ import annotations

import typing
from html.parser import HTMLParser

import pytest

from support import halfday
from app.actions import AnyAction
from app.views import render
from app.views.context import View
from app.views.routes import Route
from app.web.commands import MODULES
from support.every_screen import NOW, routes
from support.room import Room
from test_views_conflicts import apart

# The shell's own attributes, not part of a payload (app/web/intents.py CONTROL).
from app.web.intents import CONTROL, snake

ACTIONS = {model.model_fields["type"].default: model for model in typing.get_args(typing.get_args(AnyAction)[0])}
FIELDS = ("input", "select", "textarea", "button")


class Intents(HTMLParser):
    """Each element's intent: (its tag, its data-* attributes, the names of a form's fields)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str], set[str]]] = []
        self._form: tuple[dict[str, str], set[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        data = {name[5:]: value for name, value in attributes.items() if name.startswith("data-")}
        if tag == "form":
            self._form = (data, set())
            return
        if tag in FIELDS and self._form is not None and attributes.get("name"):
            self._form[1].add(_field(attributes["name"]))
        if "action" in data or "command" in data:
            self.found.append((tag, data, set()))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._form is not None:
            data, fields = self._form
            if "action" in data or "command" in data:
                self.found.append(("form", data, fields))
            self._form = None


def _field(name: str) -> str:
    """The payload key a form field's name gives (app/web/intents.py `payload`)."""
    return name[:-2] if name.endswith("[]") else name.split(".", 1)[0]


def intents(html: str) -> list[tuple[str, dict[str, str], set[str]]]:
    parser = Intents()
    parser.feed(html)
    parser.close()
    return parser.found


def _payload(data: dict[str, str], fields: set[str]) -> set[str]:
    return {snake(name.replace("-", "_")) for name in data if snake(name.replace("-", "_")) not in CONTROL} | fields


def check(html: str, where: str) -> set[str]:
    """The action types the markup sends; fails on a wrong type, field or command."""
    sent = set()
    for tag, data, fields in intents(html):
        if "command" in data:
            assert data["command"] in MODULES, f"{where}: <{tag} data-command={data['command']!r}> is not registered"
            if data["command"] != "save-edit":
                continue
        # "save-edit" dispatches the action its form names in data-type (app/web/commands/editing.py).
        kind = data.get("action") or data.pop("type", "")
        assert kind in ACTIONS, f"{where}: <{tag} data-action={kind!r}> names no action"
        unknown = _payload(data, fields) - set(ACTIONS[kind].model_fields)
        assert not unknown, f"{where}: <{tag} data-action={kind!r}> sends {sorted(unknown)}, not fields of the action"
        sent.add(kind)
    return sent


def _moments() -> tuple[list[tuple[object, int]], Room]:
    """The half-day's workspace (and the time) after each of its actions."""
    moments = []
    original = Room.do

    def recording(self, action, **kwargs):
        ws = original(self, action, **kwargs)
        moments.append((ws, self.now))
        return ws

    Room.do = recording
    try:
        room = halfday.half_day()
    finally:
        Room.do = original
    return moments, room


@pytest.fixture(scope="module")
def played():
    return _moments()


def _render(ws, route: Route, lang: str = "fr", now: int = NOW) -> str:
    return str(render(View(ws=ws, route=route, lang=lang, now=now, today="2026-12-03")))


LATE = 90 * 60 * 1000  # far enough behind the plan for the time budget to suggest moves


def test_every_intent_of_the_half_day_is_wired(played):
    moments, room = played
    sent: set[str] = set()
    for n, (ws, now) in enumerate(moments):
        for screen in ("session", "presentation"):
            for late in (0, LATE):
                sent |= check(_render(ws, Route(screen, (("id", "s-1"),)), now=now + late), f"{screen} after action {n}")
        if n % 10 == 0:
            for route in routes(ws):
                sent |= check(_render(ws, route, now=now), f"{route.href} after action {n}")
        if n % 5 == 0:  # the latest entry, pitch and action item, being edited
            for kind in ("entries", "pitches", "action_items"):
                for record in list(ws.live(kind))[-1:]:
                    route = Route("session", (("id", "s-1"), ("edit", record.id)))
                    sent |= check(_render(ws, route, now=now), f"editing a record of {kind} after action {n}")
    ws = room.ws
    for route in (*routes(ws), Route("group")):
        for lang in ("fr", "en"):
            sent |= check(_render(ws, route, lang), f"{route.href} ({lang}) at the end")
    # The group's own protocol, listed and open.
    room.do({"type": "adapt_protocol", "id": "gp-1", "group_id": "g-1", "from_id": "codev-payette-champagne"})
    first = room.ws.protocols["gp-1"].protocol.steps[0].key  # one step's form open at a time
    for route in (Route("protocols", (("group", "g-1"),)), Route("protocols", (("id", "gp-1"),)), Route("protocols", (("id", "gp-1"), ("step", first)))):
        sent |= check(_render(room.ws, route), route.href)
    # The next session's follow-up of the actions.
    room.do({"type": "start_session", "id": "s-2", "group_id": "g-1", "date": "2027-03-11"})
    room.do({"type": "acknowledge_charter", "session_id": "s-2", "date": "2027-03-11"})
    sent |= check(_render(room.ws, Route("session", (("id", "s-2"),))), "the follow-up")
    assert {"next_step", "add_entry", "toggle_vote", "choose_pitch", "edit_entry", "edit_pitch", "edit_action_item",
            "shorten_steps", "create_group", "new_protocol", "edit_step", "move_step", "assign_role",
            "update_action_item", "finish_followup"} <= sent, "the sweep no longer reaches every kind of screen"


def test_the_intents_of_a_conflict_are_wired():
    room = apart({"type": "edit_entry", "id": "q-0", "text": "Depuis quand ?"}, {"type": "edit_entry", "id": "q-0", "text": "Depuis combien de temps ?"})
    assert "resolve_conflict" in check(_render(room.ws, Route("session", (("id", "s-1"),))), "a conflict")


def test_a_mistyped_intent_is_caught():
    """The check itself fails on what it is there to catch."""
    with pytest.raises(AssertionError, match="names no action"):
        check('<button data-action="next_stpe" data-round-id="r">Suite</button>', "sample")
    with pytest.raises(AssertionError, match="not fields"):
        check('<form data-action="add_entry"><input name="txt"></form>', "sample")
    with pytest.raises(AssertionError, match="not registered"):
        check('<button data-command="exprot">Exporter</button>', "sample")
    with pytest.raises(AssertionError, match="not fields"):
        check('<form data-command="save-edit" data-type="edit_pitch"><input name="titel"></form>', "sample")
    assert check('<form data-action="add_entry" data-round-id="r"><textarea name="text"></textarea></form>', "sample") == {"add_entry"}
