"""Files and storage messages (sync.po), in both languages: none missing, none unused, the
same placeholders in French and English."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from app.i18n import LOCALES, read_po
from app.model import COLLECTIONS
from catalog_keys import keys_in

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "app" / f"{name}.py" for name in ("restore", "envelope", "shards", "actions")]
SOURCES += [ROOT / "app" / "views" / "transfer.py"]
SOURCES += [ROOT / "app" / "web" / f"{name}.py" for name in ("storage", "crypto", "commands/transfer")]
SAME_IN_BOTH = {"sync.ui.kind.votes", "sync.ui.kind.entries", "sync.ui.kind.action_items"}


def catalog(lang: str) -> dict[str, str]:
    return read_po((LOCALES / lang / "LC_MESSAGES" / "sync.po").read_text(encoding="utf-8"))


def used_keys() -> set[str]:
    keys = keys_in(SOURCES, r"sync|error\.conflict")
    keys |= {f"sync.ui.kind.{name}" for name in COLLECTIONS}
    keys |= {f"sync.ui.incoming.{kind}" for kind in ("new", "updated", "conflicting")}
    return keys


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_sync_message_is_in_the_catalog_and_used(lang):
    messages = catalog(lang)
    used = used_keys()
    assert sorted(used - set(messages)) == [], f"missing in {lang}/sync.po"
    assert sorted(set(messages) - used) == [], f"unused in {lang}/sync.po"
    assert all(text.strip() for text in messages.values())


def test_english_and_french_differ_and_share_their_placeholders():
    fr, en = catalog("fr"), catalog("en")
    assert set(fr) == set(en)
    assert {k for k in fr if fr[k] == en[k]} == SAME_IN_BOTH
    fields = lambda s: sorted(name for _, name, _, _ in string.Formatter().parse(s) if name)  # noqa: E731
    for key, text in fr.items():
        assert fields(text) == fields(en[key]), key
