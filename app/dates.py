"""Dates written out in the reader's language ("mardi 1er décembre 2026").

Pure Python has no Intl, so the names of days and months come from the summary catalogs
(summary.po); the weekday is computed from the ISO date itself.
"""

from __future__ import annotations

import datetime

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
