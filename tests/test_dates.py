"""Dates: one format per language in words, and date fields typed day first in both."""

from __future__ import annotations

import re

import pytest

from app.dates import TYPED_PATTERN, from_typed, long_date, typed
from app.views.context import View
from app.views.parts import text_field
from support.room import Room


def test_a_date_reads_the_same_on_screen_and_in_the_summaries():
    view = View(ws=Room().ws, lang="en")
    assert view.date("2026-12-03") == long_date("2026-12-03", "en") == "Thursday 3 December 2026"
    assert View(ws=Room().ws, lang="fr").date("2026-12-01") == "mardi 1er décembre 2026"


@pytest.mark.parametrize("text, iso", [
    ("3/12/2026", "2026-12-03"), ("03.12.2026", "2026-12-03"), ("3-12-2026", "2026-12-03"),
    (" 03/12/2026 ", "2026-12-03"), ("2026-12-03", "2026-12-03"), ("", ""), ("  ", ""),
    ("31/02/2026", "31/02/2026"), ("12/2026", "12/2026"), ("demain", "demain"),
])
def test_a_typed_date_becomes_iso_and_anything_else_stays_to_be_refused(text, iso):
    assert from_typed(text) == iso


def test_a_date_field_shows_and_takes_the_apps_format_not_the_browsers():
    field = text_field(View(ws=Room().ws, lang="fr"), "Date", "date", "s", kind="date", value="2026-12-03")
    assert 'type="text"' in field and 'value="03/12/2026"' in field and 'placeholder="jj/mm/aaaa"' in field
    assert "Format : jj/mm/aaaa." in field and 'inputmode="numeric"' in field
    assert typed("2027-01-05") == "05/01/2027" and typed("") == ""
    pattern = re.search(r'pattern="([^"]+)"', field)[1].replace("&#x27;", "'")
    assert pattern == TYPED_PATTERN and re.fullmatch(pattern, "03/12/2026") and not re.fullmatch(pattern, "12/2026")


def test_actions_take_dates_as_the_fields_send_them():
    room = Room()
    room.group()
    room.do({"type": "start_session", "id": "s-1", "group_id": "g-1", "date": "3/12/2026"})
    assert room.ws.sessions["s-1"].date == "2026-12-03"
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        room.do({"type": "start_session", "id": "s-2", "group_id": "g-1", "date": "31/02/2026"})
