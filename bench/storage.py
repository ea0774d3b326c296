"""Storage and sync benchmark: ten years of one group's history (bench/history.py: 40
quarterly sessions of 3 rounds, every step filled), in Chromium and under CPython.

    python3 build.py && .venv/bin/python bench/storage.py [--runs N]

The same workloads run in both: this file is copied into Pyodide in a page served beside
dist/, and imported there. Prints, side by side:
- the characters localStorage holds (what the quota counts) for three layouts: one plain
  JSON entry, one compressed entry, and app/sync/shards.py's compressed shards; and what
  Chromium grants (found by writing until it refuses);
- the cost of the save after one action (a question added in the last session), writes
  included in the browser: the reason app/sync/shards.py writes only the shards that changed;
- loading the history (from a file, from stored shards) and merging two such histories.
Medians of N runs. Targets (issue 5): the history fits in a third of a 5 MB quota; merging
two such histories takes under 300 ms in the browser.
"""

from __future__ import annotations

import argparse
import base64
import json
import statistics
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_SHARE = 1 / 3
TARGET_MERGE_MS = 300
QUOTA = 5 * 1024 * 1024


def median_ms(work, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def workloads(runs: int, browser: bool) -> dict:
    """Every measure, in this interpreter (CPython, or Pyodide in the page)."""
    from history import Player, ten_years

    from app.sync import file_format, shards
    from app.sync.merge import merge, preview

    if browser:
        import js

        def put(key: str, value: str) -> None:
            js.localStorage.setItem(key, value)
    else:

        def put(key: str, value: str) -> None:
            pass

    ws = ten_years()
    plain = file_format.dump(ws).decode()
    packed = base64.b64encode(zlib.compress(plain.encode(), 6)).decode()
    stored = shards.items(ws)
    sizes = {"one JSON entry": len(plain), "one compressed entry": len(packed), "compressed shards": shards.usage(stored.items())}

    # The save after one action: what each layout writes.
    last = ws.sessions_of("g")[-1].id
    player = Player(device="d-bench")
    player.ws, player.now = ws, int(time.time() * 1000)
    player(type="add_entry", id="bench-q", session_id=last, kind="evaluation", author_id="m0", text="Une de plus", rating=4)
    after = player.ws

    def one_entry() -> None:
        put("bench.one", file_format.dump(after).decode())

    def one_compressed() -> None:
        put("bench.one", base64.b64encode(zlib.compress(file_format.dump(after), 6)).decode())

    def sharded() -> float:
        layout = shards.Layout(ws)  # built once, when the page starts
        started = time.perf_counter()
        for key in layout.advance(after):
            put("bench." + key, shards.encode(layout.shard(key)))
        return (time.perf_counter() - started) * 1000

    save = {
        "one JSON entry": median_ms(one_entry, runs),
        "one compressed entry": median_ms(one_compressed, runs),
        "compressed shards": statistics.median(sharded() for _ in range(runs)),
    }
    if browser:
        js.localStorage.clear()

    # Two histories to merge: this device's, and a tablet's copy read from its file, where
    # the last session's evaluation went on apart (contributions added, then edited).
    tablet = Player(device="d-tablet")
    tablet.ws, tablet.now = file_format.load(file_format.dump(ws)), player.now
    for n in range(40):
        entry = f"bench-t{n}"
        tablet(type="add_entry", id=entry, session_id=last, kind="evaluation", author_id="m1", text=f"Sur la tablette {n}", rating=5)
        tablet(type="edit_entry", id=entry, text=f"Sur la tablette, revu {n}")
    tablet_file = file_format.dump(tablet.ws)
    timings = {
        "load a file (restore)": median_ms(lambda: file_format.load(plain.encode()), runs),
        "load from stored shards": median_ms(lambda: shards.read(stored), runs),
        "the same, unchecked (first screen)": median_ms(lambda: shards.read_unchecked(stored), runs),
        "merge two histories": median_ms(lambda: merge(after, tablet.ws), runs),
        "import: load and preview": median_ms(lambda: preview(after, file_format.load(tablet_file)), runs),
    }
    return {"sizes": sizes, "save": save, "timings": timings, "records": sum(len(ws.collection(n)) for n in shards.COLLECTIONS)}


# Pyodide with pydantic-core and the app's zip on sys.path, as assets/boot.js sets them up.
PAGE = """<!doctype html><html data-state="loading"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<script type="module">
  import { loadPyodide } from "./pyodide/pyodide.mjs";
  window.pyodide = await loadPyodide();
  await pyodide.loadPackage(["pydantic-core"]);
  const zip = await (await fetch("./pyodide/%(zip)s")).arrayBuffer();
  pyodide.FS.writeFile("%(mount)s", new Uint8Array(zip));
  pyodide.runPython("import sys; sys.path.insert(0, '%(mount)s')");
  document.documentElement.dataset.state = "ready";
</script></body></html>"""

# The largest value Chromium stores for this origin, by bisection (in characters).
QUOTA_PROBE = """() => {
  let low = 0, high = 64 * 1024 * 1024;
  while (high - low > 1024) {
    const middle = Math.floor((low + high) / 2);
    try { localStorage.setItem("probe", "x".repeat(middle)); low = middle; } catch (e) { high = middle; }
    localStorage.removeItem("probe");
  }
  return low + "probe".length;
}"""


def in_browser(runs: int) -> tuple[dict, int]:
    sys.path.insert(0, str(ROOT))
    import build
    from playwright.sync_api import sync_playwright

    server, base = build.start_server({"/": build.DIST})
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=build.chromium_executable(), args=list(build.CHROMIUM_ARGS))
            page = browser.new_context().new_page()
            zip_name = next((build.DIST / "pyodide").glob("cercle-*.zip")).name
            page_text = PAGE % {"zip": zip_name, "mount": build.APP_MOUNT}
            page.route(base + "bench-storage.html", lambda route: route.fulfill(body=page_text, content_type="text/html"))
            page.goto(base + "bench-storage.html")
            page.wait_for_function("document.documentElement.dataset.state === 'ready'", timeout=120_000)
            granted = page.evaluate(QUOTA_PROBE)
            sources = {name: (ROOT / "bench" / f"{module}.py").read_text(encoding="utf-8") for name, module in (("history.py", "history"), ("bench_storage.py", "storage"))}
            found = page.evaluate(
                """async ({sources, runs}) => {
                  for (const [name, text] of Object.entries(sources)) pyodide.FS.writeFile("/home/pyodide/" + name, text);
                  return await pyodide.runPythonAsync(`import json, bench_storage; json.dumps(bench_storage.workloads(${runs}, True))`);
                }""",
                {"sources": sources, "runs": runs},
            )
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return json.loads(found), granted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    cpython = workloads(runs, browser=False)
    chromium, granted = in_browser(runs)

    print(f"Ten years of one group: {cpython['records']} records. Medians of {runs} runs.\n")
    print(f"What localStorage holds (characters; Chromium grants {granted:,} per origin here):")
    for layout, size in chromium["sizes"].items():
        print(f"  {layout:22} {size:>10,}  {size / QUOTA:6.1%} of 5 MB")
    print("\nThe save after one action (ms; in Chromium, writes to localStorage included):")
    print(f"  {'':22} {'CPython':>9} {'Chromium':>9}")
    for layout in cpython["save"]:
        print(f"  {layout:22} {cpython['save'][layout]:9.1f} {chromium['save'][layout]:9.1f}")
    print("\nLoad and merge (ms):")
    print(f"  {'':36} {'CPython':>9} {'Chromium':>9}")
    for name in cpython["timings"]:
        print(f"  {name:36} {cpython['timings'][name]:9.1f} {chromium['timings'][name]:9.1f}")
    share = chromium["sizes"]["compressed shards"] / QUOTA
    merge_ms = chromium["timings"]["merge two histories"]
    fits, fast = share <= TARGET_SHARE, merge_ms < TARGET_MERGE_MS
    print(f"\nTargets: stored history {share:.1%} of 5 MB (at most 33.3%): {'met' if fits else 'MISSED'}; "
          f"merge in Chromium {merge_ms:.0f} ms (under {TARGET_MERGE_MS} ms): {'met' if fast else 'MISSED'}.")  # fmt: skip
    return 0 if fits and fast else 1


if __name__ == "__main__":
    raise SystemExit(main())
