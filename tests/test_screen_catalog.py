"""The screens' own messages outside the ui.* keys (the screen.* keys), in both languages: none
missing, none unused, the same placeholders in French and English."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.catalog_keys import check_complete, check_translated, keys_in

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*sorted((ROOT / "app" / "views").glob("*.py")), *sorted((ROOT / "app" / "web").rglob("*.py"))]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_screen_message_is_in_the_catalog_and_used(lang):
    check_complete("screen", lang, keys_in(SOURCES, "screen"))


def test_english_and_french_differ_and_share_their_placeholders():
    check_translated("screen", set())
