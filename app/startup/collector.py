"""Python's cycle collector, switched off while the first screen is built and on again once it is up.

The first screen's imports and render make thousands of objects that nearly all live on:
the collector ran twice during them, for 2 to 6 ms, and freed 9 objects (6 loads,
Chromium). The start (app/main.py) holds it off and turns it on once the page is ready
(app/web/startup/boot.py), or when the start ends in any other way.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def held_off() -> Iterator[None]:
    """The collector off for the block, on again after it, whatever happens in it."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def resume() -> None:
    """On again inside the block: the first screen is up, what follows makes garbage."""
    gc.enable()
