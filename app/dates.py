"""Dates written out in the reader's language ("mardi 1er décembre 2026"), one format per language
for every screen and summary.

Pure Python has no Intl, so the names of days and months come from the summary catalogs
(summary.po); the weekday is computed from the ISO date itself.
"""

from __future__ import annotations

import datetime
import re

from app.i18n import translator

# The dates every writer of a date accepts: a zip file's entries (the summaries' archive)
# are dated from 1980 to 2107, and the calendar file needs the day after.
FIRST_YEAR, LAST_YEAR = 1980, 2107


def is_date(text: str) -> bool:
    """Whether `text` is an ISO date (YYYY-MM-DD) of a real day from FIRST_YEAR to LAST_YEAR."""
    if len(text) != 10 or not text.isascii() or text[4] != "-" or text[7] != "-":
        return False
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return FIRST_YEAR <= day.year <= LAST_YEAR


def long_date(iso: str, language: str) -> str:
    """An ISO date (YYYY-MM-DD) in words; anything else comes back as it is."""
    try:
        day = datetime.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    _ = translator(language)
    key = "summary.date.first" if day.day == 1 else "summary.date"
    return _(
        key,
        weekday=_(f"summary.weekday.{day.isoweekday()}"),
        day=day.day,
        month=_(f"summary.month.{day.month}"),
        year=day.year,
    )


# Date fields are text fields in the app's own format, day first (the browser's date picker
# follows the browser's language, not the app's): "03/12/2026" in both languages, as the
# dates in words put the day first ("jeudi 3 décembre 2026", "Thursday 3 December 2026").
TYPED_PATTERN = r"\s*(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})\s*|\s*\d{4}-\d{2}-\d{2}\s*"  # also an HTML pattern (v flag)
_TYPED = re.compile(TYPED_PATTERN)


def typed(iso: str) -> str:
    """An ISO date as a date field shows it: "2026-12-03" -> "03/12/2026"."""
    try:
        day = datetime.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def from_typed(text: str) -> str:
    """What a person typed in a date field as an ISO date: "3/12/2026", "03.12.2026",
    "3-12-2026" or "2026-12-03" -> "2026-12-03"; blank -> ""; anything else, or a day that
    does not exist, comes back as it is (and the action refuses it)."""
    if not isinstance(text, str):
        return text
    match = _TYPED.fullmatch(text)
    if match is None:
        return "" if not text.strip() else text
    if match.group(1) is None:
        return text.strip()
    try:
        return datetime.date(int(match.group(3)), int(match.group(2)), int(match.group(1))).isoformat()
    except ValueError:
        return text
