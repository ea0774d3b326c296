#!/usr/bin/env python3
"""Build, serve, test and benchmark Cercle. Python 3.11+, its standard library, and brotli
(requirements-build.txt, which the build installs into .cache/ itself).

    python3 build.py                  build dist/ (a self-contained static site)
    python3 build.py serve [--port N] build, then serve dist/ at http://127.0.0.1:8000/
    python3 build.py test [ARGS...]   build, then run the whole pytest suite (ARGS go to pytest)
    python3 build.py bench [--runs N] build, then compare the app's start-up with bare Pyodide

Downloads (npm ci, pip download) land in .cache/ and are reused while package-lock.json and
requirements-browser.txt are unchanged, so a second build touches no network.
"""

from __future__ import annotations

import argparse
import ast
import base64
import functools
import gzip
import hashlib
import http.server
import inspect
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import venv
import zipfile
import zlib
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on Windows: builds there are simply not serialised
    fcntl = None

ROOT = Path(__file__).resolve().parent
DIST = ROOT / "dist"
# Resolved: Pyodide under Node.js (compile_with_pyodide) does not follow a symbolic link
# on its way to the host's files, and a work tree's .cache may link to another's.
CACHE = (ROOT / ".cache").resolve()
VENV = ROOT / ".venv"
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",  # tests and CI run as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

BROWSER_REQUIREMENTS = ROOT / "requirements-browser.txt"
DEV_REQUIREMENTS = ROOT / "requirements-dev.txt"
BUILD_REQUIREMENTS = ROOT / "requirements-build.txt"
NPM_FILES = ("package.json", "package-lock.json")

# The wheels run in Pyodide 314: CPython 3.14 compiled to wasm32 with Emscripten.
WHEEL_TARGET = (
    "--platform", "pyemscripten_2026_0_wasm32", "--python-version", "3.14",
    "--implementation", "cp", "--abi", "cp314",
)
# What the page loads from the pyodide package (no source maps, no CommonJS twin).
PYODIDE_RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# PyScript chunks that core.js imports lazily and this page does use: the TOML parser for
# pyscript.toml, and the error plugin (still imported, to switch its on-page banner off).
PYSCRIPT_LAZY_CHUNKS = ("toml", "error")
IDIOMORPH = "idiomorph/dist/idiomorph.min.js"  # as published, minified (10 KB against 53)
PYSCRIPT_PACKAGE = "@pyscript/core/src/stdlib/pyscript"  # PyScript's Python package, as sources
# Where PyScript's bundle (core-*.js) writes that package at start: `write(".", {pyscript: {...}})`,
# followed by the import of the package (without_package_writes).
PYSCRIPT_PACKAGE_WRITES = re.compile(
    r'(?P<write>[\w$]+)\("\.",\{pyscript:\{.*?\}\}\),(?P<then>[\w$]+\.push\("import pyscript as _pyscript"\))', re.S)
# In that bundle, the function that builds the hooks of PyScript's workers as code, with
# Function(): it runs when PyScript starts, worker or not (without_worker_hooks).
PYSCRIPT_WORKER_HOOKS = re.compile(
    r'(?P<name>[\w$]+)=\(e,t\)=>\{const n=\[\.\.\.[\w$]+\(t\)\];if\(n\.length\)\{[^{}]*'
    r'(?:\{[^{}]*\}[^{}]*)*return Function\(`return\(w,x\)=>\(\$\{r\}\)\(w,x,\.\.\.\[\$\{s\}\]\)`\)\(\)\}\}')
# app/ ships as cercle-<content hash>.zip with its bytecode, which boot.js puts at APP_MOUNT in
# Pyodide's file system, first on sys.path: Python imports it in place, nothing is unpacked.
APP_ARCHIVE = "cercle"
APP_MOUNT = "/lib/cercle.zip"
SITE_PACKAGES = "/lib/python3.14/site-packages"  # where Pyodide installs wheels
# What app/ imports as it starts, the first screen then pydantic (their own dependencies follow
# from the lock); the other
# wheels of requirements-browser.txt are loaded on demand.
APP_DEPENDS = ("pydantic",)
PRELOADS_MARKER = "<!-- build.py: preload links -->"
BOOT_SCRIPT = '<script src="./assets/boot.js"></script>'  # inlined: it must run before any request
PLUGINS_MARKER = "<!-- build.py: pyscript.toml plugins -->"  # in <mpy-config>: the same plugins as Pyodide's
STARTUP_MARKER = "/* build.py: start-up */ null"
# Inlined too, after <main>: it paints the last screen the app stored, if this build stored it
# (the marker: the build's id, the app zip's name, which its content names).
LAST_SCREEN_SCRIPT = '<script src="./assets/last-screen.js"></script>'
BUILD_MARKER = '/* build.py: build */ "source"'
# In index.html's Content-Security-Policy: the hashes of its inline scripts and styles
# (`with_inline_hashes`).
INLINE_HASHES = "'inline-hashes'"  # in boot.js: what it loads, written by assemble()
# The service worker (assets/sw.js) goes to dist/'s root, whose folder is its scope, with the
# build's files and their hash written where this marker is (write_service_worker).
SERVICE_WORKER = "sw.js"
PRECACHE_MARKER = '/* build.py: precache */ { version: "source", files: [] }'
# The manifest's PNG icons (assets/manifest.webmanifest), drawn from icon.svg's ring: name ->
# (size in pixels, maskable: on a full background, inside the middle 80% that any mask keeps).
PNG_ICONS = {"icon-192.png": (192, False), "icon-512.png": (512, False), "icon-maskable-512.png": (512, True)}
# What a returning visit's memory snapshot depends on beside the runtime and the app (snapshot_id).
SNAPSHOT_SCRIPTS = ("boot.js", "snapshot.mjs")
PRECOMPRESSED = (".br", ".gz")  # siblings of dist/'s files, which hosts send instead (`precompress`)
SKIPPED_APP_FILES = re.compile(r"(^|/)(__pycache__(/|$)|\.)|\.py[co]$")

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".toml": "application/toml",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".py": "text/x-python",
    ".css": "text/css",
    ".html": "text/html",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".webmanifest": "application/manifest+json",
}


class BuildError(Exception):
    """A failure explained in one line: what went wrong and what to do."""


def sha256_of(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def run_quietly(command: list[str], cwd: Path, failure: str) -> None:
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BuildError(f"{failure}: {error}") from None
    if result.returncode != 0:
        lines = [line for line in (result.stderr + result.stdout).splitlines() if line.strip()]
        last = lines[-1].strip() if lines else f"exit code {result.returncode}"
        raise BuildError(f"{failure}: {last}")


# ---------------------------------------------------------------------------- downloads

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


# ---------------------------------------------------------------------------- the app's zip

def pyscript_package(modules: Path) -> dict[str, str]:
    """PyScript's Python package as the npm package ships it: module name -> source."""
    return {source.stem: source.read_text() for source in sorted((modules / PYSCRIPT_PACKAGE).glob("*.py"))}


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


LAZY_INIT = '''"""PyScript's `pyscript` package as Cercle ships it (build.py `lazy_package_init`): the
names of PyScript's own __init__.py, bound by its own import statements, in its order, when
the package is first used."""

import sys as _sys
import types as _types

_NAMES = frozenset({{{names}}})
_IMPORTS = {imports!r}
_loaded = False


def _load():
    global _loaded
    if not _loaded:
        _loaded = True
        exec(_IMPORTS, globals())  # every name bound here, as PyScript's own binds them


def __getattr__(name):
    _load()
    try:
        return globals()[name]
    except KeyError:
        raise AttributeError(f"module 'pyscript' has no attribute {{name!r}}") from None


def __dir__():
    _load()
    return sorted(globals())


class _Package(_types.ModuleType):
    def __setattr__(self, name, value):
        super().__setattr__(name, value)
        # A submodule imported first (`import pyscript.fetch`) binds its own name here,
        # where PyScript's __init__ binds the function of that name: bind those now.
        if name in _NAMES and not _loaded:
            _load()


_sys.modules[__name__].__class__ = _Package
'''


def lazy_package_init(source: str, package: dict[str, str] | None = None) -> str:
    """PyScript's `pyscript/__init__.py` made lazy (PEP 562): the same names, bound by the
    same import statements, run when one of them is first used instead of when PyScript
    imports the package before the page's script (which never uses them): display, fetch,
    storage, websocket, workers... about 50 ms of every start (bench/compare.py, 21
    alternating loads). It may only import names (under `if not RUNNING_IN_WORKER:` too),
    and the modules it imports (`package`: their sources by name) may not import names from
    the package at their top (a cycle that only the eager order resolves): anything else
    stops the build, to be looked at (tests/e2e/test_dist.py)."""
    names: list[str] = []
    statements: list[str] = []

    def take(node: ast.stmt) -> None:
        if isinstance(node, ast.ImportFrom) and node.level == 0 and all(a.name != "*" for a in node.names):
            names.extend(alias.asname or alias.name for alias in node.names)
        elif not (isinstance(node, ast.If) and ast.unparse(node.test) == "not RUNNING_IN_WORKER" and not node.orelse):
            raise BuildError(f"{PYSCRIPT_PACKAGE}/__init__.py does more than import names "
                             f"(line {node.lineno}): update build.py `lazy_package_init`")
        for child in node.body if isinstance(node, ast.If) else ():
            take(child)

    for node in ast.parse(source).body:
        if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):  # the docstring
            take(node)
            statements.append(ast.unparse(node))
    for module in {node.module for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)}:
        text = (package or {}).get(module.removeprefix("pyscript."), "") if module.startswith("pyscript.") else ""
        for node in ast.parse(text).body:
            if isinstance(node, ast.ImportFrom) and node.module == "pyscript":
                raise BuildError(f"{PYSCRIPT_PACKAGE}/{module.removeprefix('pyscript.')}.py imports from the package "
                                 f"at its top (line {node.lineno}): update build.py `lazy_package_init`")
    return LAZY_INIT.format(names=", ".join(repr(name) for name in sorted(names)), imports="\n".join(statements) + "\n")


def named_after_content(archive: Path) -> Path:
    """A copy of the app's zip named after its bytes, bytecode included (which may differ
    between two builds of the same sources): a host or browser cache can never hand out
    a stale one against a fresh page, whose hash check (Subresource Integrity) it would fail."""
    named = archive.with_name(f"{APP_ARCHIVE}-{sha256_of(archive)[:12]}.zip")
    if not named.exists():
        shutil.copy2(archive, named)
    return named


def write_wheel(path: Path, files: list[tuple[str, bytes]], record: str) -> None:
    """A reproducible wheel: fixed timestamps, and a RECORD of every file's hash."""
    lines = []
    for name, data in files:
        encoded = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        lines.append(f"{name},sha256={encoded},{len(data)}")
    lines.append(f"{record},,")
    write_zip(path, [*files, (record, ("\n".join(lines) + "\n").encode())])


def write_zip(path: Path, files: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> None:
    """A reproducible zip (fixed timestamps), written whole or not at all."""
    temporary = path.with_suffix(".partial")
    with zipfile.ZipFile(temporary, "w", method) as archive:
        for name, data in files:
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data,
                             zipfile.ZIP_STORED if name.endswith("/") else method)
    temporary.rename(path)


def with_stored_entries(archive: Path) -> Path:
    """The zip again, its entries stored rather than deflated (cached in .cache/stored by
    content). On the wire, brotli then compresses the whole of it, across files, instead of
    deflate's file by file: the library zip takes 3425 KiB instead of 5387, the app's 276
    instead of 422 (README, "Precompressed files"); and Python reads its modules without
    inflating them."""
    stored = CACHE / "stored" / sha256_of(archive)[:16] / archive.name
    if not stored.exists():
        stored.parent.mkdir(parents=True, exist_ok=True)
        write_zip(stored, read_zip(archive), zipfile.ZIP_STORED)
    os.utime(stored.parent)  # in use (prune_unused)
    return stored


def read_zip(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


# ---------------------------------------------------------------------------- bytecode

# Runs inside Pyodide, under Node.js, so the bytecode comes from the very interpreter that
# will run it. For each job, writes the unchecked-hash .pyc of every module of an archive:
# for a wheel, in __pycache__ beside the sources (kept, for tracebacks); for a zip imported
# in place (the standard library, the app), where each .py was, as zipimport wants it.
# build.py then drops those zips' sources, as Pyodide's full distribution does for its
# standard library: the app's would be 28% of its zip (170 KB of 620), read only to show
# a line of code in a traceback, which still names the file and the line. Pyodide's npm
# package ships its standard library as sources only: without this, every module the app
# imports is compiled in the browser, at every start.
COMPILE_PY = """
import importlib.util, json, marshal, os, sys, sysconfig, zipfile
from pathlib import PurePosixPath

prefixes = {
    "wheel": sysconfig.get_paths()["purelib"] + "/",
    "stdlib": next(path for path in sys.path if path.endswith(".zip")) + "/",
    "app": APP_MOUNT + "/",
}
for job in json.loads(open("/host" + JOBS).read()):
    with zipfile.ZipFile("/host" + job["source"]) as archive:
        for name in archive.namelist():
            if not name.endswith(".py"):
                continue
            data = archive.read(name)
            try:
                code = compile(data, prefixes[job["kind"]] + name, "exec", dont_inherit=True)
            except SyntaxError:
                continue  # test data of the standard library: stays as it is
            path = PurePosixPath(name)
            if job["kind"] in ("stdlib", "app"):
                pyc = path.with_suffix(".pyc")
            else:
                pyc = path.parent / "__pycache__" / f"{path.stem}.{sys.implementation.cache_tag}.pyc"
            out = f"/host{job['target']}/{pyc}"
            os.makedirs(os.path.dirname(out), exist_ok=True)
            header = importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little") + importlib.util.source_hash(data)
            with open(out, "wb") as file:
                file.write(header + marshal.dumps(code))
"""

COMPILE_MJS = """
const [pyodideModule, jobs, script, appMount] = process.argv.slice(2);
const { loadPyodide } = await import(pyodideModule);
const pyodide = await loadPyodide();
pyodide.FS.mkdirTree("/host");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: "/" }, "/host");
pyodide.globals.set("JOBS", jobs);
pyodide.globals.set("APP_MOUNT", appMount);
pyodide.runPython(pyodide.FS.readFile("/host" + script, { encoding: "utf8" }));
"""
STDLIB = "python_stdlib.zip"


def archive_kind(archive: Path) -> str:
    if archive.name == STDLIB:
        return "stdlib"
    return "app" if archive.suffix == ".zip" else "wheel"


def with_bytecode(pyodide: Path, archives: list[Path]) -> list[Path]:
    """The archives (wheels, the app's zip and Pyodide's standard library) with the bytecode
    of their modules (see COMPILE_PY), cached in .cache/pyc by content: Pyodide under
    Node.js only starts when one changed (usually the app's zip: about 3 s)."""
    folder = CACHE / "pyc"
    how = COMPILE_PY + COMPILE_MJS + APP_MOUNT + inspect.getsource(compile_with_pyodide)  # what it writes, how
    recipe = hashlib.sha256(how.encode() + sha256_of(ROOT / "package-lock.json").encode())
    targets = {}
    for archive in archives:
        key = hashlib.sha256(recipe.digest() + sha256_of(archive).encode()).hexdigest()[:16]
        targets[archive] = folder / key / archive.name
    missing = {archive: target for archive, target in targets.items() if not target.exists()}
    if missing:
        compile_with_pyodide(pyodide, missing)
    used = {target.parent for target in targets.values()}
    for stale in folder.iterdir():
        if stale not in used:
            shutil.rmtree(stale, ignore_errors=True)
    return list(targets.values())


def compile_with_pyodide(pyodide: Path, jobs: dict[Path, Path]) -> None:
    node = shutil.which("node")
    if not node:
        raise BuildError("node not found: install Node.js (Debian: apt-get install nodejs), then retry")
    work = CACHE / "pyc" / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (work / "compile.py").write_text(COMPILE_PY)
    (work / "compile.mjs").write_text(COMPILE_MJS)
    (work / "jobs.json").write_text(json.dumps([
        {"source": str(source), "target": str(work / source.name), "kind": archive_kind(source)}
        for source in jobs
    ]))
    print(f"build: compiling Python bytecode with Pyodide for {', '.join(s.name for s in jobs)}", flush=True)
    run_quietly(
        [node, str(work / "compile.mjs"), (pyodide / "pyodide.mjs").as_uri(),
         str(work / "jobs.json"), str(work / "compile.py"), APP_MOUNT],
        work, "compiling Python with Pyodide under Node.js failed (a syntax error in app/?)",
    )
    for source, target in jobs.items():
        compiled = work / source.name
        bytecode = [(path.relative_to(compiled).as_posix(), path.read_bytes()) for path in sorted(compiled.rglob("*.pyc"))]
        files = read_zip(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        if archive_kind(source) in ("stdlib", "app"):
            replaced = {name[:-1] for name, _ in bytecode}
            write_zip(target, [*(entry for entry in files if entry[0] not in replaced), *bytecode])
        else:
            record = next(name for name, _ in files if name.endswith(".dist-info/RECORD"))
            write_wheel(target, [*(entry for entry in files if entry[0] != record), *bytecode], record)
    shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------------------- assembly

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
        raise BuildError("pyscript.toml: js_modules would not be importable at start (see build.py lazy_package_init)")
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
    manifest = {**startup_manifest(app, packages), "snapshot": snapshot_id(out / "pyodide", app)}
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
    """dist/sw.js: assets/sw.js with the list of every file of the build (but itself and the
    precompressed siblings, which the host hands out for their originals) and a hash of
    their names and bytes, which names its cache: a new build is a new worker."""
    files = sorted(path.relative_to(out).as_posix() for path in out.rglob("*")
                   if path.is_file() and path.name != SERVICE_WORKER and path.suffix not in PRECOMPRESSED)
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256((out / name).read_bytes()).digest())
    worker = (ROOT / "assets" / SERVICE_WORKER).read_text()
    if PRECACHE_MARKER not in worker:
        raise BuildError(f"assets/{SERVICE_WORKER}: keep `{PRECACHE_MARKER}` (build.py writes the build's files there)")
    build = json.dumps({"version": digest.hexdigest()[:16], "files": files}, indent=1)
    (out / SERVICE_WORKER).write_text(worker.replace(PRECACHE_MARKER, build))


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
        if siblings[".br"].stat().st_size <= 0.95 * len(data):
            for suffix, cached in siblings.items():
                shutil.copy2(cached, path.with_name(path.name + suffix))
    prune_unused(folder)


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


def with_plugins(page: str) -> str:
    """index.html's <mpy-config> with the plugins of pyscript.toml: PyScript reads one list for
    each interpreter, and the two must agree (the page never runs MicroPython)."""
    plugins = tomllib.loads((ROOT / "pyscript.toml").read_text())["plugins"]
    return page.replace(PLUGINS_MARKER, json.dumps({"plugins": plugins}))


def with_inline_hashes(page: str) -> str:
    """The page's Content-Security-Policy allows its own inline scripts and styles (boot.js,
    which build.py inlines so that it runs before any request; two one-liners; the
    <noscript> style) by their hashes, and nothing else inline: the browser runs no script
    that someone managed to slip into the page. PyScript's `<script type="py">` is not
    JavaScript: the browser does not run it, so it takes no hash. The style of a summary's
    standalone page too (`summary_style`): the print window that the page writes it into
    keeps the page's policy."""
    if page.count(INLINE_HASHES) != 2:
        raise BuildError(f"index.html: keep {INLINE_HASHES} in script-src and style-src of its Content-Security-Policy")

    def hashes(tag: str, *more: str) -> str:
        bodies = re.findall(rf"<{tag}(?![^>]*\b(?:src|type=\"py\"))[^>]*>(.*?)</{tag}>", page, re.S)
        return " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
                        for body in dict.fromkeys([*bodies, *more]))

    scripts, styles = hashes("script"), hashes("style", summary_style())
    return page.replace(INLINE_HASHES, scripts, 1).replace(INLINE_HASHES, styles, 1)  # script-src, then style-src


def summary_style() -> str:
    """The inline style of the summary's standalone page (`CSS` in app/summary/render.py),
    read from the source: importing that module would need pydantic, which the build's
    Python may not have."""
    source = ROOT / "app" / "summary" / "render.py"
    for node in ast.parse(source.read_text()).body:
        if (isinstance(node, ast.Assign) and [ast.unparse(target) for target in node.targets] == ["CSS"]
                and isinstance(node.value, ast.Call) and node.value.args and isinstance(node.value.args[0], ast.Constant)):
            return node.value.args[0].value
    raise BuildError("app/summary/render.py: build.py reads `CSS = Markup(\"\"\"...\"\"\")` there (summary_style)")


def startup_manifest(app: Path, packages: list[str]) -> dict:
    """What boot.js loads beside the interpreter: the packages Pyodide installs once the
    first screen is up (app/web/startup/checks.py; from the lock file, hash-checked by Pyodide,
    their wheels fetched then: see `preload_links`), and the app's zip with the hash the
    browser checks (Subresource Integrity) and where it goes in Pyodide's file system."""
    integrity = "sha256-" + base64.b64encode(hashlib.sha256(app.read_bytes()).digest()).decode()
    return {"packages": packages, "app": {"url": f"./pyodide/{app.name}", "path": APP_MOUNT, "integrity": integrity}}


def snapshot_id(runtime: Path, app: Path) -> str:
    """The id under which a returning visit's memory snapshot is stored (assets/boot.js): a
    hash of what its bytes depend on, the runtime, the app's zip and the scripts that make
    and restore it. A snapshot of another build is never looked up (and Pyodide itself
    refuses one of another runtime: its BUILD_ID)."""
    scripts = [ROOT / "assets" / name for name in SNAPSHOT_SCRIPTS]
    return sha256_of(*(runtime / name for name in PYODIDE_RUNTIME), app, *scripts)[:16]


def preload_links(out: Path) -> str:
    """<link rel=preload> for what the page will load after a chain of scripts, so the
    browser fetches it all at once while it parses the page. boot.js fetches the app's zip
    itself, first thing. The wheels installed after the first screen are not fetched
    before: during the boot, their 1.5 MB slowed the runtime's own download and
    compilation, and once it had booted, the first screen (README, "Start-up benchmark")."""
    def link(path: Path, kind: str) -> str:
        extra = ' as="fetch" crossorigin' if kind == "preload" else ""
        return f'<link rel="{kind}" href="./{path.relative_to(out).as_posix()}"{extra}>'

    runtime = out / "pyodide"
    links = [link(runtime / "pyodide.asm.mjs", "modulepreload")]
    links += [link(runtime / name, "preload") for name in ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")]
    links += [link(path, "modulepreload") for path in sorted((out / "pyscript").glob("*.js"))]
    links.append(link(out / "pyscript.toml", "preload"))
    return "\n  ".join(links)


def copy_pyscript(source: Path, target: Path) -> None:
    """Copy core.js and the chunks it reaches: static imports, plus the lazy chunks that
    this page uses (PYSCRIPT_LAZY_CHUNKS); editors, terminals and the like stay out."""
    target.mkdir()
    pending, seen = ["core.js"], set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        text = (source / name).read_text()
        shutil.copy2(source / name, target / name)
        if re.fullmatch(r"core-[\w-]+\.js", name):  # the bundle (core.js only imports it)
            (target / name).write_text(without_worker_hooks(without_package_writes(text)))
        static = re.findall(r'(?:from|import)\s*"\./([\w.-]+\.js)"', text)
        lazy = re.findall(r'import\(\s*"\./([\w.-]+\.js)"\s*\)', text)
        pending += static
        pending += [chunk for chunk in lazy if chunk.rsplit("-", 1)[0] in PYSCRIPT_LAZY_CHUNKS]


def without_package_writes(bundle: str) -> str:
    """PyScript's bundle holds its Python package as sources, which it writes to the working
    directory at every start (a Python program of ~32 KB that `pathlib` runs) before it
    imports it. The app's zip, first on sys.path, already holds that package as bytecode
    (`app_archive`), so the page leaves the package out of the bundle: PyScript then
    writes nothing and imports the zip's. The bundle is pinned in package-lock.json; if
    another version no longer matches, the build stops rather than ship it unchanged.
    (PyScript's workers would need the written package: this page starts none.)"""
    found = PYSCRIPT_PACKAGE_WRITES.findall(bundle)
    if len(found) != 1:
        raise BuildError("PyScript's bundle no longer writes its package as build.py expects "
                         "(PYSCRIPT_PACKAGE_WRITES): check without_package_writes against this @pyscript/core")
    return PYSCRIPT_PACKAGE_WRITES.sub(r'\g<write>(".",{}),\g<then>', bundle)


def without_worker_hooks(bundle: str) -> str:
    """PyScript's bundle builds the hooks of its workers as code, `Function(...)`, as soon
    as it starts, worker or not: the page's Content-Security-Policy, which allows no
    'unsafe-eval', stops it there, and PyScript with it. The page starts no PyScript
    worker, so the page's copy builds none (the build stops if a new @pyscript/core no
    longer matches PYSCRIPT_WORKER_HOOKS)."""
    found = PYSCRIPT_WORKER_HOOKS.findall(bundle)
    if len(found) != 1:
        raise BuildError("PyScript's bundle no longer builds its worker hooks as build.py expects "
                         "(PYSCRIPT_WORKER_HOOKS): check without_worker_hooks against this @pyscript/core")
    return PYSCRIPT_WORKER_HOOKS.sub(r"\g<name>=()=>{}", bundle)


def copy_pyodide(source: Path, library: Path, files: list[Path], lock: dict, target: Path) -> None:
    """The runtime (with our library zip), then the app's zip, the wheels and libraries."""
    target.mkdir()
    for name in PYODIDE_RUNTIME:
        shutil.copy2(library if name == STDLIB else source / name, target / name)
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


# ---------------------------------------------------------------------------- serving

class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves folders under URL prefixes ("mounts"), with the MIME types a host must send,
    the precompressed siblings to browsers that accept them (`precompress`), and no caching
    so that a reload picks up a fresh build."""

    mounts: dict[str, Path] = {}
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    varies = False  # the response depends on Accept-Encoding

    def send_head(self):
        """A file's .br or .gz sibling, when there is one and the request accepts it, with
        the original's type; otherwise as SimpleHTTPRequestHandler does."""
        self.varies = False
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        accepted = {part.split(";")[0].strip() for part in self.headers.get("Accept-Encoding", "").split(",")
                    if not re.search(r";\s*q=0(\.0*)?\s*$", part)}
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            sibling = path.with_name(path.name + suffix)
            if not sibling.is_file():
                continue
            self.varies = True
            if encoding in accepted:
                file = open(sibling, "rb")
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Content-Length", str(os.fstat(file.fileno()).st_size))
                self.end_headers()
                return file
        return super().send_head()

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        for prefix in sorted(self.mounts, key=len, reverse=True):
            if path.startswith(prefix):
                self.directory = str(self.mounts[prefix])
                return super().translate_path("/" + path[len(prefix):])
        return str(Path(self.mounts["/"]) / "\0missing")

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        if self.varies:
            self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        if os.environ.get("CERCLE_SERVER_LOG"):
            super().log_message(format, *args)


def make_server(mounts: dict[str, Path], port: int = 0, host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    """A static server (port 0 picks a free one). Mounts map URL prefixes ending in '/' to
    folders, e.g. {"/": dist, "/some/sub/path/": dist}."""
    handler = type("Handler", (StaticHandler,), {"mounts": dict(mounts)})
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(mounts["/"])))
    server.daemon_threads = True
    return server


def start_server(mounts: dict[str, Path], port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve in a background thread; returns the server and its base URL."""
    server = make_server(mounts, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def serve(port: int) -> None:
    build()
    try:
        server = make_server({"/": DIST}, port)
    except OSError as error:
        raise BuildError(f"cannot listen on 127.0.0.1:{port} ({error.strerror}): try --port N") from None
    print(f"Cercle is served at http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print()
    finally:
        server.server_close()


# ---------------------------------------------------------------------------- tests, bench

def venv_python() -> Path:
    """.venv with requirements-dev.txt installed (reinstalled when that file changes)."""
    python = VENV / "bin" / "python"
    stamp = VENV / "requirements-dev.sha256"
    wanted = sha256_of(DEV_REQUIREMENTS)
    if python.exists() and stamp.is_file() and stamp.read_text() == wanted:
        return python
    if not python.exists():
        print("build: creating .venv", flush=True)
        try:
            venv.create(VENV, with_pip=True)
        except (OSError, subprocess.CalledProcessError) as error:
            raise BuildError(f"cannot create .venv ({error}): install venv support (Debian: apt-get install python3-venv)") from None
    print("build: installing requirements-dev.txt into .venv", flush=True)
    run_quietly(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--requirement", str(DEV_REQUIREMENTS)],
        ROOT, "pip install of requirements-dev.txt failed (check the network, then retry)",
    )
    stamp.write_text(wanted)
    return python


def chromium_executable() -> str | None:
    """The Chromium for tests and benchmarks; None means Playwright's own."""
    if os.environ.get("CERCLE_CHROMIUM"):
        return os.environ["CERCLE_CHROMIUM"]
    return str(SYSTEM_CHROMIUM) if SYSTEM_CHROMIUM.exists() else None


def ensure_chromium(python: Path) -> None:
    """Without a system Chromium, let Playwright download its own (once)."""
    if chromium_executable() is None:
        run_quietly(
            [str(python), "-m", "playwright", "install", "chromium"], ROOT,
            "no Chromium: install one (Debian: apt-get install chromium), or let `playwright install chromium` download it",
        )


def test(pytest_args: list[str]) -> int:
    python = venv_python()
    ensure_chromium(python)
    build()
    return subprocess.call([str(python), "-m", "pytest", "--cov", "--cov-report=term-missing", *pytest_args], cwd=ROOT)


def bench(bench_args: list[str]) -> int:
    python = venv_python()
    ensure_chromium(python)
    build()
    return subprocess.call([str(python), str(ROOT / "bench" / "startup.py"), *bench_args], cwd=ROOT)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("build", help="build dist/ (the default)")
    serving = commands.add_parser("serve", help="build, then serve dist/ on 127.0.0.1")
    serving.add_argument("--port", type=int, default=8000)
    commands.add_parser("test", help="build, then run pytest (extra arguments go to pytest)", add_help=False)
    commands.add_parser("bench", help="build, then measure start-up against bare Pyodide", add_help=False)
    if argv[:1] in (["test"], ["bench"]):
        args, rest = parser.parse_args(argv[:1]), argv[1:]
    else:
        args, rest = parser.parse_args(argv), []
    try:
        if args.command == "serve":
            serve(args.port)
        elif args.command == "test":
            return test(rest)
        elif args.command == "bench":
            return bench(rest)
        else:
            build()
            print(f"build: {DIST.relative_to(ROOT)}/ is ready")
    except BuildError as error:
        print(f"build.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
