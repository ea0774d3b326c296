"""The .br and .gz siblings of dist/'s files, which hosts send instead."""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
from pathlib import Path

from builder.fetch import build_packages
from builder.project import CACHE, prune_unused, write_atomically
from builder.snapshot import is_shipped_snapshot

PRECOMPRESSED = (".br", ".gz")  # siblings of dist/'s files, which hosts send instead (`precompress`)


# The memory snapshot that dist/ ships (builder/snapshot.py) is made afresh whenever the app
# changes, and brotli's best (11) takes 38 s on its 30 MB against 5 s at 9, for a file a
# tenth larger (3.6 against 4.1 MB; measured 2026-12-03).
SNAPSHOT_QUALITY = 9


def siblings(data: bytes, quality: int = 11) -> dict[str, Path]:
    """The .br and .gz of `data`, made once and cached in .cache/compressed by content."""
    build_packages()
    import brotli

    folder = CACHE / "compressed"
    folder.mkdir(exist_ok=True)
    key = hashlib.sha256(data).hexdigest()[:32] + ("" if quality == 11 else f"-q{quality}")
    made = {".br": folder / f"{key}.br", ".gz": folder / f"{key}.gz"}
    if not all(cached.exists() for cached in made.values()):
        write_atomically(made[".gz"], gzip.compress(data, 9, mtime=0))
        write_atomically(made[".br"], brotli.compress(data, quality=quality, lgwin=24))
    for cached in made.values():
        os.utime(cached)  # in use (prune_unused)
    return made


def precompress(out: Path) -> None:
    """Beside each file of dist/, its .br (brotli, the best it does but for the snapshot) and
    .gz (gzip -9) siblings, which a host sends instead to the browsers that accept them
    (README, "Precompressed files"; `build.py serve` does), where brotli saves a twentieth
    or more: not for the PNG icons or the wheels, deflated already. Cached in
    .cache/compressed by content: the runtime takes minutes to compress, once."""
    for path in sorted(p for p in out.rglob("*") if p.is_file() and p.suffix not in PRECOMPRESSED):
        data = path.read_bytes()
        made = siblings(data, SNAPSHOT_QUALITY if is_shipped_snapshot(path) else 11)
        # gzip's may not be larger either: it is, for a map of a few bytes (core.js.map).
        if made[".br"].stat().st_size <= 0.95 * len(data) and made[".gz"].stat().st_size < len(data):
            for suffix, cached in made.items():
                shutil.copy2(cached, path.with_name(path.name + suffix))
    prune_unused(CACHE / "compressed")
