"""Python calls per move, under CPython: the moves of bench/interaction.py (the round screen
with ten years) and bench/screens.py (the new screens), each as the shell runs it (the
action applied, the changed shards encoded as storage saves them, the screen rendered; a
field the screen follows: the draft kept, the screen rendered; a link: the screen
rendered), counted by cProfile, with the time of each part without the profiler.

    .venv/bin/python bench/calls.py [--screens NAME ...] [--top N]

Only the Python side: the morph and the paint in the browser are not in these figures.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from history import ten_years  # noqa: E402
from interaction import history as round_with_history  # noqa: E402
from screens import Screen, screens  # noqa: E402

from app.sync import shards  # noqa: E402
from app.views.routes import Route  # noqa: E402
from app.web import intents  # noqa: E402
from app.web.app import App, Effects  # noqa: E402

SORT = "cumulative"
RENDERING_TYPES = frozenset({"radio", "checkbox", "select-one", "number"})  # as app/web/events.py


class Tags(HTMLParser):
    """Every start tag with its attributes and its ancestors' (enough for the benches' selectors)."""

    VOID = frozenset({"input", "br", "img", "meta", "hr", "link", "source", "col", "wbr"})

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str], list[tuple[str, dict[str, str]]]]] = []
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        element = (tag, {k: v or "" for k, v in attrs})
        self.found.append((tag, element[1], list(self.stack)))
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass


def _compound(text: str):
    """A test for one compound selector: tag, #id, .class, [attr], [attr="v"], [attr~="v"]."""
    import re

    tag = re.match(r"[a-z0-9]*", text).group(0)
    parts = re.findall(r'#([\w-]+)|\.([\w-]+)|\[([\w-]+)(?:(~?=)"([^"]*)")?\]', text[len(tag):])

    def test(name: str, attrs: dict[str, str]) -> bool:
        if tag and name != tag:
            return False
        for ident, cls, attr, op, value in parts:
            if ident and attrs.get("id") != ident or cls and cls not in attrs.get("class", "").split():
                return False
            if attr and (attr not in attrs or op == "=" and attrs[attr] != value or op == "~=" and value not in attrs[attr].split()):
                return False
        return True

    return test


def select(markup: str, selector: str) -> dict[str, str]:
    *ancestors, last = [_compound(part) for part in selector.split()]
    for name, attrs, above in Tags(markup).found:
        if last(name, attrs) and all(any(test(n, a) for n, a in above) for test in ancestors):
            return attrs
    raise LookupError(selector)


class Page:
    """The shell's effects, with storage's save as app/web/storage.py does it (no localStorage)."""

    def __init__(self, app_ws) -> None:
        self.layout = shards.Layout(app_ws)
        self.local = app_ws.local
        self.painted = ""

    def save(self, ws) -> None:
        for key in sorted(self.layout.advance(ws)):
            held = self.layout.shard(key)
            if any(held.collection(name) for name in shards.COLLECTIONS):
                shards.encode(held)
        if ws.local is not self.local:
            shards.encode_local(ws.local)
            self.local = ws.local

    def effects(self) -> Effects:
        def paint(markup, lang):
            self.painted = str(markup)

        return Effects(paint=paint, save=self.save, now=lambda: int(time.time() * 1000), today=lambda: "2027-03-15",
                       navigate=lambda href: None)


def perform(app: App, move: dict[str, str], attrs: dict[str, str]) -> None:
    """One move on the element of `attrs`, as app/web/events.py runs it."""
    if move["how"] == "go":
        app.arrived(Route.parse(attrs["href"]))
    elif move["how"] == "input" or "data-draft" in attrs:
        app.set_draft(attrs["data-draft"], move.get("value", attrs.get("value", "")))
        if attrs.get("type", "select-one" if "value" not in attrs else "text") in RENDERING_TYPES or move["selector"].startswith("select"):
            app.render()
    else:
        dataset = {k.removeprefix("data-"): v for k, v in attrs.items() if k.startswith("data-")}
        app.dispatch({"type": dataset["action"], **intents.payload(dataset)}, go=dataset.get("go", ""))


def the_round(runs: int) -> Screen:
    ws, session = round_with_history()
    undo = {"how": "click", "selector": '[data-action="undo"][aria-keyshortcuts~="Control+Z"]'}
    return Screen("round (ten years)", ws, f"#/session?id={session}", "Exploration", {
        "pause / resume": [{"how": "click", "selector": '[aria-keyshortcuts~="Space"]'}] * 2,
        "+1 min, undo": [{"how": "click", "selector": '[data-action="extend_timer"]'}, undo],
        "answered": [{"how": "click", "selector": '.entry [data-action="edit_entry"]'}] * 2,
    })


def measure(screen: Screen, cycles: int, top: int) -> None:
    page = Page(screen.ws)
    app = App(screen.ws, Route.parse(screen.address), page.effects())
    app.render()
    print(f"{screen.name}:")
    for kind, moves in screen.kinds.items():
        start = app.ui.route
        for move in moves:  # a cycle first, not counted
            perform(app, move, select(page.painted, move["selector"]))
        profile = cProfile.Profile()
        spent = 0.0
        for _ in range(cycles):
            for move in moves:
                attrs = select(page.painted, move["selector"])
                profile.enable()
                perform(app, move, attrs)
                profile.disable()
        for _ in range(cycles):
            for move in moves:
                attrs = select(page.painted, move["selector"])
                began = time.perf_counter()
                perform(app, move, attrs)
                spent += time.perf_counter() - began
        # the render alone, on the same screen
        rendered = time.perf_counter()
        for _ in range(cycles):
            app.render()
        render_ms = (time.perf_counter() - rendered) * 1000 / cycles
        assert app.ui.route == start, (kind, app.ui.route)
        stats = pstats.Stats(profile)
        n = cycles * len(moves)
        print(f"  {kind:<24} {stats.total_calls / n:9.0f} calls/move  {spent * 1000 / n:6.1f} ms/move (CPython; render alone {render_ms:.1f} ms)")
        if top:
            stats.sort_stats(SORT).print_stats(top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screens", nargs="*", help="names of the screens (default: all)")
    parser.add_argument("--cycles", type=int, default=5)
    parser.add_argument("--top", type=int, default=0, help="print the N costliest functions of each kind")
    parser.add_argument("--sort", default="cumulative", help="the order of those functions (pstats: cumulative, tottime, ncalls)")
    args = parser.parse_args()
    global SORT
    SORT = args.sort
    found = [the_round(args.cycles), *screens(ten_years())]
    for screen in found:
        if not args.screens or screen.name in args.screens:
            measure(screen, args.cycles, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
