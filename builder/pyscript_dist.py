"""PyScript as dist/ ships it: core.js and the chunks this page uses, its bundle without the
package writes and the worker hooks, and its Python package with a lazy __init__."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

from builder.project import BuildError
from builder.sourcemaps import shifted

# PyScript chunks that core.js imports lazily and this page does use: the TOML parser for
# pyscript.toml, and the error plugin (still imported, to switch its on-page banner off).
PYSCRIPT_LAZY_CHUNKS = ("toml", "error")
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


def pyscript_package(modules: Path) -> dict[str, str]:
    """PyScript's Python package as the npm package ships it: module name -> source."""
    return {source.stem: source.read_text() for source in sorted((modules / PYSCRIPT_PACKAGE).glob("*.py"))}


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
    alternating loads; on 2026-12-03, machine loaded, PyScript as published against both
    changes: +4, +257, +58, +212 and -8 ms run by run, docs/startup.md). It may only import names
    (under `if not RUNNING_IN_WORKER:` too), and the modules it imports (`package`: their
    sources by name) may not import names from the package at their top (a cycle that only
    the eager order resolves): anything else stops the build, to be looked at
    (tests/e2e/test_dist.py)."""
    names: list[str] = []
    statements: list[str] = []

    def take(node: ast.stmt) -> None:
        if isinstance(node, ast.ImportFrom) and node.level == 0 and all(a.name != "*" for a in node.names):
            names.extend(alias.asname or alias.name for alias in node.names)
        elif not (isinstance(node, ast.If) and ast.unparse(node.test) == "not RUNNING_IN_WORKER" and not node.orelse):
            raise BuildError(f"{PYSCRIPT_PACKAGE}/__init__.py does more than import names "
                             f"(line {node.lineno}): update builder/pyscript_dist.py `lazy_package_init`")
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
                                 f"at its top (line {node.lineno}): update builder/pyscript_dist.py `lazy_package_init`")
    return LAZY_INIT.format(names=", ".join(repr(name) for name in sorted(names)), imports="\n".join(statements) + "\n")


def copy_pyscript(source: Path, target: Path) -> None:
    """Copy core.js and the chunks it reaches, each with its source map: static imports, plus
    the lazy chunks that this page uses (PYSCRIPT_LAZY_CHUNKS); editors, terminals and the
    like stay out. The bundle goes through `BUNDLE_EDITS`, its map shifted to match."""
    target.mkdir()
    pending, seen = ["core.js"], set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        text = (source / name).read_text()
        shutil.copy2(source / name, target / name)
        source_map = source / f"{name}.map"
        if source_map.is_file():
            shutil.copy2(source_map, target / source_map.name)
        if re.fullmatch(r"core-[\w-]+\.js", name):  # the bundle (core.js only imports it)
            edited, mapping = text, source_map.read_text() if source_map.is_file() else None
            for edit in BUNDLE_EDITS:
                before, edited = edited, edit(edited)
                if mapping:
                    mapping = shifted(mapping, before, edited)
            (target / name).write_text(edited)
            if mapping:
                (target / source_map.name).write_text(mapping)
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
    (PyScript's workers would need the written package: this page starts none.)
    Gain, with `lazy_package_init`, against PyScript as published (bench/pyscript_patches.py,
    2026-12-03, quiet machine, 21 alternating loads): 206 ms to ready, run by run (quartiles
    43 to 302), 133 ms from the interpreter booted; this edit alone, 120 ms (docs/startup.md)."""
    found = PYSCRIPT_PACKAGE_WRITES.findall(bundle)
    if len(found) != 1:
        raise BuildError("PyScript's bundle no longer writes its package as the build expects "
                         "(PYSCRIPT_PACKAGE_WRITES): check builder/pyscript_dist.py without_package_writes against this @pyscript/core")
    return PYSCRIPT_PACKAGE_WRITES.sub(r'\g<write>(".",{}),\g<then>', bundle)


def without_worker_hooks(bundle: str) -> str:
    """PyScript's bundle builds the hooks of its workers as code, `Function(...)`, as soon
    as it starts, worker or not: the page's Content-Security-Policy, which allows no
    'unsafe-eval', stops it there, and PyScript with it. The page starts no PyScript
    worker, so the page's copy builds none (the build stops if a new @pyscript/core no
    longer matches PYSCRIPT_WORKER_HOOKS)."""
    found = PYSCRIPT_WORKER_HOOKS.findall(bundle)
    if len(found) != 1:
        raise BuildError("PyScript's bundle no longer builds its worker hooks as the build expects "
                         "(PYSCRIPT_WORKER_HOOKS): check builder/pyscript_dist.py without_worker_hooks against this @pyscript/core")
    return PYSCRIPT_WORKER_HOOKS.sub(r"\g<name>=()=>{}", bundle)


# What dist/'s copy of PyScript's bundle leaves out, in this order.
BUNDLE_EDITS = (without_package_writes, without_worker_hooks)
