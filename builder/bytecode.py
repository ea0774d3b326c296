"""Compile: the Python archives' modules to bytecode, by Pyodide itself under Node.js."""

from __future__ import annotations

import hashlib
import inspect
import json
import shutil
from pathlib import Path

from builder.app_zip import APP_MOUNT
from builder.project import CACHE, ROOT, BuildError, run_quietly, sha256_of
from builder.runtime import STDLIB
from builder.zips import read_zip, write_wheel, write_zip

# Runs inside Pyodide, under Node.js, so the bytecode comes from the very interpreter that
# will run it. For each job, writes the unchecked-hash .pyc of every module of an archive:
# for a wheel, in __pycache__ beside the sources (kept, for tracebacks); for a zip imported
# in place (the standard library, the app), where each .py was, as zipimport wants it.
# The build then drops those zips' sources, as Pyodide's full distribution does for its
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
