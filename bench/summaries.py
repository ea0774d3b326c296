"""What the summaries cost, with ten years of one group's quarterly history loaded.

    python3 build.py && .venv/bin/python bench/summaries.py [--runs N]

Two measures side by side in one run, for the last session of the history (bench/history.py:
40 sessions of 3 rounds, every step filled):
- in CPython: building every member's summary, the screens (summaries, history), the
  files (one member's page, everyone's zip) and a shared link;
- in Chromium, in the app itself: opening the summaries and the history screens (hash
  change -> screen painted), and the clicks that make a file (click -> download handed to
  the browser; the handler is synchronous).
Prints medians and p95; the interaction target (DESIGN.md §6) is p95 <= 50 ms per click.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "e2e"), str(ROOT / "bench")]

import build  # noqa: E402
from history import ten_years  # noqa: E402
from ui_helpers import seed  # noqa: E402

from app.summary import share  # noqa: E402
from app.summary.summaries import group_summary, member_summaries, member_summary  # noqa: E402
from app.summary.files import archive  # noqa: E402
from app.summary.render import markdown, standalone  # noqa: E402
from app.views import render  # noqa: E402
from app.views.context import View  # noqa: E402
from app.views.routes import Route

TARGET_P95_MS = 50

PAGE_RUNS = 4  # runs in one tab: each run downloads two files

OPEN = """async ({href, prefix}) => {
  const start = performance.now();
  location.hash = href;
  while (!(document.querySelector("h1")?.textContent || "").startsWith(prefix)) await new Promise(r => requestAnimationFrame(r));
  return performance.now() - start;
}"""
CLICK = """(selector) => {
  const element = document.querySelector(selector);
  if (!element) throw new Error("nothing to click: " + selector);
  const start = performance.now();
  element.click();
  return performance.now() - start;
}"""


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def line(name: str, values: list[float]) -> str:
    return f"  {name:<34} p50 {statistics.median(values):7.1f} ms   p95 {pct(values, 0.95):7.1f} ms"


def timed(work, runs: int) -> list[float]:
    found = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        found.append((time.perf_counter() - start) * 1000)
    return found


def in_cpython(ws, session: str, member: str, runs: int) -> dict[str, list[float]]:
    screen = lambda name, **params: render(View(ws=ws, route=Route(name, tuple(params.items())), lang="fr"))  # noqa: E731
    return {
        "every member's summary": timed(lambda: member_summaries(ws, session, "fr"), runs),
        "group summary": timed(lambda: group_summary(ws, session, "fr"), runs),
        "one member: HTML + Markdown": timed(lambda: (standalone(s := member_summary(ws, session, member, "fr")), markdown(s)), runs),
        "everyone's zip": timed(lambda: archive(ws, session, "fr"), runs),
        "shared link (encode + decode)": timed(lambda: share.decode(share.encode(member_summary(ws, session, member, "fr"))), runs),
        "summaries screen": timed(lambda: screen("summaries", session=session), runs),
        "history screen": timed(lambda: screen("history", group="g"), runs),
    }


def in_chromium(ws, session: str, runs: int) -> dict[str, list[float]]:
    server, base = build.start_server({"/": build.DIST})
    found: dict[str, list[float]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=build.chromium_executable(), args=list(build.CHROMIUM_ARGS))
            context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 720}, accept_downloads=True)

            def fresh_page():
                page = context.new_page()
                seed(page, ws)
                page.goto(base + "#/home")
                page.wait_for_selector("html[data-checks=ready]", state="attached", timeout=120_000)  # pydantic up (app/web/startup/checks.py)
                return page

            group = ws.groups["g"].name
            home = {"href": "#/home", "prefix": "Cercle"}
            screens = {
                "open the history screen": {"href": "#/history?group=g", "prefix": f"Historique — {group}"},
                "open the summaries screen": {"href": f"#/summaries?session={session}", "prefix": f"Synthèses — {group}, "},
            }
            clicks = {
                "click: one member's HTML": '[data-command="summary-download"][data-format="html"][data-member-id]',
                "click: everyone's zip": '[data-command="summary-zip"]',
            }
            page = None
            for run in range(runs):
                if run % PAGE_RUNS == 0:  # Chromium stops a tab's downloads after ten
                    if page is not None:
                        page.close()
                    page = fresh_page()
                for name, screen in screens.items():
                    page.evaluate(OPEN, home)
                    found.setdefault(name, []).append(page.evaluate(OPEN, screen))
                for name, selector in clicks.items():
                    with page.expect_download():
                        found.setdefault(name, []).append(page.evaluate(CLICK, selector))
            browser.close()
    finally:
        server.shutdown()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    ws = ten_years()
    session = ws.sessions_of("g")[-1].id
    member = ws.rounds_of(session)[0].carrier_id
    print(f"ten years: {len(ws.live('sessions'))} sessions, {len(ws.live('entries'))} entries; last session {session}, {runs} runs each")
    print("CPython 3.11:")
    for name, values in in_cpython(ws, session, member, runs).items():
        print(line(name, values))
    print("Chromium (Pyodide, in the app):")
    clicks = []
    for name, values in in_chromium(ws, session, runs).items():
        print(line(name, values))
        clicks += values
    p95 = pct(clicks, 0.95)
    print(f"target p95 <= {TARGET_P95_MS} ms per click or screen: {'met' if p95 <= TARGET_P95_MS else 'NOT met'} ({p95:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
