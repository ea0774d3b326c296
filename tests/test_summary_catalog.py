"""The summaries' messages (summary.po), in both languages: none missing, none unused, the
same placeholders in French and English, and the values built from data all covered."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import get_args

import pytest

from app.i18n import LOCALES, read_po
from app.model import ActionStatus
from app.protocol import LIBRARY
from catalog_keys import keys_in

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "app" / name for name in ("summary.py", "summary_layout.py", "summary_render.py", "summary_files.py",
                                            "calendar.py", "share.py", "dates.py")]
SOURCES += [ROOT / "app" / "views" / f"{name}.py" for name in ("summaries", "history", "shared_summary")]
SOURCES += [ROOT / "app" / "web" / "commands" / "summaries.py"]
SAME_IN_BOTH = {"summary.field.date", "summary.rating", "summary.date", "summaries.markdown", "summaries.next.when",
                "history.col.date", "history.col.actions", "history.col.action"}


def catalog(lang: str) -> dict[str, str]:
    return read_po((LOCALES / lang / "LC_MESSAGES" / "summary.po").read_text(encoding="utf-8"))


def used_keys() -> set[str]:
    keys = keys_in(SOURCES, "summary|summaries|shared|history|calendar|share")
    keys -= {"summary.status", "summary.request_type"}  # prefixes of the keys built below
    keys |= {f"summary.status.{s}" for s in get_args(ActionStatus)}
    keys |= {f"summary.request_type.{t}" for p in LIBRARY.values() for t in p.request_types}
    keys |= {f"summary.weekday.{n}" for n in range(1, 8)} | {f"summary.month.{n}" for n in range(1, 13)}
    return keys


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_summary_message_is_in_the_catalog_and_used(lang):
    messages = catalog(lang)
    used = used_keys()
    assert sorted(used - set(messages)) == [], f"missing in {lang}/summary.po"
    assert sorted(set(messages) - used) == [], f"unused in {lang}/summary.po"
    assert all(text.strip() for text in messages.values())


def test_english_and_french_differ_and_share_their_placeholders():
    fr, en = catalog("fr"), catalog("en")
    assert set(fr) == set(en)
    assert {k for k in fr if fr[k] == en[k]} == SAME_IN_BOTH
    fields = lambda s: sorted(name for _, name, _, _ in string.Formatter().parse(s) if name)  # noqa: E731
    for key, text in fr.items():
        assert fields(text) == fields(en[key]), key
