"""The memory snapshot that dist/ ships for first visits: Pyodide booted with the first
screen's modules imported, made at build time under Node.js by the same code as the page's
worker (assets/snapshot-make.mjs). A first visit over a fast network restores it instead of
booting Python (assets/boot.js; docs/startup.md, "The shipped snapshot")."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from builder.project import CACHE, ROOT, BuildError, integrity, prune_unused, sha256_of, write_atomically
from builder.runtime import PYODIDE_RUNTIME, STDLIB



def shipped_name(snapshot_id: str) -> str:
    """The shipped snapshot's file in dist/pyodide/: named after the build's snapshot id."""
    return f"snapshot-{snapshot_id}.bin"


def is_shipped_snapshot(path: Path) -> bool:
    return path.parent.name == "pyodide" and re.fullmatch(r"snapshot-[0-9a-f]+\.bin", path.name) is not None

MAKERS = (ROOT / "builder" / "snapshot.mjs", ROOT / "assets" / "snapshot-make.mjs")
# What Python finds in os.environ, in the page and in the snapshot alike (assets/boot.js).
PYTHON_ENV = {"PYDANTIC_DISABLE_PLUGINS": "__all__"}  # no scan of installed packages for plugins


# What Pyodide is given as its standard library when it restores the shipped snapshot: an
# empty zip (its end record alone), replaced by the real one once Python is up (boot.js
# `installStdlib`), so that the first visit does not wait for it.
PENDING_STDLIB = "python_stdlib.pending.zip"
EMPTY_ZIP = b"PK\x05\x06" + bytes(18)


def shipped_snapshot(runtime: Path, app: Path, mount: str, name: str) -> dict[str, object]:
    """Writes `runtime`/`name`, the snapshot of this runtime and app's zip (made once for
    them and cached in .cache/snapshot: its bytes differ from one making to the next, as
    Python draws its hash seed at each boot), and returns what boot.js needs to fetch and
    restore it: its address and hash, the empty zip Pyodide takes as its standard library
    meanwhile, and the real one's address and hash."""
    key = sha256_of(*(runtime / part for part in PYODIDE_RUNTIME), app, *MAKERS)[:24] + hashlib.sha256(
        json.dumps([mount, PYTHON_ENV]).encode()).hexdigest()[:8]
    folder = CACHE / "snapshot"
    folder.mkdir(exist_ok=True)
    cached = folder / f"{key}.bin"
    if not cached.exists():
        node = shutil.which("node")
        if not node:
            raise BuildError("node not found: install Node.js (Debian: apt-get install nodejs npm), then retry")
        with tempfile.TemporaryDirectory() as scratch:
            out = Path(scratch) / "snapshot.bin"
            result = subprocess.run(
                [node, str(MAKERS[0]), str(runtime / "pyodide.mjs"), str(app), mount, json.dumps(PYTHON_ENV), str(out)],
                capture_output=True, text=True)
            if result.returncode != 0 or not out.is_file():
                last = (result.stderr.strip().splitlines() or [f"exit code {result.returncode}"])[-1]
                raise BuildError(f"the shipped memory snapshot could not be made (builder/snapshot.mjs): {last}")
            write_atomically(cached, out.read_bytes())
    cached.touch()  # in use (prune_unused)
    prune_unused(folder)
    data = cached.read_bytes()
    shutil.copy2(cached, runtime / name)
    (runtime / PENDING_STDLIB).write_bytes(EMPTY_ZIP)
    return {
        "url": f"./pyodide/{name}",
        "integrity": integrity(data),
        "pending": f"./pyodide/{PENDING_STDLIB}",
        "stdlib": {"url": f"./pyodide/{STDLIB}", "integrity": integrity((runtime / STDLIB).read_bytes())},
    }
