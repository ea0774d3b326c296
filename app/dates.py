"""Dates written out in the reader's language ("mardi 1er décembre 2026"), one format per language
for every screen and summary.

Pure Python has no Intl, so the names of days and months come from the summary catalogs
(summary.po); the weekday is computed from the ISO date itself.
"""

from __future__ import annotations

import datetime

from app.i18n import translator


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
