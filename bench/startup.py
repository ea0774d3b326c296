"""Start-up benchmark: the app against a bare Pyodide page, side by side in one run.

    python3 build.py bench [--runs N]     (builds dist/ first; runs in .venv)

In turn (alternating the order), each run in a fresh browser context (empty cache):
(a) bench/bare.html, which boots Pyodide from dist/pyodide/ and runs one line of Python;
(a') the same page on the pyodide npm package as published (its standard library is not
precompiled, dist/pyodide's is: build.py does it for the app, and so the bare page gets it
too); (c) bench/floor.html, the stack without the app: Pyodide booted as the app boots
it, PyScript taking it over, one pydantic model defined and validated, and (c') the same
with one line of Python instead of pydantic; (b) the app until <html data-app-state="ready">.
Then, for (a) and (b), a returning visit: the third load in one browser context, when the
browser's cache holds the files and the code it compiled from them. Times are read inside
the page
(performance.now() when data-app-state changes), so Playwright's overhead is out of them.
Prints medians, the ratios b/a (DESIGN.md §6: at most 1.20), c/a, c'/a and b/a', and the
bytes each transferred; and b/a run by run (the median of each run's two loads' ratio).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import build  # noqa: E402

TARGET_RATIO = 1.20
TIMEOUT_MS = 120_000

# Runs before the page's own scripts: note when data-app-state leaves "loading".
RECORD_START = """
new MutationObserver((_, observer) => {
  const state = document.documentElement?.dataset.appState;
  if (state && state !== "loading") {
    window.__started = { state, at: performance.now() };
    observer.disconnect();
  }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-app-state"] });
"""

# What the page transferred, and when it first painted.
MEASURE = """() => {
  const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return {
    ...window.__started,
    bytes: entries.reduce((sum, entry) => sum + entry.transferSize, 0),
    requests: entries.length,
    paint: paint ? paint.startTime : null,
  };
}"""


def load(browser: Browser, url: str, visits: int = 1, measure: str | None = None) -> dict:
    """The last of `visits` loads of `url` in one fresh browser context: the first visit,
    or (with 3) a returning one, when the browser's cache holds the files and the code it
    compiled from them. `measure`: a function evaluated in the page once it started, whose
    result comes back as "measured"."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(RECORD_START)
        for _ in range(visits):
            page.goto(url)
            page.wait_for_function("window.__started !== undefined", timeout=TIMEOUT_MS)
        result = page.evaluate(MEASURE)
        if measure:
            result["measured"] = page.evaluate(measure)
        if result["state"] != "ready":
            raise SystemExit(f"bench: {url} did not start: {page.inner_text('body')[:500]}")
        return result
    finally:
        context.close()


def report(name: str, runs: list[dict]) -> str:
    times = [run["at"] for run in runs]
    kib = statistics.median(run["bytes"] for run in runs) / 1024
    requests = statistics.median(run["requests"] for run in runs)
    return (
        f"| {name} | {statistics.median(times):7.0f} | {min(times):6.0f} | {max(times):6.0f} "
        f"| {kib:9.0f} | {requests:4.0f} |"
    )


def pydantic_core_wheel() -> str:
    lock = json.loads((build.DIST / "pyodide" / "pyodide-lock.json").read_text())
    return lock["packages"]["pydantic-core"]["file_name"]


def main() -> int:
    parser = argparse.ArgumentParser(description="Cercle start-up against bare Pyodide")
    parser.add_argument("--runs", type=int, default=7, help="runs of each page (default 7, at least 5)")
    args = parser.parse_args()
    if args.runs < 5:
        parser.error("--runs: at least 5")
    stock = build.npm_packages() / "pyodide"
    server, base = build.start_server({"/": build.DIST, "/bench/": ROOT / "bench", "/bench/stock/": stock})
    pages = {
        "bare": base + "bench/bare.html",
        "stock": base + "bench/bare.html?runtime=stock",
        "pyscript": base + "bench/floor.html?pydantic=0",
        "floor": base + "bench/floor.html?wheel=" + pydantic_core_wheel(),
        "app": base,
    }
    results: dict[str, list[dict]] = {name: [] for name in pages}
    returning: dict[str, list[dict]] = {"bare": [], "app": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=build.chromium_executable(), args=list(build.CHROMIUM_ARGS))
        for name in pages:  # warm-up: the OS file cache, the browser's own start
            load(browser, pages[name])
        for run in range(args.runs):
            order = list(pages) if run % 2 == 0 else list(reversed(pages))
            for name in order:
                results[name].append(load(browser, pages[name]))
            for name in order:
                if name in returning:
                    returning[name].append(load(browser, pages[name], visits=3))
            times = ", ".join(f"{name} {results[name][-1]['at']:.0f} ms" for name in pages)
            again = ", ".join(f"{name} {returning[name][-1]['at']:.0f} ms" for name in returning)
            print(f"bench: run {run + 1}/{args.runs}: {times}; returning: {again}", flush=True)
        version = browser.version
        browser.close()
    server.shutdown()

    bare, stock, pyscript, floor, app = (
        statistics.median(run["at"] for run in results[name]) for name in ("bare", "stock", "pyscript", "floor", "app")
    )
    paint = statistics.median(run["paint"] for run in results["app"] if run["paint"] is not None)
    ratio = app / bare
    print()
    print(f"Start-up, {args.runs} alternating runs each, fresh browser context per run, Chromium {version}")
    print()
    print("| page | median ms | min ms | max ms | KiB transferred | requests |")
    print("|---|---:|---:|---:|---:|---:|")
    print(report("(a) bare Pyodide from dist/pyodide, one line of Python", results["bare"]))
    print(report("(a') bare Pyodide as published on npm, one line", results["stock"]))
    print(report("(c') PyScript taking over that runtime, one line", results["pyscript"]))
    print(report("(c) PyScript, then one pydantic model (no app)", results["floor"]))
    print(report("(b) Cercle until data-app-state=ready", results["app"]))
    print()
    print(f"ratio b/a: {ratio:.2f} (target <= {TARGET_RATIO:.2f}: {'met' if ratio <= TARGET_RATIO else 'NOT met'})")
    # The same, run by run: each run loads (a) and (b) seconds apart, so their ratio
    # is less moved by this machine's load drifting over the minutes of the benchmark.
    paired = sorted(app_run["at"] / bare_run["at"] for bare_run, app_run in zip(results["bare"], results["app"]))
    print(f"ratio b/a run by run: median {statistics.median(paired):.2f}, "
          f"quartiles {paired[len(paired) // 4]:.2f} to {paired[(3 * len(paired)) // 4]:.2f}")
    print(f"ratio c'/a: {pyscript / bare:.2f}, c/a: {floor / bare:.2f} (the stack without the app), b/c': {app / pyscript:.2f}, b/c: {app / floor:.2f}")
    print(f"ratio b/a': {app / stock:.2f} (against Pyodide as published)")
    print(f"the app's static shell first painted at {paint:.0f} ms (median)")
    print()
    print("A returning visit (the third load in one browser context: files and compiled code cached):")
    print()
    print("| page | median ms | min ms | max ms | KiB transferred | requests |")
    print("|---|---:|---:|---:|---:|---:|")
    print(report("(a) bare Pyodide from dist/pyodide, one line of Python", returning["bare"]))
    print(report("(b) Cercle until data-app-state=ready", returning["app"]))
    again = statistics.median(run["at"] for run in returning["app"]) / statistics.median(run["at"] for run in returning["bare"])
    print()
    print(f"ratio b/a on a returning visit: {again:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
