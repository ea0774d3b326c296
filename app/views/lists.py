"""Long lists on a screen: the latest ones, and a link to the rest (issue 16, item 8).

A real step's list holds a few dozen contributions; a file may bring a thousand (what
restore accepts in a round). Drawn in full at every click, that costs seconds in the
browser, so a list shows its latest `LATEST` items and a link that shows them all, which
the person follows if they want to (the route says which list: `?all=<key>`). Summaries and
downloads always carry everything.
"""

from __future__ import annotations

from typing import Sequence, TypeVar

from app.markup import Markup, fragment, h
from app.views.context import View
from app.views.parts import link

LATEST = 50
PARAM = "all"
T = TypeVar("T")


def latest(view: View, items: Sequence[T], key: str) -> tuple[Sequence[T], Markup | None]:
    """The items to draw (the latest, in their order) and, when some are left out, the link
    that shows every one of the list `key`."""
    if len(items) <= LATEST or view.route.get(PARAM) == key:
        return items, None
    hidden = len(items) - LATEST
    more = link(view.route.with_params(**{PARAM: key}), view.plural("bounds.ui.show_all", hidden), "button quiet")
    return items[hidden:], h("p", {"class": "more"}, more)


def numbered(view: View, items: Sequence[T], key: str, draw, **attrs: str) -> Markup:
    """An ordered list of the latest items, numbered as in the whole list, the link first."""
    shown, more = latest(view, items, key)
    start = len(items) - len(shown)
    return fragment(more, h("ol", {**attrs, "start": str(start + 1) if start else None}, [draw(item) for item in shown]))
