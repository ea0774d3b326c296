"""Cercle's entry point: PyScript runs `run()` once Python is up in the page (index.html).

The start itself is the start-up room, app/web/startup/ (the browser's half, from
`boot.start`) and app/startup/ (the pure half); docs/startup.md gives its order.
"""

import sys
import traceback

from app.startup import collector
from app.web.startup import boot


async def run() -> None:
    """What index.html runs (`await app.main.run()`, in PyScript's top-level await): the
    start, with the cycle collector held off until the first screen is up
    (app/startup/collector.py), and any failure shown instead of a page that spins."""
    with collector.held_off():
        try:
            await boot.start()
        except Exception as error:
            detail = traceback.format_exc()
            print(detail, file=sys.stderr)
            boot.fail(error, detail)
