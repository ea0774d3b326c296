"""The functional core stays pure (DESIGN.md §4): only the shell (app/web/, app/main.py)
imports the browser (`js`, `pyodide`, `pyscript`). Read from the sources, so that a lazy
import inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"
BROWSER = ("js", "pyodide", "pyscript")


def imported(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_no_core_module_imports_the_browser():
    core = [p for p in sorted(APP.rglob("*.py")) if p.relative_to(APP).parts[0] != "web" and p.name != "main.py"]
    assert len(core) > 30 and APP / "sync" / "merge.py" in core
    offending = {
        str(path.relative_to(APP)): sorted(name for name in imported(path) if name.split(".")[0] in BROWSER)
        for path in core
    }
    assert {path: names for path, names in offending.items() if names} == {}


def test_the_check_sees_the_shells_imports():
    assert "js" in imported(APP / "web" / "startup" / "boot.py") and "js" in imported(APP / "web" / "shell.py")
