"""Stored data that could not be read and was set aside (app/web/storage.py): what it was
and why, in words, on the home screen (the first one a person sees) and on the transfer
screen, where it can be downloaded."""

from __future__ import annotations

from app import salvage
from app.sync import shards
from app.markup import Markup, h
from app.views.context import View
from app.views.routes import route
from app.views.parts import link

KINDS = {shards.SESSION: "storage.what.session", shards.GROUP: "storage.what.group"}


def what(view: View, aside: str) -> str:
    """"A session (s-4)", "this device's drafts and settings"... from the key it was stored under."""
    key = salvage.stored_key(aside)
    if key == shards.LOCAL:
        return view._("storage.what.local")
    for prefix, message in KINDS.items():
        if key.startswith(prefix):
            return view._(message, id=key[len(prefix) :])
    return view._("storage.what.loose")


def describe(view: View, aside: str) -> str:
    """What an item set aside was, and why it could not be read (once that is known)."""
    why = dict(view.browser.storage.reasons).get(aside)
    return view._("storage.aside_item", what=what(view, aside), why=view._(why)) if why else what(view, aside)


def notice(view: View) -> Markup | None:
    """On the home screen while anything is set aside: what, why, and where to get it back."""
    asides = view.browser.storage.set_aside
    if not asides or view.presentation:
        return None
    _ = view._
    return h(
        "section",
        {"class": "panel alert", "aria-labelledby": "set-aside"},
        h("h2", {"id": "set-aside"}, _("storage.aside_title")),
        h("ul", {}, [h("li", {}, describe(view, key)) for key in asides]),
        h("p", {}, _("storage.aside_text")),
        link(route("transfer"), _("storage.aside_go"), "button primary"),
    )
