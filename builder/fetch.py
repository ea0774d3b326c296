"""Fetch what the build ships and uses: npm packages (Pyodide, PyScript, idiomorph, axe-core),
the wheels Pyodide loads (pip download, hash-pinned), and the build's own Python packages
(brotli), each cached in .cache/ and fetched again only when its pins change."""

from __future__ import annotations

import hashlib
import re
import shutil
import sys
import tempfile
from pathlib import Path

from builder.project import BROWSER_REQUIREMENTS, BUILD_REQUIREMENTS, CACHE, ROOT, BuildError, run_quietly, sha256_of

NPM_FILES = ("package.json", "package-lock.json")

# The wheels run in Pyodide 314: CPython 3.14 compiled to wasm32 with Emscripten.
WHEEL_TARGET = (
    "--platform", "pyemscripten_2026_0_wasm32", "--python-version", "3.14",
    "--implementation", "cp", "--abi", "cp314",
)


def npm_packages() -> Path:
    """node_modules installed by `npm ci` from the committed lock, cached in .cache/npm."""
    folder = CACHE / "npm"
    stamp = folder / "installed.sha256"
    wanted = sha256_of(*(ROOT / name for name in NPM_FILES))
    if stamp.is_file() and stamp.read_text() == wanted and (folder / "node_modules").is_dir():
        return folder / "node_modules"
    npm = shutil.which("npm")
    if not npm:
        raise BuildError("npm not found: install Node.js with npm (Debian: apt-get install nodejs npm), then retry")
    folder.mkdir(parents=True, exist_ok=True)
    stamp.unlink(missing_ok=True)
    for name in NPM_FILES:
        shutil.copy2(ROOT / name, folder / name)
    print("build: npm ci (first build or package-lock.json changed)", flush=True)
    run_quietly(
        [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
        folder, "npm ci failed (check the network and the npm registry, then retry)",
    )
    stamp.write_text(wanted)
    return folder / "node_modules"


def pinned_wheels() -> dict[str, str]:
    """Project name -> sha256, from requirements-browser.txt (every line pins a hash)."""
    pins = {}
    for line in BROWSER_REQUIREMENTS.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9._-]+)==(\S+)\s+--hash=sha256:([0-9a-f]{64})", line)
        if not match:
            raise BuildError(f"requirements-browser.txt: write 'name==version --hash=sha256:HEX', not {line!r}")
        pins[normalize(match[1])] = match[3]
    return pins


def normalize(project: str) -> str:
    return re.sub(r"[-_.]+", "-", project).lower()


def wheel_project(wheel: Path) -> tuple[str, str]:
    name, version = wheel.name.split("-")[:2]
    return normalize(name), version


def browser_wheels() -> list[Path]:
    """The wheels Pyodide loads, downloaded by pip into .cache/wheels and checked against
    the hashes pinned in requirements-browser.txt on every build."""
    folder = CACHE / "wheels"
    pins = pinned_wheels()
    wheels = sorted(folder.glob("*.whl")) if folder.is_dir() else []
    if {wheel_project(w)[0] for w in wheels} != set(pins):
        wheels = download_wheels(folder)
    for wheel in wheels:
        project = wheel_project(wheel)[0]
        if sha256_of(wheel) != pins.get(project):
            wheel.unlink()
            raise BuildError(f"hash mismatch for {wheel.name} (removed from .cache/wheels): retry; if it persists, check requirements-browser.txt")
    return wheels


def download_wheels(folder: Path) -> list[Path]:
    print("build: pip download (first build or requirements-browser.txt changed)", flush=True)
    CACHE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as temporary:
        run_quietly(
            [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
             "--no-deps", "--only-binary=:all:", *WHEEL_TARGET, "--dest", temporary,
             "--requirement", str(BROWSER_REQUIREMENTS)],
            ROOT, "pip download of requirements-browser.txt failed (network, or a hash mismatch; needs pip: apt-get install python3-pip)",
        )
        shutil.rmtree(folder, ignore_errors=True)
        shutil.move(temporary, folder)
    return sorted(folder.glob("*.whl"))


def build_packages() -> Path:
    """requirements-build.txt installed by pip for the Python running build.py, into
    .cache/build-python (pip install --target: no venv, nothing system-wide), once per
    version of that file and of Python; put on sys.path."""
    key = hashlib.sha256(BUILD_REQUIREMENTS.read_bytes() + sys.version.encode()).hexdigest()[:16]
    folder = CACHE / "build-python" / key
    if not folder.is_dir():
        print("build: pip install requirements-build.txt (first build or that file changed)", flush=True)
        shutil.rmtree(folder.parent, ignore_errors=True)
        folder.parent.mkdir(parents=True)
        with tempfile.TemporaryDirectory(dir=folder.parent) as temporary:
            run_quietly(
                [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                 "--target", temporary, "--requirement", str(BUILD_REQUIREMENTS)],
                ROOT, "pip install of requirements-build.txt failed (network; needs pip: apt-get install python3-pip)",
            )
            shutil.move(temporary, folder)
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    return folder
