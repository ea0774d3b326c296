"""Hybrid logical clock stamps and random ids.

A stamp orders every change a device makes after every change it has seen, even when wall
clocks disagree a little, so merging by "later stamp wins" respects causality.

A stamp has one shape, `STAMP`: 15 digits of epoch milliseconds, a dot, a 6-digit counter
(empty for a record never stamped). Stamps are compared as numbers (`stamp_key`), never as
text, and never leave that shape: a clock at the last millisecond it can write stays there.
A stamp further ahead of this device's clock than `AHEAD_MS` is refused at import
(app/sync/merge.py `preview`), so that no file can move every clock to a far future.
"""

from __future__ import annotations

import base64
import os

from functools import lru_cache

COUNTER_LIMIT = 10**6
# Stamps end where dates do (app/dates.py, LAST_YEAR): 2108-01-01T00:00Z. Bounded, a stamp
# keeps its width however far a clock jumps, so that text order stays the clock order.
LAST_WALL_MS = 4_354_819_200_000
WALL = 15  # digits of wall milliseconds, then a dot and 6 of counter
WALL_LIMIT = LAST_WALL_MS + 1  # next_stamp never writes a wall beyond LAST_WALL_MS
STAMP = r"^([0-9]{15}\.[0-9]{6})?$"  # the shape; is_stamp also bounds it
AHEAD_MS = 24 * 3600 * 1000  # a day: far more than two devices' clocks disagree


def format_stamp(wall_ms: int, counter: int) -> str:
    return f"{wall_ms:015d}.{counter:06d}"


LAST_STAMP = format_stamp(LAST_WALL_MS, COUNTER_LIMIT - 1)
STAMP_LENGTH = len(LAST_STAMP)


def is_stamp(text: str) -> bool:
    """Whether `text` has the one shape of a stamp ("" is no stamp yet): 15 digits of wall
    milliseconds up to LAST_WALL_MS, a dot, 6 digits of counter. Fixed width, so text order
    is number order, and the bound is one comparison."""
    return not text or (len(text) == STAMP_LENGTH and text <= LAST_STAMP and text.isascii() and text[WALL] == "."
                        and text[:WALL].isdigit() and text[WALL + 1 :].isdigit())


def parse_stamp(stamp: str) -> tuple[int, int]:
    if not stamp:
        return 0, 0
    wall, _, counter = stamp.partition(".")
    return int(wall), int(counter or 0)


@lru_cache(maxsize=4096)
def stamp_key(stamp: str) -> tuple[int, int]:
    """A stamp's place in time, as numbers; an empty stamp (never stamped) comes first."""
    return parse_stamp(stamp) if stamp else (-1, 0)


def next_stamp(last: str, now_ms: int) -> str:
    """The stamp for a new local change, after `last` (the latest stamp seen or made), and
    of the one shape even at the end of time."""
    wall, counter = parse_stamp(last)
    if WALL_LIMIT > now_ms > wall:
        return format_stamp(now_ms, 0)
    if counter + 1 < COUNTER_LIMIT:
        return format_stamp(wall, counter + 1)
    if wall + 1 < WALL_LIMIT:
        return format_stamp(wall + 1, 0)
    return format_stamp(wall, counter)


def new_id() -> str:
    """A random record id: 16 bytes of entropy, URL-safe."""
    return _token(16)


def new_device_id() -> str:
    return "d-" + _token(9)


def _token(size: int) -> str:
    """`size` random bytes in URL-safe base64: what `secrets.token_urlsafe` does, without
    importing `secrets` (it pulls in hmac and random: 10 ms of the browser's start)."""
    return base64.urlsafe_b64encode(os.urandom(size)).rstrip(b"=").decode("ascii")
