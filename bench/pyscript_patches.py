"""What the build's changes to PyScript gain at start-up: dist/ against the same app built
without them, side by side in one run (bench/compare.py: alternating, fresh contexts).

    python3 build.py && .venv/bin/python bench/pyscript_patches.py [--runs N]

(patched) dist/ as built: PyScript's bundle leaves its Python package out
(builder/pyscript_dist.py `without_package_writes`), the app's zip holds that package as
bytecode with a lazy __init__ (`lazy_package_init`);
(writes) the bundle as published, which writes the package's sources at every start (the
zip's copy, first on sys.path, is still the one imported);
(published) that, and no package in the app's zip: PyScript as published, which imports
the package it wrote, compiled in the browser, with its own __init__.
All three keep `without_worker_hooks`, without which the page's policy stops PyScript.
Prints the medians and, against (patched), the run-by-run differences.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import build  # noqa: E402
from builder import app_zip, pyscript_dist  # noqa: E402
from compare import compare, report  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description="Cercle with and without its changes to PyScript: time to ready")
    parser.add_argument("--runs", type=int, default=9, help="loads of each build (default 9)")
    args = parser.parse_args()
    if args.runs < 2:
        parser.error("--runs: at least 2 (the run-by-run differences' quartiles)")
    if not (build.DIST / "index.html").is_file():
        parser.error("run `python3 build.py` first")
    with tempfile.TemporaryDirectory(prefix="cercle-bench-") as scratch:
        builds = {"patched": build.DIST}
        # (BUNDLE_EDITS holds the functions themselves: patching the name alone changes nothing.)
        with mock.patch.object(pyscript_dist, "BUNDLE_EDITS", (pyscript_dist.without_worker_hooks,)):
            print("bench: building the app with PyScript's bundle writing its package", flush=True)
            builds["writes"] = build.build(Path(scratch) / "writes")
            with mock.patch.object(app_zip, "pyscript_package", lambda modules: {}):
                print("bench: building the app without PyScript's package in its zip", flush=True)
                builds["published"] = build.build(Path(scratch) / "published")
        report(*compare(builds, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
