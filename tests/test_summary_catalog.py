"""The summaries' messages (summary.*, summaries.*, history.*... keys), in both languages: none missing, none unused, the
same placeholders in French and English, and the values built from data all covered."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from app.model import ActionStatus
from app.protocol import LIBRARY
from support.catalog_keys import check_complete, check_translated, keys_in

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*sorted((ROOT / "app" / "summary").glob("*.py")), ROOT / "app" / "dates.py"]
SOURCES += [ROOT / "app" / "views" / f"{name}.py" for name in ("summaries", "history", "shared_summary")]
SOURCES += [ROOT / "app" / "web" / "commands" / "summaries.py"]
PREFIXES = "summary|summaries|shared|history|calendar|share"
SAME_IN_BOTH = {"summary.field.date", "summary.rating", "summary.date", "summaries.markdown", "summaries.next.when",
                "history.col.date", "history.col.actions", "history.col.action"}



def used_keys() -> set[str]:
    keys = keys_in(SOURCES, PREFIXES)
    keys -= {"summary.status", "summary.request_type"}  # prefixes of the keys built below
    keys |= {f"summary.status.{s}" for s in get_args(ActionStatus)}
    keys |= {f"summary.request_type.{t}" for p in LIBRARY.values() for t in p.request_types}
    keys |= {f"summary.weekday.{n}" for n in range(1, 8)} | {f"summary.month.{n}" for n in range(1, 13)}
    return keys


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_summary_message_is_in_the_catalog_and_used(lang):
    check_complete(PREFIXES, lang, used_keys())


def test_english_and_french_differ_and_share_their_placeholders():
    check_translated(PREFIXES, SAME_IN_BOTH)