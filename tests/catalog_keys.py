"""The message keys a set of source files uses, for the catalog tests of each domain."""

from __future__ import annotations

import re
from pathlib import Path

PLURAL_FORMS = ("zero", "one", "many")  # View.plural: one message per form


def keys_in(sources: list[Path], prefixes: str) -> set[str]:
    """Keys written as string literals starting with one of `prefixes` (a regex
    alternation); a key given to `plural(...)` stands for its three forms."""
    key = rf"""["']((?:{prefixes})(?:\.[a-z0-9_]+)+)["']"""
    literal, plural = re.compile(key), re.compile(rf"plural\(\s*{key}")
    keys: set[str] = set()
    for path in sources:
        source = path.read_text(encoding="utf-8")
        counted = set(plural.findall(source))
        keys |= set(literal.findall(source)) - counted
        keys |= {f"{k}.{form}" for k in counted for form in PLURAL_FORMS}
    return keys
