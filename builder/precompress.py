"""The .br and .gz siblings of dist/'s files, which hosts send instead."""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
from pathlib import Path

from builder.fetch import build_packages
from builder.project import CACHE, prune_unused, write_atomically

PRECOMPRESSED = (".br", ".gz")  # siblings of dist/'s files, which hosts send instead (`precompress`)


def precompress(out: Path) -> None:
    """Beside each file of dist/, its .br (brotli, the best it does) and .gz (gzip -9)
    siblings, which a host sends instead to the browsers that accept them (README,
    "Precompressed files"; `build.py serve` does), where brotli saves a twentieth or more:
    not for the PNG icons or the wheels, deflated already. Cached in .cache/compressed by
    content: the runtime takes minutes to compress, once."""
    build_packages()
    import brotli

    folder = CACHE / "compressed"
    folder.mkdir(exist_ok=True)
    for path in sorted(p for p in out.rglob("*") if p.is_file() and p.suffix not in PRECOMPRESSED):
        data = path.read_bytes()
        key = hashlib.sha256(data).hexdigest()[:32]
        siblings = {".br": folder / f"{key}.br", ".gz": folder / f"{key}.gz"}
        if not all(cached.exists() for cached in siblings.values()):
            write_atomically(siblings[".gz"], gzip.compress(data, 9, mtime=0))
            write_atomically(siblings[".br"], brotli.compress(data, quality=11, lgwin=24))
        for cached in siblings.values():
            os.utime(cached)  # in use (prune_unused)
        # gzip's may not be larger either: it is, for a map of a few bytes (core.js.map).
        if siblings[".br"].stat().st_size <= 0.95 * len(data) and siblings[".gz"].stat().st_size < len(data):
            for suffix, cached in siblings.items():
                shutil.copy2(cached, path.with_name(path.name + suffix))
    prune_unused(folder)
