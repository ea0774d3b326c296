"""The sync hooks every screen carries: the export reminder on home, the failed-save alert."""

from dataclasses import replace

from app.views import home, transfer
from app.views.context import BrowserState, Storage, View
from app.views.routes import Route
from support.room import START, Room


def test_home_reminds_to_export_work_left_unexported_for_a_week():
    room = Room()
    room.group()
    fresh = str(home.render(View(ws=room.ws, route=Route(), lang="fr", now=START + 3_600_000)))
    assert 'id="export-reminder"' not in fresh
    week_later = str(home.render(View(ws=room.ws, route=Route(), lang="fr", now=START + transfer.REMIND_AFTER + 60_000)))
    assert 'id="export-reminder"' in week_later and 'href="#/transfer"' in week_later


def test_every_screen_says_when_saving_fails_and_offers_the_export():
    room = Room()
    room.group()
    view = View(ws=room.ws, route=Route(), lang="en", now=START)
    assert 'role="alert"' not in str(home.render(view)).replace('class="error" role="alert"', "")
    page = str(home.render(replace(view, browser=BrowserState(Storage(failed=True)))))
    assert 'class="panel alert" role="alert"' in page and 'href="#/transfer"' in page
