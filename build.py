#!/usr/bin/env python3
"""Build, serve, test and benchmark Cercle. Python 3.11+, its standard library, and brotli
(requirements-build.txt, which the build installs into .cache/ itself).

    python3 build.py                  build dist/ (a self-contained static site)
    python3 build.py serve [--port N] build, then serve dist/ at http://127.0.0.1:8000/
    python3 build.py test [ARGS...]   build, then run the whole pytest suite (ARGS go to pytest)
    python3 build.py bench [--runs N] build, then compare the app's start-up with bare Pyodide

Downloads (npm ci, pip download) land in .cache/ and are reused while package-lock.json and
requirements-browser.txt are unchanged, so a second build touches no network.

The work is done by the package builder/, one module per part (builder/__init__.py lists
them). The tests and benchmarks `import build` for the few names below: the build itself,
its folders, the static server and the Chromium they drive.
"""

import sys

from builder.app_zip import APP_MOUNT
from builder.assemble import build
from builder.cli import main
from builder.fetch import npm_packages
from builder.project import CACHE, DIST, ROOT, BuildError
from builder.run import CHROMIUM_ARGS, chromium_executable
from builder.serve import StaticHandler, start_server

__all__ = ["APP_MOUNT", "CACHE", "CHROMIUM_ARGS", "DIST", "ROOT", "BuildError", "StaticHandler", "build",
           "chromium_executable", "npm_packages", "start_server"]

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
