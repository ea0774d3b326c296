"""The web app manifest's PNG icons, drawn from assets/icon.svg's ring."""

from __future__ import annotations

import hashlib
import inspect
import math
import zlib
from pathlib import Path

from builder.project import CACHE

# The manifest's PNG icons (assets/manifest.webmanifest), drawn from icon.svg's ring: name ->
# (size in pixels, maskable: on a full background, inside the middle 80% that any mask keeps).
PNG_ICONS = {"icon-192.png": (192, False), "icon-512.png": (512, False), "icon-maskable-512.png": (512, True)}


def ring_icon(size: int, maskable: bool) -> Path:
    """assets/icon.svg's ring as a PNG of `size` pixels (cached in .cache/icons by recipe):
    the anti-aliased ring on a transparent ground, or, maskable, smaller on the page's
    background colour, so that a round or squircle mask never cuts it."""
    recipe = hashlib.sha256(inspect.getsource(ring_icon).encode() + f"{size} {maskable}".encode())
    icon = CACHE / "icons" / f"{recipe.hexdigest()[:16]}.png"
    if icon.exists():
        return icon
    ink, paper = (0x1F, 0x5F, 0x8B), (0xFD, 0xFC, 0xF8)  # icon.svg's stroke, app.css's --paper
    unit = size / 32 * (0.8 if maskable else 1)  # icon.svg: a 32-unit box, the ring from radius 10 to 14
    inner, outer, centre = 10 * unit, 14 * unit, size / 2
    rows = []
    for y in range(size):
        row = bytearray(b"\0")  # PNG filter: none
        for x in range(size):
            distance = math.hypot(x + 0.5 - centre, y + 0.5 - centre)
            cover = max(0.0, min(1.0, distance - inner + 0.5, outer - distance + 0.5))
            if maskable:
                row += bytes(round(p + (i - p) * cover) for i, p in zip(ink, paper)) + b"\xff"
            else:
                row += bytes(ink) + bytes((round(255 * cover),))
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = size.to_bytes(4, "big") * 2 + bytes((8, 6, 0, 0, 0))  # 8-bit RGBA
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
    icon.parent.mkdir(parents=True, exist_ok=True)
    icon.with_suffix(".partial").write_bytes(png)
    icon.with_suffix(".partial").rename(icon)
    return icon
