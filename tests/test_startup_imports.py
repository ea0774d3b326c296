"""Start-up imports only what the first screen needs (README: "How the page starts", "What the app does for it").

Every module imported before the page is ready costs its import in Pyodide at every load:
the engine's actions, the built-in protocols, the commands, the summaries and the file
encryption come after the first screen (app/startup/warmup.py, or on first use)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.sync import shards
from app.views import NEED_PYDANTIC, SCREENS
from app.views.routes import Route
from app.web.commands import MODULES
from support.halfday import half_day
from support.room import Room

ROOT = Path(__file__).resolve().parents[1]
NOT_AT_START_UP = ("app.actions", "app.library", "app.sync.envelope", "app.summary.summaries", "app.summary.calendar", "app.summary.share", "app.web.commands.")

# A fresh interpreter reads the stored workspace and renders the screen of the route, as
# app/web/startup/boot.py does before pydantic is loaded (minus the browser), then lists the modules it
# imported.
# Standard-library modules that the first screen does without (app/markup.py,
# app/views/context.py): importing them cost about 12 and 15 ms in the browser.
HEAVY = ("html", "html.entities", "urllib.parse", "ipaddress")

RENDER = """
import json, sys
from app.sync import shards
from app.views.routes import Route
from app.web.app import App, Effects

painted = []
effects = Effects(paint=lambda markup, lang: painted.append(markup), save=lambda ws: None,
                  now=lambda: 1_780_000_000_000, today=lambda: "2026-12-01", navigate=lambda href: None)
ws = shards.read_unchecked(json.loads(sys.stdin.read()))
assert ws is not None, "the unchecked reading refused what the app stored"
App(ws, Route.parse(sys.argv[1]), effects).render()
assert painted, "nothing painted"
print(" ".join(name for name in sys.modules if name.startswith(("app", "pydantic", "annotated_types"))))
"""


def _first_screen(route: str, room: Room) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", RENDER, route], input=json.dumps(shards.items(room.ws)),
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    return result.stdout.split()


@pytest.mark.parametrize("route", ["", "#/session?id=s-1", "#/group?id=g-1"])
def test_the_first_screen_imports_no_engine_protocols_commands_or_summaries(route):
    room = Room()
    room.group()
    room.session()
    imported = _first_screen(route, room)
    assert "app.views.home" in imported or route, imported
    assert [name for name in imported if name.startswith(NOT_AT_START_UP)] == []
    assert _heavy_imports([name for name in imported if name.startswith("app")]) == []


def _heavy_imports(modules: list[str]) -> list[str]:
    """Where these modules import one of HEAVY (read from their sources: under CPython
    3.11, pathlib itself imports urllib.parse)."""
    found = []
    for module in modules:
        path = ROOT / Path(*module.split("."))
        source = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
        for node in ast.walk(ast.parse(source.read_text())):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            found += [f"{module}: {name}" for name in names if name in HEAVY or name.startswith(("html.", "urllib"))]
    return found


SCREENS_OF_A_HALF_DAY = ["", "#/group?id=g-1", "#/setup?group=g-1", "#/session?id=s-1", "#/presentation",
                         "#/history?id=g-1", "#/transfer", "#/session?id=nowhere", "#/no-such-screen"]


@pytest.mark.parametrize("route", SCREENS_OF_A_HALF_DAY)
def test_every_screen_but_the_summaries_renders_from_stored_data_without_pydantic(route):
    """What lets the first screen paint before pydantic loads (app/web/startup/checks.py): only the
    screens in NEED_PYDANTIC wait for it."""
    assert Route.parse(route).screen not in NEED_PYDANTIC
    imported = _first_screen(route, half_day())
    assert [name for name in imported if name.startswith(("pydantic", "annotated_types"))] == [], route


def test_the_screens_that_wait_for_pydantic_need_it():
    assert NEED_PYDANTIC <= set(SCREENS)
    imported = _first_screen("#/summaries?id=s-1", half_day())
    assert "pydantic" in imported


# The same for the browser shell: the modules app/main.py and the boot's start() import,
# with `js` and `pyodide` replaced by stubs (only their import is checked here, not what
# they do).
SHELL = """
import ast, importlib, sys, types
from unittest import mock

for name in ("js", "pyodide", "pyodide.ffi"):
    stub = types.ModuleType(name)
    stub.__getattr__ = lambda attribute: mock.MagicMock()
    sys.modules[name] = stub
start = next(node for node in ast.parse(open("app/web/startup/boot.py").read()).body if getattr(node, "name", "") == "start")
for node in [*ast.parse(open("app/main.py").read()).body, *ast.walk(start)]:
    if isinstance(node, ast.ImportFrom) and node.module.startswith("app"):
        for alias in node.names:
            try:  # `from app.web import shell`: a module
                importlib.import_module(f"{node.module}.{alias.name}")
            except ModuleNotFoundError:  # `from app.model import Workspace`: a name
                importlib.import_module(node.module)
print(" ".join(name for name in sys.modules if name.startswith("app")))
"""


def test_the_shell_imports_no_engine_protocols_commands_or_summaries_at_start_up():
    result = subprocess.run([sys.executable, "-c", SHELL], capture_output=True, text=True, cwd=ROOT, check=True)
    imported = result.stdout.split()
    assert "app.web.storage" in imported and "app.web.events" in imported, imported
    assert [name for name in imported if name.startswith(NOT_AT_START_UP)] == [], (
        "import these inside the function that needs them, or in the idle warm-up (app/startup/warmup.py)")


def test_every_command_is_named_with_its_module():
    """`run()` imports a command's module from MODULES: a command missing there would be
    refused until something else imported its module."""
    registered = {}
    for path in sorted((ROOT / "app" / "web" / "commands").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef):
                for decorator in node.decorator_list:
                    if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "command":
                        registered[decorator.args[0].value] = path.stem
    assert registered == MODULES


# What a returning visit's memory snapshot holds (app/startup/first_screen.py): imported in a
# fresh interpreter where any import of the browser's modules fails, as it must in the
# worker that makes the snapshot (no JavaScript object may be held by Python then).
SNAPSHOT = """
import sys
for name in ("js", "pyodide", "pyodide.ffi", "pyscript"):
    sys.modules[name] = None  # `import js` raises ImportError
import app.startup.first_screen
app.startup.first_screen.import_all()
print(" ".join(name for name in sys.modules if name.startswith(("app", "pydantic", "annotated_types"))))
"""


def test_the_snapshot_imports_the_first_screens_modules_and_no_browser_object():
    result = subprocess.run([sys.executable, "-c", SNAPSHOT], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    held = set(result.stdout.split())
    room = Room()
    room.group()
    room.session()
    first_screens = {name for route in ("", "#/session?id=s-1", "#/group?id=g-1") for name in _first_screen(route, room)}
    assert first_screens <= held, sorted(first_screens - held)
    assert [name for name in held - {"app.startup", "app.startup.first_screen"} if name not in first_screens] == [], (
        "the snapshot holds only what the first screen imports")


def test_a_restored_snapshot_draws_other_random_numbers_than_the_snapshot_would():
    import random

    import app.startup.first_screen

    app.startup.first_screen.import_all()
    state = random.getstate()
    replayed = random.random()
    random.setstate(state)  # as a restore finds it: the state the snapshot was taken with
    app.startup.first_screen.restored()
    assert random.random() != replayed
