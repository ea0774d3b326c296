"""The message keys a set of source files uses, for the catalog tests of each domain."""

from __future__ import annotations

import re
import string
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


def messages(prefixes: str, lang: str) -> dict[str, str]:
    """The messages whose key starts with one of `prefixes` (a regex alternation), in
    whichever catalog file of the language they are: the files are areas of the app, the
    prefixes the families of keys that a set of modules writes."""
    from app.i18n import catalog

    return {key: text for key, text in catalog(lang).items() if re.match(rf"(?:{prefixes})\.", key)}


def check_complete(prefixes: str, lang: str, used: set[str]) -> None:
    """Every key the code uses is in the catalogs, and every message of these prefixes there is used."""
    found = messages(prefixes, lang)
    assert sorted(used - set(found)) == [], f"missing in the {lang} catalogs"
    assert sorted(set(found) - used) == [], f"unused in the {lang} catalogs"
    assert all(text.strip() for text in found.values())


def check_translated(prefixes: str, same_in_both: set[str]) -> None:
    """French and English differ (but for the few words that are the same in both) and
    carry the same placeholders."""
    fr, en = (messages(prefixes, lang) for lang in ("fr", "en"))
    assert set(fr) == set(en)
    assert {k for k in fr if fr[k] == en[k]} == same_in_both
    for key, text in fr.items():
        assert placeholders(text) == placeholders(en[key]), key


def placeholders(text: str) -> list[str]:
    # a field's name only: `{name:de}` and `{n:tour|tours}` (app.i18n.Grammar) name `name`, `n`
    return sorted(set(name for _, name, _, _ in string.Formatter().parse(text) if name))
