"""The project's folders and requirement files, the one error the build raises, and the small
helpers every part uses (hashes, quiet subprocesses, atomic writes, cache pruning)."""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
# Resolved: Pyodide under Node.js (compile_with_pyodide) does not follow a symbolic link
# on its way to the host's files, and a work tree's .cache may link to another's.
CACHE = (ROOT / ".cache").resolve()
VENV = ROOT / ".venv"

BROWSER_REQUIREMENTS = ROOT / "requirements-browser.txt"
DEV_REQUIREMENTS = ROOT / "requirements-dev.txt"
BUILD_REQUIREMENTS = ROOT / "requirements-build.txt"


class BuildError(Exception):
    """A failure explained in one line: what went wrong and what to do."""


def sha256_of(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def integrity(data: bytes) -> str:
    """Subresource Integrity's form of a hash (`<script integrity>`, `fetch(url, {integrity})`):
    the browser refuses other bytes."""
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()


def run_quietly(command: list[str], cwd: Path, failure: str) -> None:
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BuildError(f"{failure}: {error}") from None
    if result.returncode != 0:
        lines = [line for line in (result.stderr + result.stdout).splitlines() if line.strip()]
        last = lines[-1].strip() if lines else f"exit code {result.returncode}"
        raise BuildError(f"{failure}: {last}")


def prune_unused(folder: Path, days: int = 7) -> None:
    """Forget what no build has used for `days` (by modification time, which each use
    touches): work trees share .cache, so one build's leftovers may be another's."""
    for entry in folder.iterdir() if folder.is_dir() else ():
        if time.time() - entry.stat().st_mtime > days * 86400:
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".partial")
    temporary.write_bytes(data)
    temporary.rename(path)
