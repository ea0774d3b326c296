"""The next session as a calendar file (iCalendar, RFC 5545) that any agenda imports.

Written by hand rather than with a library: a dozen lines of the format, with its three
traps handled here (CRLF line ends, lines folded at 75 octets without splitting a UTF-8
character, and the escaping of backslash, semicolon, comma and newline in text values).
"""

from __future__ import annotations

import datetime
import re

from app.i18n import translator
from app.model import Workspace
from app.summary.files import File, slug

LINE_OCTETS = 75
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # not allowed in TEXT values


def escape_text(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line, folded into lines of at most 75 octets (continuations start with a
    space, which counts), never cutting a character in two."""
    out, current, size = [], [], 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > LINE_OCTETS:
            out.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += octets
    out.append("".join(current))
    return "\r\n".join(out)


def _date(iso: str) -> datetime.date:
    return datetime.date.fromisoformat(iso)


def next_session(ws: Workspace, session_id: str, *, now_ms: int, language: str) -> File | None:
    """The .ics of the session that follows `session_id`, or None while no date is set.

    An all-day event: the group agrees on a day and a place, not always on hours. The UID
    is stable, so importing the file again updates the event instead of adding a twin."""
    session = ws.sessions[session_id]
    if not session.next_date:
        return None
    group = ws.groups[session.group_id]
    _ = translator(language)
    day = _date(session.next_date)
    stamp = datetime.datetime.fromtimestamp(now_ms / 1000, tz=datetime.timezone.utc)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Cercle//Cercle peer groups//" + language.upper(),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{session.id}-next@cercle",
        "DTSTAMP:" + stamp.strftime("%Y%m%dT%H%M%SZ"),
        "DTSTART;VALUE=DATE:" + day.strftime("%Y%m%d"),
        "DTEND;VALUE=DATE:" + (day + datetime.timedelta(days=1)).strftime("%Y%m%d"),
        "SUMMARY:" + escape_text(_("calendar.summary", group=group.name)),
        "DESCRIPTION:" + escape_text(_("calendar.description", group=group.name)),
    ]
    if session.next_place:
        lines.append("LOCATION:" + escape_text(session.next_place))
    lines += ["END:VEVENT", "END:VCALENDAR"]
    text = "".join(fold(line) + "\r\n" for line in lines)
    name = f"cercle-{slug(group.name, _('summary.file.group'))}-{session.next_date}.ics"
    return File(name, "text/calendar;charset=utf-8", text.encode("utf-8"))
