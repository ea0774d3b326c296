"""Interface text in French and English, from gettext catalogs (.po files).

Messages are keyed (`msgid "error.gate.choose_pitch"`), each language has its own catalog,
and every domain (ui, errors, summary...) is a file of its own so that screens can grow apart.
The catalogs are read once per language; a missing key shows as the key itself, which the
catalog test forbids.
"""

from __future__ import annotations

import json
import pkgutil
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Literal

LANGUAGES: tuple[Literal["fr"], Literal["en"]] = ("fr", "en")  # app/protocol.py `Language` names them for the records
DEFAULT_LANGUAGE = "fr"
DOMAINS = ("attendance", "bounds", "closing", "editor", "errors", "guidance", "offline", "paint", "protocols", "protomerge", "restore", "roles", "roles_editor", "rounds", "screen", "storage", "summary", "sync", "ui", "vote", "walk")  # one catalog file per domain and language
LOCALES = Path(__file__).with_name("locales")  # in the source tree (the page reads them from the app's zip)

Translate = Callable[..., str]


# What gettext tools write that this reader cannot honour: refused rather than misread (a
# context or a plural form would be read as another message; a fuzzy entry, which gettext
# leaves untranslated, would be shown). Plurals are written in the message itself (Grammar).
UNSUPPORTED = {"msgctxt": "a context (msgctxt)", "msgid_plural": "a plural form (msgid_plural)",
               "msgstr[": "a plural form (msgstr[n])"}


def read_po(text: str) -> dict[str, str]:
    """msgid -> msgstr of a .po file (plain entries); raises ValueError on what it cannot
    honour (UNSUPPORTED, a fuzzy entry). tests/test_i18n.py checks it against polib.

    The quoted pieces of the whole file are read by one call to json.loads: the escapes of
    catalogs (quote, backslash, newline, tab) mean the same in JSON, and the catalogs were
    read at every start of the page (now compiled by build.py), where reading them line by
    line in Python took tens of milliseconds.
    """
    fields: list[tuple[str, list[str]]] = []  # (keyword, its quoted pieces), in file order
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        unsupported = next((what for start, what in UNSUPPORTED.items() if line.startswith(start)), "")
        if line.startswith("#,") and "fuzzy" in line[2:].replace(",", " ").split():
            unsupported = "a fuzzy entry"
        if unsupported:
            raise ValueError(f"line {number}: {unsupported} is not supported in Cercle's catalogs")
        if line.startswith(("msgid ", "msgstr ")):
            keyword, _, line = line.partition(" ")
            fields.append((keyword, []))
        if line.startswith('"') and fields:
            fields[-1][1].append(line)
    values = json.loads("[" + ",".join("[" + ",".join(pieces) + "]" for _, pieces in fields) + "]")
    catalog: dict[str, str] = {}
    msgid = ""
    for (keyword, _), pieces in zip(fields, values):
        value = "".join(pieces)
        if keyword == "msgid":
            msgid = value
        elif msgid and value:  # the header (empty msgid) and untranslated entries are left out
            catalog[msgid] = value
    return catalog


@lru_cache(maxsize=None)
def catalog(language: str) -> dict[str, str]:
    """Every domain of a language, read through the package's loader. In the zip that the
    page imports the app from, build.py has merged them into `locales/<language>.json`
    (`compiled_catalogs`), one json.loads at start-up instead of parsing four files; in
    the source tree, the .po files themselves."""
    try:
        compiled = pkgutil.get_data(__package__, f"locales/{language}.json")
    except OSError:
        compiled = None
    if compiled is not None:
        return json.loads(compiled)
    merged: dict[str, str] = {}
    for domain in DOMAINS:
        data = pkgutil.get_data(__package__, f"locales/{language}/LC_MESSAGES/{domain}.po")
        merged.update(read_po(data.decode("utf-8")))
    return merged


def compiled_catalogs(read: Callable[[str], str]) -> dict[str, bytes]:
    """For build.py: each language's catalog as the JSON that `catalog` reads from the zip,
    by its path in the package; `read` gives a .po file's text by its path there."""
    found = {}
    for language in LANGUAGES:
        merged: dict[str, str] = {}
        for domain in DOMAINS:
            merged.update(read_po(read(f"locales/{language}/LC_MESSAGES/{domain}.po")))
        found[f"locales/{language}.json"] = json.dumps(merged, ensure_ascii=False, separators=(",", ":")).encode()
    return found


def translator(language: str) -> Translate:
    """`_ = translator("fr"); _("error.group.too_few", min=4)`."""
    messages = catalog(language if language in LANGUAGES else DEFAULT_LANGUAGE)

    def translate(key: str, **params: object) -> str:
        text = messages.get(key, key)
        if not params:
            return text
        if "|" in text or ":de}" in text:  # a plural or an elision (Grammar): rare, so checked first
            return text.format_map({name: Grammar(value, language) for name, value in params.items()})
        return text.format_map(params)

    return translate


class Grammar:
    """A message parameter that also agrees with the words around it, in the catalogs' own syntax:

    - `{n} {n:tour|tours}`: the word for one or for many (French counts 0 and 1 as one, English
      only 1), the number written apart so that the catalog decides where it goes;
    - `Synthèse {name:de}`: French elision, "Synthèse d’Élodie" but "Synthèse de Paul".
    """

    __slots__ = ("value", "language")

    def __init__(self, value: object, language: str) -> None:
        self.value = value
        self.language = language

    def __format__(self, spec: str) -> str:
        if "|" in spec:
            one, _, many = spec.partition("|")
            count = self.value if isinstance(self.value, (int, float)) else 0
            singular = abs(count) < 2 if self.language == "fr" else count == 1
            return one if singular else many
        if spec == "de":
            text = str(self.value)
            return ("d’" if text[:1] in _ELIDING else "de ") + text
        return format(self.value, spec)

    def __str__(self) -> str:
        return str(self.value)


_ELIDING = frozenset("aeiouyhAEIOUYHàâäéèêëîïôöùûüÀÂÄÉÈÊËÎÏÔÖÙÛÜŒœ")


def pick_language(chosen: str, browser: Iterable[str]) -> str:
    """The remembered choice, else the browser's first supported language, else French."""
    if chosen in LANGUAGES:
        return chosen
    for tag in browser:
        base = tag.split("-")[0].lower()
        if base in LANGUAGES:
            return base
    return DEFAULT_LANGUAGE
