"""The app's zip: app/ (its modules, its catalogs as JSON) and PyScript's Python package,
which Python imports in place (zipimport)."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from builder.project import CACHE, ROOT, BuildError, sha256_of
from builder.pyscript_dist import lazy_package_init, pyscript_package
from builder.zips import write_zip

# app/ ships as cercle-<content hash>.zip with its bytecode, which boot.js puts at APP_MOUNT in
# Pyodide's file system, first on sys.path: Python imports it in place, nothing is unpacked.
APP_ARCHIVE = "cercle"
APP_MOUNT = "/lib/cercle.zip"
SKIPPED_APP_FILES = re.compile(r"(^|/)(__pycache__(/|$)|\.)|\.py[co]$")


def app_archive(modules: Path) -> Path:
    """app/ (code and locales) as one zip, which Python imports in place (zipimport) once
    boot.js has put it on sys.path. Named here after its sources (the bytecode cache's key);
    dist/ gets it named after its final bytes (`named_after_content`).

    It also holds PyScript's own Python package (`pyscript`, from the npm package's
    sources), so that it is imported as bytecode too, and PyScript's bundle is left without
    it (`without_package_writes`); the zip comes first on sys.path (tests/e2e/test_dist.py
    checks both are the same modules). Its `__init__` imports its submodules on first use
    (`lazy_package_init`). `with_bytecode` then compiles it all and keeps the bytecode only."""
    files = []
    for source in sorted((ROOT / "app").rglob("*")):
        relative = source.relative_to(ROOT).as_posix()
        if source.is_file() and not SKIPPED_APP_FILES.search(relative):
            files.append((relative, source.read_bytes()))
    if not any(name == "app/main.py" for name, _ in files):
        raise BuildError("app/main.py is missing: it is the entry point the page imports")
    # The interface catalogs as one JSON file per language (app.i18n.catalog reads them),
    # instead of the .po files that it would parse at every start.
    from app.i18n import compiled_catalogs

    sources = dict(files)
    catalogs = compiled_catalogs(lambda path: sources[f"app/{path}"].decode("utf-8"))
    files = [(name, data) for name, data in files if not name.endswith(".po")]
    files += [(f"app/{path}", data) for path, data in catalogs.items()]
    package = pyscript_package(modules)
    for name, text in package.items():
        if name == "__init__":
            text = lazy_package_init(text, package)
        files.append((f"pyscript/{name}.py", text.encode()))
    digest = hashlib.sha256()
    for name, data in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    folder = CACHE / "app"
    archive = folder / f"{APP_ARCHIVE}-{digest.hexdigest()[:12]}.zip"
    if not archive.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        write_zip(archive, files)
    return archive


def named_after_content(archive: Path) -> Path:
    """A copy of the app's zip named after its bytes, bytecode included (which may differ
    between two builds of the same sources): a host or browser cache can never hand out
    a stale one against a fresh page, whose hash check (Subresource Integrity) it would fail."""
    named = archive.with_name(f"{APP_ARCHIVE}-{sha256_of(archive)[:12]}.zip")
    if not named.exists():
        shutil.copy2(archive, named)
    return named
