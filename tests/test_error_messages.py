"""Every refusal the engine can raise reads as a sentence in both languages."""

import re
from pathlib import Path

import pytest

from app.i18n import LANGUAGES, catalog
from app.model import COLLECTIONS

APP = Path(__file__).resolve().parents[1] / "app"


def raised_keys() -> set[str]:
    keys: set[str] = set()
    for path in APP.rglob("*.py"):
        keys.update(re.findall(r'(?:ActionError|FileFormatError)\(\s*"([a-z_.]+)"', path.read_text(encoding="utf-8")))
    keys.update(f"error.{name}.not_found" for name in COLLECTIONS)  # Records.need (tx.members.need)
    return keys


def test_the_engine_raises_keyed_messages():
    assert len(raised_keys()) > 30


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_refusal_is_translated(language):
    messages = catalog(language)
    missing = sorted(k for k in raised_keys() if not messages.get(k, "").strip())
    assert missing == []


def test_placeholders_match_between_languages():
    fr, en = catalog("fr"), catalog("en")
    for key in raised_keys():
        assert set(re.findall(r"\{(\w+)\}", fr[key])) == set(re.findall(r"\{(\w+)\}", en[key])), key
