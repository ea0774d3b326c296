"""Deleting asks nothing: the screen says "Deleted." at once, with a button to undo it, which
takes the focus (the deleted record's own button is gone)."""

from __future__ import annotations

from app.views.routes import Route
from app.web.app import App
from support.room import Room
from test_views_editing import Recorder

UNDO = 'id="undo-deletion"'


def running_round() -> tuple[Room, App, Recorder]:
    room = Room()
    room.group()
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    room.do({"type": "add_entry", "id": "q-1", "session_id": "s-1", "round_id": "r-1", "kind": "question", "author_id": "m-1", "text": "Depuis quand ?"})
    page = Recorder()
    return room, App(room.ws, Route("session", (("id", "s-1"),)), page.effects()), page


def test_a_deletion_says_so_and_offers_to_undo_it_in_place():
    room, app, page = running_round()
    assert app.dispatch({"type": "delete_entry", "id": "q-1"})
    assert app.ws.entries["q-1"].deleted
    shown = page.painted[-1]
    notice = shown[shown.index('<p class="notice" role="status" aria-live="polite">'):]
    notice = notice[: notice.index("</p>")]
    assert "Supprimé." in notice and UNDO in notice and 'data-action="undo"' in notice
    assert 'aria-label="Défaire la suppression"' in notice
    assert page.focused[-1] == "undo-deletion"

    assert app.dispatch({"type": "undo"})
    assert not app.ws.entries["q-1"].deleted and UNDO not in page.painted[-1]


def test_other_changes_offer_nothing_and_a_later_one_withdraws_the_offer():
    room, app, page = running_round()
    app.dispatch({"type": "edit_entry", "id": "q-1", "text": "Depuis quand, exactement ?"})
    assert UNDO not in page.painted[-1] and "Supprimé." not in page.painted[-1]
    app.dispatch({"type": "remove_member", "id": "m-4"})
    assert UNDO in page.painted[-1]  # a member removed: a deletion too
    app.dispatch({"type": "edit_entry", "id": "q-1", "text": "Depuis quand ?"})
    assert UNDO not in page.painted[-1]
    app.dispatch({"type": "delete_entry", "id": "q-1"})
    app.announce("sync.ui.export.done", name="cercle.json")
    assert UNDO not in page.painted[-1]
