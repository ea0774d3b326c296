"""Two or more builds of the app side by side: time to ready, alternating, fresh contexts.

    .venv/bin/python bench/compare.py NAME=FOLDER NAME=FOLDER ... [--runs N]

Each FOLDER is a built dist/ (for instance, one built from an older commit in a git
worktree, `python3 build.py` there, and the current one); each is served under /NAME/ and
loaded in turn, the order alternating from run to run, each load in a fresh browser context,
until <html data-app-state="ready">. Prints the median and fastest time of each: the way to
tell whether a change to start-up helps, on machines too noisy for two separate runs.

Each build is served from a copy whose boot.js marks when the interpreter has booted (as
bench/timeline.py does), so it also prints the median time from there to ready, measured
within each load: what the app and PyScript do once Python is up, without the boot's own
noise (hundreds of ms from one load to the next here, against tens for that part). And each
build against the first, run by run: the median and quartiles of the differences.
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
from startup import load  # noqa: E402
from timeline import EDITS, edit_page  # noqa: E402

BOOTED = EDITS[0]  # (what boot.js says, with the mark "interpreter booted")
AFTER_BOOT = """() => {
  const booted = performance.getEntriesByName("interpreter booted")[0];
  return booted ? window.__started.at - booted.startTime : null;
}"""


def marked(build_folder: Path, copy: Path) -> Path:
    """A copy of a build whose page marks when the interpreter has booted (unchanged if
    its boot.js is older than the mark's place)."""
    shutil.copytree(build_folder, copy)
    if BOOTED[0] in (copy / "index.html").read_text():
        edit_page(copy, (BOOTED,))
    return copy


def compare(builds: dict[str, Path], runs: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Each build loaded `runs` times, alternating the order, after one uncounted round:
    the times to ready, and from the interpreter booted to ready, by build, run by run."""
    times: dict[str, list[float]] = {name: [] for name in builds}
    after_boot: dict[str, list[float]] = {name: [] for name in builds}
    with tempfile.TemporaryDirectory() as scratch:
        copies = {f"/{name}/": marked(Path(folder), Path(scratch) / name) for name, folder in builds.items()}
        server, base = build.start_server({"/": build.DIST, **copies})
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=build.chromium_executable(), args=list(build.CHROMIUM_ARGS))
            for run in range(runs + 1):  # the first round warms the OS file cache: not counted
                for name in builds if run % 2 == 0 else reversed(builds):
                    started = load(browser, f"{base}{name}/", measure=AFTER_BOOT)
                    if run:
                        times[name].append(started["at"])
                        if started["measured"] is not None:
                            after_boot[name].append(started["measured"])
            browser.close()
        server.shutdown()
    return times, after_boot


def spread(values: list[float]) -> str:
    first, median, third = statistics.quantiles(values, n=4, method="inclusive")
    return f"median {median:+5.0f} ms, quartiles {first:+5.0f} to {third:+5.0f} ms"


def report(times: dict[str, list[float]], after_boot: dict[str, list[float]]) -> None:
    """Medians and fastest of each build; then each build against the first, run by run
    (loads seconds apart, so the machine's drift over minutes weighs less)."""
    print(f"Time to ready, {len(next(iter(times.values())))} alternating loads each:")
    for name, found in times.items():
        since = f"   from the interpreter booted: median {statistics.median(after_boot[name]):6.0f} ms" if after_boot[name] else ""
        print(f"  {name:12s} median {statistics.median(found):7.0f} ms   fastest {min(found):7.0f} ms{since}")
    first, *others = times
    for name in others:
        print(f"{name} - {first}, run by run: to ready {spread([b - a for a, b in zip(times[first], times[name])])}")
        if len(after_boot[name]) == len(after_boot[first]) == len(times[name]):
            pairs = zip(after_boot[first], after_boot[name])
            print(f"{' ' * len(f'{name} - {first}, run by run:')} from the interpreter booted {spread([b - a for a, b in pairs])}")


def main() -> int:
    parser = argparse.ArgumentParser(description="Builds of Cercle side by side: time to ready")
    parser.add_argument("builds", nargs="+", metavar="NAME=FOLDER", help="a name and a built dist/ folder")
    parser.add_argument("--runs", type=int, default=11, help="loads of each build (default 11)")
    args = parser.parse_args()
    if args.runs < 2:
        parser.error("--runs: at least 2 (the run-by-run differences' quartiles)")
    builds = dict(item.split("=", 1) for item in args.builds)
    for name, folder in builds.items():
        if not (Path(folder) / "index.html").is_file():
            parser.error(f"{name}: {folder} holds no built page (index.html)")
    report(*compare({name: Path(folder) for name, folder in builds.items()}, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
