"""A test double of the page: what the app painted, saved and where it sent the address."""

from __future__ import annotations

from app.web.app import Effects


class Page:
    """What the app would do to the page, recorded."""

    def __init__(self) -> None:
        self.painted: list[str] = []
        self.saved = 0
        self.hash = ""
        self.clock = 1_780_000_000_000

    def effects(self) -> Effects:
        def paint(markup, lang):
            self.painted.append(markup)

        def save(ws):
            self.saved += 1

        def navigate(href):
            self.hash = href

        return Effects(paint=paint, save=save, now=lambda: self.clock, today=lambda: "2026-12-01", navigate=navigate, browser_languages=("en-GB",))
