"""Files and storage messages (the sync.* keys), in both languages: none missing, none unused, the
same placeholders in French and English."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.model import COLLECTIONS
from support.catalog_keys import check_complete, check_translated, keys_in

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "app" / "sync").glob("*.py"))
SOURCES += sorted((ROOT / "app" / "actions").glob("*.py"))
SOURCES += [ROOT / "app" / "views" / "transfer.py"]
SOURCES += [ROOT / "app" / "web" / f"{name}.py" for name in ("storage", "crypto", "commands/transfer")]
PREFIXES = r"sync|error\.conflict"
SAME_IN_BOTH = {"sync.ui.kind.votes", "sync.ui.kind.entries", "sync.ui.kind.action_items"}



def used_keys() -> set[str]:
    keys = keys_in(SOURCES, PREFIXES)
    keys |= {f"sync.ui.kind.{name}" for name in COLLECTIONS}
    keys |= {f"sync.ui.incoming.{kind}" for kind in ("new", "updated", "conflicting", "deleted")}
    return keys


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_sync_message_is_in_the_catalog_and_used(lang):
    check_complete(PREFIXES, lang, used_keys())


def test_english_and_french_differ_and_share_their_placeholders():
    check_translated(PREFIXES, SAME_IN_BOTH)