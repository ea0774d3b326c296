"""Facts written in two places that must agree, checked where they are written."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from builder.page import with_plugins

ROOT = Path(__file__).resolve().parent.parent


def pins(name: str) -> dict[str, str]:
    found = {}
    for line in (ROOT / name).read_text().splitlines():
        pinned = re.match(r"^([A-Za-z0-9_.-]+)==([^\s;]+)", line)
        if pinned:
            found[pinned[1].lower().replace("_", "-")] = pinned[2]
    return found


def test_the_browser_and_the_tests_run_the_same_pydantic():
    browser, tests = pins("requirements-browser.txt"), pins("requirements-dev.txt")
    for package in ("pydantic", "pydantic-core"):
        assert package in browser and browser[package] == tests.get(package), package


def test_pyscript_plugins_are_written_once_and_the_page_gets_them():
    plugins = tomllib.loads((ROOT / "pyscript.toml").read_text())["plugins"]
    source = (ROOT / "index.html").read_text()
    assert not any(plugin in source for plugin in plugins), "index.html keeps no list of its own"
    config = re.search(r"<mpy-config>(.*?)</mpy-config>", with_plugins(source), re.S)
    assert config and json.loads(config[1]) == {"plugins": plugins}
