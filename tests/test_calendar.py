"""The next session as an .ics file, read back by the icalendar package."""

from __future__ import annotations

import datetime

import icalendar
import pytest

from app.summary.calendar import escape_text, fold, next_session
from support.halfday import half_day
from support.room import Room

STAMPED = datetime.datetime(2026, 11, 28, 9, 30, 15, tzinfo=datetime.timezone.utc)
NOW = int(STAMPED.timestamp() * 1000)


def event_of(data: bytes) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


@pytest.mark.parametrize("language, title", [("fr", "Groupe de pairs — Cadres de santé — CHU Nord"), ("en", "Peer group — Cadres de santé — CHU Nord")])
def test_the_next_session_as_an_all_day_event(language, title):
    file = next_session(half_day().ws, "s-1", now_ms=NOW, language=language)
    assert file.name == "cercle-cadres-de-sante-chu-nord-2027-03-11.ics"
    assert file.mime == "text/calendar;charset=utf-8"
    calendar = icalendar.Calendar.from_ical(file.data)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"]).startswith("-//Cercle//")
    event = event_of(file.data)
    assert event.decoded("DTSTART") == datetime.date(2027, 3, 11)
    assert event.decoded("DTEND") == datetime.date(2027, 3, 12)
    assert event.decoded("DTSTAMP") == STAMPED
    assert str(event["SUMMARY"]) == title
    assert str(event["LOCATION"]) == "Salle Pasteur"
    assert "Cadres de santé — CHU Nord" in str(event["DESCRIPTION"])
    assert str(event["UID"]) == "s-1-next@cercle"  # stable: importing it again updates the event


def test_lines_end_in_crlf_and_fold_at_75_octets():
    room = half_day()
    place = "Maison des associations, salle « Les Tilleuls » ; 3e étage, porte 12 ✓ " * 2
    room.do({"type": "set_next_session", "session_id": "s-1", "date": "2027-03-11", "place": place.strip()})
    data = next_session(room.ws, "s-1", now_ms=NOW, language="fr").data
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert all(line.decode("utf-8") for line in lines)  # no character cut in two
    assert any(line.startswith(b" ") for line in lines)
    assert str(event_of(data)["LOCATION"]) == place.strip()


def test_text_is_escaped_and_read_back_exactly():
    room = half_day()
    place = 'Salle 3, bât. B; code \\ 1234\nSonner "deux fois"\r\n<b>ici</b>'
    room.do({"type": "set_next_session", "session_id": "s-1", "date": "2027-03-11", "place": place})
    data = next_session(room.ws, "s-1", now_ms=NOW, language="en").data
    assert b"LOCATION:Salle 3\\, b\xc3\xa2t. B\\; code \\\\ 1234\\nSonner" in data
    assert str(event_of(data)["LOCATION"]) == place.strip().replace("\r\n", "\n")


def test_the_escaping_and_folding_rules():
    assert escape_text("a,b;c\\d\ne\r\nf\rg\x00h\x1b") == "a\\,b\\;c\\\\d\\ne\\nf\\ng" + "h"
    assert fold("x" * 75) == "x" * 75
    assert fold("x" * 76) == "x" * 75 + "\r\n x"
    folded = fold("é" * 80).split("\r\n")  # two octets each: 37 fit, then 37 after the space
    assert [len(line.encode()) for line in folded] == [74, 75, 13]


def test_no_file_while_no_date_is_set():
    room = Room()
    room.group()
    room.session()
    assert next_session(room.ws, "s-1", now_ms=NOW, language="fr") is None
