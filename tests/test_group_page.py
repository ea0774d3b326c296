"""The group page with a long history: its sessions panel shows the twelve latest (built
for those alone: ten years of quarterly sessions are forty) and links to the history."""

from __future__ import annotations

import pytest

from support.room import Room
from tests.test_views import show


@pytest.mark.parametrize("count", [12, 13])
def test_the_group_page_shows_the_twelve_latest_sessions_and_links_to_the_rest(count):
    room = Room()
    room.group()
    days = [f"2026-{month:02d}-{day:02d}" for month in range(1, 13) for day in (5, 20)][:count]
    for n, day in enumerate(days):
        room.session(f"s-{n}", day)
    page = show(room, "group", id="g-1")
    listed = [n for n in range(count) if f'href="#/session?id=s-{n}"' in page]
    assert listed == list(range(count - 12, count))  # the latest twelve, the oldest left out
    assert ('href="#/history?group=g-1"' in page.split('id="group-sessions"')[1].split("</section>")[0]) == (count > 12)
