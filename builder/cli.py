"""The commands of `python3 build.py`: build (the default), serve, test, bench."""

from __future__ import annotations

import argparse
import sys

from builder.assemble import build
from builder.project import DIST, ROOT, BuildError
from builder.run import bench, test
from builder.serve import serve

DESCRIPTION = """Build, serve, test and benchmark Cercle. Python 3.11+, its standard library, and brotli
(requirements-build.txt, which the build installs into .cache/ itself)."""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("build", help="build dist/ (the default)")
    serving = commands.add_parser("serve", help="build, then serve dist/ on 127.0.0.1")
    serving.add_argument("--port", type=int, default=8000)
    commands.add_parser("test", help="build, then run pytest (extra arguments go to pytest)", add_help=False)
    commands.add_parser("bench", help="build, then measure start-up against bare Pyodide", add_help=False)
    if argv[:1] in (["test"], ["bench"]):
        args, rest = parser.parse_args(argv[:1]), argv[1:]
    else:
        args, rest = parser.parse_args(argv), []
    try:
        if args.command == "serve":
            serve(args.port)
        elif args.command == "test":
            return test(rest)
        elif args.command == "bench":
            return bench(rest)
        else:
            build()
            print(f"build: {DIST.relative_to(ROOT)}/ is ready")
    except BuildError as error:
        print(f"build.py: {error}", file=sys.stderr)
        return 1
    return 0
