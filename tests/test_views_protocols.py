"""The protocol screen (issue 19, items 1-2) and setup offering a group's own protocols."""

from __future__ import annotations

import re

from app.protocol import LIBRARY
from support.room import Room
from tests.test_views import Tags, assert_safe, show

HOSTILE = "<script>alert(1)</script>"


def group_with_own() -> Room:
    room = Room()
    room.group()
    room.do({"type": "adapt_protocol", "id": "p-own", "group_id": "g-1", "from_id": "gease"})
    room.do({"type": "edit_protocol", "id": "p-own", "name_fr": HOSTILE + " maison"})
    return room


def test_the_list_shows_the_library_read_only_and_the_groups_own():
    room = group_with_own()
    page = show(room, "protocols", group="g-1")
    parsed = assert_safe(page)
    text = "".join(parsed.text)
    for protocol in LIBRARY.values():
        assert protocol.name.fr in text
    assert HOSTILE + " maison" in text and "version 2" in text
    assert page.count('data-action="adapt_protocol"') == len(LIBRARY) + 1
    assert page.count('href="#/protocols?id=p-own"') == 1  # only the group's own is editable
    assert 'data-action="new_protocol"' in page
    assert "pour 3 membres" in text and "pour 4 à 5 membres" in text and "pour 4 à 8 membres" in text  # troika, case clinic


def test_the_editor_has_buttons_for_every_move_and_a_preview_that_follows_the_time():
    room = group_with_own()
    steps = room.ws.protocols["p-own"].protocol.steps
    page = show(room, "protocols", id="p-own")
    assert_safe(page)
    assert page.count('data-action="move_step"') == 2 * len(steps)
    assert page.count('href="#/protocols?id=p-own&amp;step=') == len(steps)  # each step's form one link away
    assert 'aria-label="Monter l’étape 1' in page
    first_up = page.index('data-to="earlier"')
    assert "disabled" in page[page.rfind("<button", 0, first_up):page.find(">", first_up)]
    total = LIBRARY["gease"].session_minutes(5, 3)
    assert f"<caption>Déroulé prévu : {total:g} min pour 3 tours" in page
    room.do({"type": "set_draft", "key": "setup:available_minutes", "text": "120"})
    assert "<caption>Déroulé prévu : 120 min pour 3 tours" in show(room, "protocols", id="p-own")


def test_one_steps_form_is_open_at_a_time_named_by_the_address():
    """The editor lists the steps as rows with a link to each one's form; the address names
    the open one (a reload keeps it, the back button closes it), whose row has its form and a
    link that closes it, the focus going back to the link that opened it."""
    room = group_with_own()
    steps = room.ws.protocols["p-own"].protocol.steps
    closed = show(room, "protocols", id="p-own")
    assert 'data-action="edit_step"' not in closed and 'name="title_fr"' not in closed
    assert "Modifier l’étape 2\u202f: " + steps[1].title.fr in closed
    page = show(room, "protocols", id="p-own", step=steps[1].key)
    assert_safe(page)
    assert page.count('data-action="edit_step"') == 1 and f'data-step="{steps[1].key}"' in page
    assert page.count('href="#/protocols?id=p-own&amp;step=') == len(steps) - 1
    close = re.search(r'<a href="([^"]*)"[^>]*aria-label="Fermer l’étape 2\u202f: ([^"]*)"[^>]*>', page)
    assert close and close.group(2) == steps[1].title.fr and close.group(1) == "#/protocols?id=p-own"
    assert f'data-focus="open-{steps[1].key}"' in close.group(0) and f'id="open-{steps[1].key}"' in closed
    assert close.start() < page.index('data-action="edit_step"')  # the close link, then the form
    assert f'value="{steps[1].title.fr}"' in page
    room.do({"type": "move_step", "id": "p-own", "step": steps[1].key, "to": "later"})
    moved = show(room, "protocols", id="p-own", step=steps[1].key)
    assert "Fermer l’étape 3\u202f: " + steps[1].title.fr in moved, "the open step stays open where it goes"
    room.do({"type": "remove_step", "id": "p-own", "step": steps[1].key})
    gone = show(room, "protocols", id="p-own", step=steps[1].key)
    assert 'data-action="edit_step"' not in gone and "Fermer l’étape" not in gone


def test_setup_offers_the_groups_own_protocols_and_links_to_the_protocol_screen():
    room = group_with_own()
    page = show(room, "setup", group="g-1")
    assert 'value="p-own"' in page and 'href="#/protocols?group=g-1"' in page
    room.do({"type": "set_draft", "key": "setup:protocol_id", "text": "p-own"})
    page = show(room, "setup", group="g-1")
    assert LIBRARY["gease"].steps[1].title.fr in page
    assert 'href="#/protocols?group=g-1"' in show(room, "group", id="g-1")


def test_a_deleted_protocol_leaves_the_editor_for_the_list():
    room = group_with_own()
    room.do({"type": "delete_protocol", "id": "p-own"})
    page = show(room, "protocols", id="p-own")
    assert "Le groupe n’a pas encore de protocole à lui." in "".join(Tags(page).text)


def test_history_group_page_and_summaries_name_the_protocol_and_version_each_session_ran():
    from app.summary.summaries import group_summary

    room = group_with_own()
    room.do({"type": "edit_protocol", "id": "p-own", "name_fr": "Maison"})
    room.session("s-1", protocol_id="p-own")
    room.do({"type": "edit_step", "id": "p-own", "step": "narration", "title_fr": "Récit"})
    room.do({"type": "finish_session", "session_id": "s-1"})
    room.session("s-2", date="2027-01-10", protocol_id="p-own")
    history = "".join(Tags(show(room, "history", group="g-1")).text)
    assert "Maison, version 3" in history and "Maison, version 4" in history
    assert "Maison, version 4" in "".join(Tags(show(room, "group", id="g-1")).text)
    assert group_summary(room.ws, "s-1", "fr").frame.protocol == "Maison, version 3"
