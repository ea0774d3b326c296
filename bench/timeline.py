"""Where the app's start-up goes: marks in a copy of the page, medians over fresh loads.

    python3 build.py && .venv/bin/python bench/timeline.py [--runs N]

Copies dist/ to a temporary folder and adds performance marks to its index.html: when the
interpreter has booted, when the app's zip is mounted, when PyScript runs the page's
script, and in that script, after importing the app's models and the first screen's
modules; then when the page is ready (the first screen is up) and when pydantic is up after
it (data-checks, app/web/startup/checks.py). Each load
is in a fresh browser context. Prints each mark's median time and the step from the one
before. The marks cost a little themselves: compare the steps, not the total, with
bench/startup.py.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
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
import app.model; js.performance.mark("python: the app's models defined")
import app.startup.first_screen; app.startup.first_screen.import_all(); js.performance.mark("python: first screen's modules")
import app.main; await app.main.run()"""

# (what the page says, what the copy says instead)
EDITS = (
    (
        "        const pyodide = await loadPyodide(options);\n        mountApp(pyodide, await app);",
        "        const pyodide = await loadPyodide(options);\n        performance.mark(\"interpreter booted\");\n"
        "        mountApp(pyodide, await app);\n        performance.mark(\"app's zip mounted\");",
    ),
    (">import app.main; await app.main.run()</script>", f">{SCRIPT}</script>"),
)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(?:src|type=\"py\"))[^>]*>(.*?)</script>", re.S)
READY = """new MutationObserver((_, observer) => {
  const html = document.documentElement;
  if (html?.dataset.appState === "ready" && !performance.getEntriesByName("data-app-state=ready").length) performance.mark("data-app-state=ready");
  if (html?.dataset.checks === "ready") { performance.mark("data-checks=ready (pydantic up, stored data checked)"); observer.disconnect(); }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-app-state", "data-checks"] });"""


def edit_page(folder: Path, edits: tuple[tuple[str, str], ...]) -> None:
    """A copy of dist/ whose page has `edits` made, and in its Content-Security-Policy the
    hash of each inline script they changed (boot.js) replaced by the new one's: the policy
    runs no other. The page's precompressed siblings go: the server would send them instead."""
    def hashes(text: str) -> list[str]:
        return [base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() for body in INLINE_SCRIPT.findall(text)]

    page = (folder / "index.html").read_text()
    before = hashes(page)
    for said, instead in edits:
        if said not in page:
            raise SystemExit(f"bench: the page no longer says {said!r}: update bench/timeline.py EDITS")
        page = page.replace(said, instead)
    for old, new in zip(before, hashes(page), strict=True):
        page = page.replace(f"'sha256-{old}'", f"'sha256-{new}'")
    (folder / "index.html").write_text(page)
    for sibling in folder.glob("index.html.*"):
        sibling.unlink()


def marked_copy(folder: Path) -> Path:
    copy = folder / "dist"
    shutil.copytree(build.DIST, copy)
    edit_page(copy, EDITS)
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
                page.wait_for_selector("html[data-checks=ready]", state="attached", timeout=120_000)
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
