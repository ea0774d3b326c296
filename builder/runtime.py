"""Pyodide as dist/ ships it: the runtime's files, its standard library zip with the pure-Python
wheels the first screen needs, and its lock file cut down to the wheels shipped beside it."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from builder.fetch import normalize, wheel_project
from builder.project import CACHE, BuildError, sha256_of
from builder.zips import read_zip, write_zip

# What the page loads from the pyodide package (no CommonJS twin), with their source maps.
PYODIDE_RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
STDLIB = "python_stdlib.zip"
# What app/ imports as it starts, the first screen then pydantic (their own dependencies follow
# from the lock); the other wheels of requirements-browser.txt are loaded on demand.
APP_DEPENDS = ("pydantic",)


def copy_pyodide(source: Path, library: Path, files: list[Path], lock: dict, target: Path) -> None:
    """The runtime (with our library zip), then the app's zip, the wheels and libraries."""
    target.mkdir()
    for name in PYODIDE_RUNTIME:
        shutil.copy2(library if name == STDLIB else source / name, target / name)
        if (source / f"{name}.map").is_file():  # pyodide.mjs's (pyodide.asm.mjs ships none)
            shutil.copy2(source / f"{name}.map", target / f"{name}.map")
    for path in files:
        shutil.copy2(path, target / path.name)
    (target / "pyodide-lock.json").write_text(json.dumps(lock, indent=1))


def startup_projects(lock: dict) -> set[str]:
    """APP_DEPENDS and everything they depend on, after Pyodide's lock file."""
    needed, pending = set(), list(APP_DEPENDS)
    while pending:
        project = normalize(pending.pop())
        if project not in needed:
            needed.add(project)
            pending += lock["packages"].get(project, {}).get("depends", [])
    return needed


def split_wheels(lock: dict, wheels: list[Path]) -> tuple[list[Path], list[Path]]:
    """Pure-Python wheels that the app needs at start-up go into the runtime's library zip,
    beside the standard library: Python imports them from there in place, module by module,
    and nothing is unpacked. The others (with compiled code, like pydantic-core, or loaded
    on demand, like segno) stay wheels that Pyodide installs."""
    needed = startup_projects(lock)
    bundled = [w for w in wheels if wheel_project(w)[0] in needed and w.name.endswith("-py3-none-any.whl")]
    return bundled, [w for w in wheels if w not in bundled]


def runtime_library(stdlib: Path, bundled: list[Path]) -> Path:
    """Pyodide's python_stdlib.zip (on sys.path from the start) plus the bundled wheels'
    files, cached in .cache/library by content. Pyodide documents customising this zip."""
    digest = hashlib.sha256(sha256_of(stdlib, *bundled).encode())
    digest.update(" ".join(wheel.name for wheel in bundled).encode())
    library = CACHE / "library" / digest.hexdigest()[:16] / STDLIB
    if not library.exists():
        shutil.rmtree(library.parent.parent, ignore_errors=True)
        library.parent.mkdir(parents=True)
        files = read_zip(stdlib)
        for wheel in bundled:
            files += [entry for entry in read_zip(wheel) if not entry[0].endswith(".dist-info/RECORD")]
        write_zip(library, files)
    return library


def rewrite_lock(lock: dict, wheels: list[Path], bundled: set[str]) -> dict:
    """Pyodide's lock file, cut down to the wheels we ship and pointed at them (file name,
    version, real sha256), so Pyodide loads them without micropip and offline. Packages
    bundled in the library zip are already there: no entry, and nobody depends on them."""
    packages = {}
    for wheel in wheels:
        project, version = wheel_project(wheel)
        entry = lock["packages"].get(project) or pure_python_entry(wheel)
        depends = [dep for dep in entry["depends"] if normalize(dep) not in bundled]
        packages[project] = {**entry, "depends": depends, "file_name": wheel.name, "version": version,
                             "sha256": sha256_of(wheel)}
    for project, entry in packages.items():
        missing = [dep for dep in entry["depends"] if normalize(dep) not in packages]
        if missing:
            raise BuildError(f"requirements-browser.txt: {project} needs {', '.join(missing)}; pin it there")
    return {**lock, "packages": packages}


def pure_python_entry(wheel: Path) -> dict:
    """A lock entry for a pure-Python wheel that Pyodide does not know (segno): the app
    loads it on demand with pyodide.loadPackage, by name, hash-checked, never at start-up."""
    project, version = wheel_project(wheel)
    if not wheel.name.endswith("-py3-none-any.whl"):
        raise BuildError(f"{wheel.name}: Pyodide's pyodide-lock.json has no '{project}' entry to point at it")
    return {"name": project, "version": version, "file_name": wheel.name, "install_dir": "site",
            "package_type": "package", "imports": [project.replace("-", "_")], "depends": [],
            "unvendored_tests": False, "tool": {}}
