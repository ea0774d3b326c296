"""Where the app's start-up goes: marks in a copy of the page, medians over fresh loads.

    python3 build.py && .venv/bin/python bench/timeline.py [--runs N]

Copies dist/ to a temporary folder and adds performance marks to its index.html: when the
interpreter has booted (boot.js then asks Pyodide for the start-up packages itself, to time
them apart), when they are installed and the app's zip mounted, when PyScript runs the
page's script, and in that script, after importing pydantic-core, pydantic, the app's
models, the first screen's modules, and app.main (which renders and sets ready). Each load
is in a fresh browser context. Prints each mark's median time and the step from the one
before. The marks cost a little themselves: compare the steps, not the total, with
bench/startup.py.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import build  # noqa: E402

SCRIPT = """import js; js.performance.mark("python: script starts")
import pydantic_core; js.performance.mark("python: pydantic-core imported")
from pydantic import BaseModel; js.performance.mark("python: pydantic imported")
import app.model; js.performance.mark("python: the app's models defined")
import app.views, app.views.home, app.web.app, app.web.storage, app.web.events; js.performance.mark("python: first screen's modules")
import app.main; js.performance.mark("python: app.main done (rendered, ready)")"""

# (what boot.js says, what the copy says instead)
EDITS = (
    ("packages: STARTUP.packages,", "packages: [],"),
    (
        "      .then(async (pyodide) => {\n        mountApp(pyodide, await app);",
        "      .then(async (pyodide) => {\n        performance.mark(\"interpreter booted\");\n"
        "        await pyodide.loadPackage(STARTUP.packages, { messageCallback() {} });\n"
        "        performance.mark(\"pydantic-core installed\");\n        mountApp(pyodide, await app);\n"
        "        performance.mark(\"app's zip mounted\");",
    ),
    (">import app.main</script>", f">{SCRIPT}</script>"),
)
READY = """new MutationObserver((_, observer) => {
  if (document.documentElement?.dataset.appState === "ready") { performance.mark("data-app-state=ready"); observer.disconnect(); }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-app-state"] });"""


def marked_copy(folder: Path) -> Path:
    copy = folder / "dist"
    shutil.copytree(build.DIST, copy)
    page = (copy / "index.html").read_text()
    for before, after in EDITS:
        if before not in page:
            raise SystemExit(f"bench/timeline.py: the page no longer says {before!r}: update EDITS")
        page = page.replace(before, after)
    (copy / "index.html").write_text(page)
    return copy


def main() -> int:
    parser = argparse.ArgumentParser(description="Where Cercle's start-up goes, from marks in the page")
    parser.add_argument("--runs", type=int, default=9, help="fresh loads (default 9)")
    args = parser.parse_args()
    marks: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        server, base = build.start_server({"/": marked_copy(Path(folder))})
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=build.chromium_executable(), args=list(build.CHROMIUM_ARGS))
            for run in range(args.runs + 1):  # the first load warms the OS file cache: not counted
                context = browser.new_context()
                page = context.new_page()
                page.add_init_script(READY)
                page.goto(base)
                page.wait_for_function("performance.getEntriesByName('data-app-state=ready').length > 0", timeout=120_000)
                if run:
                    for name, at in page.evaluate("performance.getEntriesByType('mark').map(m => [m.name, m.startTime])"):
                        marks.setdefault(name, []).append(at)
                context.close()
            browser.close()
        server.shutdown()
    print(f"Start-up marks, {args.runs} fresh loads, medians:")
    print()
    print("| mark | at ms | step ms |")
    print("|---|---:|---:|")
    previous = 0.0
    for name, times in sorted(marks.items(), key=lambda item: statistics.median(item[1])):
        at = statistics.median(times)
        print(f"| {name} | {at:.0f} | {at - previous:.0f} |")
        previous = at
    return 0


if __name__ == "__main__":
    sys.exit(main())
