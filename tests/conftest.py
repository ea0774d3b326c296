"""What every screen any test renders must satisfy, checked where screens are made: each
element id is unique on its screen (a label, an aria-describedby or a focus target naming a
duplicated id points at the wrong element, and the browser's console complains).

Each screen module's `render` (app.views.SCREENS) is wrapped before the test modules import
it, so that the screens of every view test (each step, stage, form and state they reach)
are swept.

Hypothesis runs without its per-example deadline: the suite runs on every core of a shared
machine, where an example's time says nothing of the code (timings live in bench/)."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

import importlib

from hypothesis import settings

from app.views import SCREENS

settings.register_profile("cercle", deadline=None)
settings.load_profile("cercle")


def duplicate_ids(markup: str) -> list[str]:
    ids: Counter[str] = Counter()

    class Ids(HTMLParser):
        def handle_starttag(self, tag, attrs):
            ids.update(value for name, value in attrs if name == "id" and value)

    Ids().feed(markup)
    return sorted(i for i, n in ids.items() if n > 1)


def _checked(render):
    def render_with_unique_ids(view):
        markup = render(view)
        assert duplicate_ids(markup) == [], f"duplicate ids on the screen {view.route.href}"
        return markup

    return render_with_unique_ids


for _name in set(SCREENS.values()):
    _module = importlib.import_module(f"app.views.{_name}")
    _module.render = _checked(_module.render)
