"""Assemble dist/: fetch, compile, then lay out the runtime, PyScript, the app's zip, the page
and its assets, the service worker with its precache list, and the precompressed siblings."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on Windows: builds there are simply not serialised
    fcntl = None

from builder.app_zip import APP_MOUNT, app_archive, named_after_content
from builder.bytecode import with_bytecode
from builder.fetch import browser_wheels, npm_packages, wheel_project
from builder.icons import PNG_ICONS, ring_icon
from builder.page import (BOOT_SCRIPT, BUILD_MARKER, LAST_SCREEN_SCRIPT, PLUGINS_MARKER, PRELOADS_MARKER,
                          STARTUP_MARKER, preload_links, snapshot_id, startup_manifest, with_inline_hashes,
                          with_plugins)
from builder.precompress import PRECOMPRESSED, precompress
from builder.project import CACHE, DIST, ROOT, BuildError, prune_unused
from builder.pyscript_dist import copy_pyscript
from builder.snapshot import PYTHON_ENV, is_shipped_snapshot, shipped_name, shipped_snapshot
from builder.runtime import STDLIB, copy_pyodide, rewrite_lock, runtime_library, split_wheels, startup_projects
from builder.zips import with_stored_entries

IDIOMORPH = "idiomorph/dist/idiomorph.min.js"  # as published, minified (10 KB against 53)
# The service worker (assets/sw.js) goes to dist/'s root, whose folder is its scope, with the
# build's files and their hash written where this marker is (write_service_worker).
SERVICE_WORKER = "sw.js"
PRECACHE_MARKER = '/* build.py: precache */ { version: "source", files: [] }'


def build(target: Path = DIST, compressed: bool = True) -> Path:
    """Assemble dist/ (or `target`) in a temporary folder, then swap it in: a failed build
    leaves the previous one untouched. One build at a time (a lock in .cache/).
    `compressed=False`: the Python zips deflated and no precompressed siblings, as before
    `precompress` (the benchmark's throttled comparison)."""
    CACHE.mkdir(exist_ok=True)
    with open(CACHE / "build.lock", "w") as lock:
        if fcntl:
            fcntl.flock(lock, fcntl.LOCK_EX)
        return build_locked(target, compressed)


def build_locked(target: Path, compressed: bool) -> Path:
    modules = npm_packages()
    pyodide = modules / "pyodide"
    lock = json.loads((pyodide / "pyodide-lock.json").read_text())
    bundled, wheels = split_wheels(lock, browser_wheels())
    library = runtime_library(pyodide / STDLIB, bundled)
    library, app, *wheels = with_bytecode(pyodide, [library, app_archive(modules), *wheels])
    if compressed:
        library, app = with_stored_entries(library), with_stored_entries(app)
    app = named_after_content(app)
    startup = startup_projects(lock)  # read from Pyodide's own lock file, before it is cut down
    lock = rewrite_lock(lock, wheels, {wheel_project(wheel)[0] for wheel in bundled})
    packages = sorted(project for project in lock["packages"] if project in startup)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        try:
            assemble(staging, modules, library, app, wheels, lock, packages)
            if compressed:
                precompress(staging)
        except FileNotFoundError as error:
            raise BuildError(f"missing {error.filename}: restore it (git status shows what changed)") from None
        previous = target.with_name(f".{target.name}-previous")
        shutil.rmtree(previous, ignore_errors=True)
        if target.exists():
            target.rename(previous)
        staging.rename(target)
        prune_unused(CACHE / "stored")
        shutil.rmtree(previous, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def assemble(out: Path, modules: Path, library: Path, app: Path, wheels: list[Path], lock: dict,
             packages: list[str]) -> None:
    if re.search(r"^\s*\[?\s*js_modules", (ROOT / "pyscript.toml").read_text(), re.M):
        # PyScript registers them when its package's context module runs, which
        # lazy_package_init leaves until the package is first used.
        raise BuildError("pyscript.toml: js_modules would not be importable at start (see builder/pyscript_dist.py lazy_package_init)")
    shutil.copy2(ROOT / "pyscript.toml", out / "pyscript.toml")
    shutil.copytree(ROOT / "assets", out / "assets", ignore=shutil.ignore_patterns(SERVICE_WORKER))
    for name, (size, maskable) in PNG_ICONS.items():
        shutil.copy2(ring_icon(size, maskable), out / "assets" / name)
    vendor = out / "assets" / "vendor"
    vendor.mkdir(exist_ok=True)
    shutil.copy2(modules / IDIOMORPH, vendor / "idiomorph.min.js")
    copy_pyscript(modules / "@pyscript" / "core" / "dist", out / "pyscript")
    copy_pyodide(modules / "pyodide", library, [app, *wheels], lock, out / "pyodide")
    page = (ROOT / "index.html").read_text()
    for marker in (PRELOADS_MARKER, BOOT_SCRIPT, PLUGINS_MARKER):
        if marker not in page:
            raise BuildError(f"index.html: keep {marker} (build.py replaces it)")
    boot = (ROOT / "assets" / "boot.js").read_text()
    if STARTUP_MARKER not in boot:
        raise BuildError(f"assets/boot.js: keep `{STARTUP_MARKER}` (build.py writes what the page loads there)")
    snapshot = snapshot_id(out / "pyodide", app)
    shipped = shipped_snapshot(out / "pyodide", app, APP_MOUNT, shipped_name(snapshot))
    manifest = {**startup_manifest(app, packages), "env": PYTHON_ENV, "snapshot": snapshot, "shipped": shipped}
    boot = boot.replace(STARTUP_MARKER, json.dumps(manifest, indent=1))
    page = page.replace(BOOT_SCRIPT, f"<script>\n{boot}</script>").replace(PRELOADS_MARKER, preload_links(out))
    page = with_plugins(page)
    painter = (ROOT / "assets" / "last-screen.js").read_text()
    if LAST_SCREEN_SCRIPT not in page or BUILD_MARKER not in painter:
        raise BuildError(f"keep {LAST_SCREEN_SCRIPT} after <main> in index.html and `{BUILD_MARKER}` in it")
    page = page.replace(LAST_SCREEN_SCRIPT, f"<script>\n{painter.replace(BUILD_MARKER, json.dumps(app.stem))}</script>")
    (out / "index.html").write_text(with_inline_hashes(page))
    write_service_worker(out)


def write_service_worker(out: Path) -> None:
    """dist/sw.js: assets/sw.js with the list of every file of the build (but itself, the
    precompressed siblings, which the host hands out for their originals, the source maps,
    which only a developer's tools fetch, and the shipped memory snapshot, which only a
    first visit over a fast network fetches: a returning visit restores the one its own
    worker made, and 4 MB more at install would slow the first visit on a slow network)
    and a hash of their names and bytes, which names its cache: a new build is a new worker."""
    files = sorted(path.relative_to(out).as_posix() for path in out.rglob("*")
                   if path.is_file() and path.name != SERVICE_WORKER and path.suffix not in (*PRECOMPRESSED, ".map")
                   and not is_shipped_snapshot(path))
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256((out / name).read_bytes()).digest())
    worker = (ROOT / "assets" / SERVICE_WORKER).read_text()
    if PRECACHE_MARKER not in worker:
        raise BuildError(f"assets/{SERVICE_WORKER}: keep `{PRECACHE_MARKER}` (build.py writes the build's files there)")
    build = json.dumps({"version": digest.hexdigest()[:16], "files": files}, indent=1)
    (out / SERVICE_WORKER).write_text(worker.replace(PRECACHE_MARKER, build))
