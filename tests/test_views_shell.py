"""The shell's pure parts under CPython: DOM data to action data, and the app's loop
(dispatch, refusal, drafts, navigation) with the page replaced by stubs."""

from __future__ import annotations

import pytest

from app.web import intents
from app.web.app import App
from app.web.commands import REGISTRY, command, run
from app.views.context import Ui
from app.views.routes import Route
from support.page import Page
from support.room import Room


def test_payload_from_dataset_and_form_fields():
    data = intents.payload(
        {"action": "add_entry", "roundId": "r-1", "sessionId": "s-1", "go": "x"},
        [
            ("text", "Bonjour", "textarea"),
            ("request_types[]", "avis", "checkbox"),
            ("available_minutes", "", "number"),
            ("members.0.name", "Alice", "text"),
            ("members.1.name", "  ", "text"),
            ("members.2.name", "Chloé", "text"),
        ],
    )
    assert data == {
        "text": "Bonjour",
        "request_types": ["avis"],
        "members": [{"name": "Alice"}, {"name": "Chloé"}],
        "round_id": "r-1",
        "session_id": "s-1",
    }


def test_an_accepted_action_is_saved_rendered_and_can_open_the_new_record():
    page = Page()
    app = App(Room().ws, Route(), page.effects())
    members = [{"name": n} for n in ("Ann", "Bob", "Cid", "Dee")]
    assert app.dispatch({"type": "create_group", "name": "Peers", "members": members}, go="group")
    group = next(iter(app.ws.groups.values()))
    assert page.hash == f"#/group?id={group.id}" and page.saved == 1
    assert ">Peers</h1>" in page.painted[-1], "English: the browser's language"


def test_a_refused_action_changes_nothing_and_says_why():
    page = Page()
    room = Room()
    room.group()
    app = App(room.ws, Route("group", (("id", "g-1"),)), page.effects())
    before = app.ws
    assert not app.dispatch({"type": "add_member", "group_id": "g-1", "name": "Alice"})
    assert app.ws is before and page.saved == 0
    assert "Alice" in page.painted[-1] and 'role="alert">' in page.painted[-1]
    assert not app.dispatch({"type": "create_group", "name": "", "members": []})
    assert "A required field is empty." in page.painted[-1]


def test_drafts_are_kept_while_typing_and_emptied_when_sent():
    page = Page()
    room = Room()
    room.group()
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    app = App(room.ws, Route("session", (("id", "s-1"),)), page.effects())
    painted = len(page.painted)
    app.set_draft("s-1-pitch:title", "Half a tit")
    assert app.ws.local.drafts == {"s-1-pitch:title": "Half a tit"} and len(page.painted) == painted
    app.render()
    assert 'value="Half a tit"' in page.painted[-1]
    sent = {"type": "add_pitch", "session_id": "s-1", "member_id": "m-0", "title": "Half a title"}
    assert app.dispatch(sent, sent=("s-1-pitch:title",))
    assert app.ws.local.drafts == {} and "Half a title" in page.painted[-1]


def test_a_form_that_edits_a_record_shows_the_saved_value_once_sent_and_announces_the_save():
    page = Page()
    room = Room()
    room.group()
    room.session()
    room.do({"type": "start_evaluation", "session_id": "s-1"})
    room.do({"type": "finish_session", "session_id": "s-1"})
    app = App(room.ws, Route("session", (("id", "s-1"),)), page.effects())
    app.set_draft("s-1-next:place", "Room 4")
    sent = {"type": "set_next_session", "session_id": "s-1", "date": "2027-03-02", "place": "Room 4"}
    assert app.dispatch(sent, sent=("s-1-next:date", "s-1-next:place"), saved="closing.saved.next")
    assert app.ws.local.drafts == {}, "the drafts went with the save"
    assert 'value="Room 4"' in page.painted[-1] and 'value="02/03/2027"' in page.painted[-1], "the fields show the record (the date as typed)"
    assert 'role="status" aria-live="polite">Next session saved.</p>' in page.painted[-1]
    app.render()
    assert "Next session saved." in page.painted[-1], "the confirmation stays until the next action"
    painted = len(page.painted)
    assert app.dispatch({**sent, "place": "Room 5"}, saved="closing.saved.next")
    assert [("Next session saved." in p) for p in page.painted[painted:]] == [False, True], "said again, it is heard again"
    assert app.dispatch({"type": "set_preferences", "muted": True})
    assert "Next session saved." not in page.painted[-1]


def test_commands_register_by_name_and_an_unknown_one_is_refused():
    calls = []

    @command("test-echo")
    def echo(app, data, element):
        calls.append(data)

    page = Page()
    app = App(Room().ws, Route(), page.effects())
    run("test-echo", app, {"x": "1"})
    assert calls == [{"x": "1"}]
    run("no-such-command", app, {})
    assert "This command is not available." in page.painted[-1]
    REGISTRY.pop("test-echo")


def test_every_refusal_a_command_raises_is_said_once_and_changes_nothing():
    """An action refused, a file refused, a link unreadable: one kind of refusal (app/refusal.py),
    caught where intents run (App.refusing), its message on screen."""
    from app.actions import ActionError
    from app.refusal import Refusal
    from app.sync.restore import FileFormatError
    from app.summary.share import ShareError

    page = Page()
    app = App(Room().ws, Route(), page.effects())
    before = app.ws
    for refusal, said in ((FileFormatError("sync.error.empty"), "This file is empty. Nothing was changed."),
                          (ShareError("share.error.damaged"), "This link is incomplete or damaged"),
                          (ActionError("error.vote.not_now"), "Votes happen only at the choice step.")):
        assert isinstance(refusal, Refusal)
        with app.refusing():
            raise refusal
        assert 'role="alert">' in page.painted[-1] and said in page.painted[-1]
    assert app.ws is before and page.saved == 0


def test_a_workspace_from_outside_the_actions_comes_in_by_one_door_with_its_cause():
    """An import saves and is the one step undo takes back; another tab's write is shown, not
    saved again (it is in storage already), and keeps this tab's undo."""
    from app.web.app import ARRIVALS

    page = Page()
    room = Room()
    room.group()
    app = App(Room().ws, Route(), page.effects())
    app.dispatch({"type": "create_group", "name": "Pairs", "members": [{"name": n} for n in ("Ann", "Bob", "Cid", "Dee")]})
    saved = page.saved
    app.absorb(room.ws, "other-tab")
    assert app.ws.groups.keys() == room.ws.groups.keys() and page.saved == saved
    app.absorb(app.ws.model_copy(update={"local": app.ws.local.model_copy(update={"undo": ("x",)})}), "other-tab")
    assert app.ws.local.undo == ("x",)
    app.absorb(room.ws, "import")  # nothing new in it: nothing to undo, and nothing before it
    assert app.ws.local.undo == () and page.saved == saved + 1
    assert {cause for cause, arrival in ARRIVALS.items() if arrival.save} == {"import", "export", "delete-group"}


def test_what_only_the_browser_knows_changes_through_the_app():
    """Storage status, a file coming in, an update ready: one value, changed by `tell`; an
    address changed under the app shows its screen with no message left over."""
    page = Page()
    app = App(Room().ws, Route(), page.effects())
    app.refuse("error.vote.not_now")
    app.tell(update_ready=True, can_share=True)
    assert app.ui.browser.update_ready and app.ui.browser.can_share and not app.ui.browser.incoming
    app.arrived(Route("transfer"))
    assert app.ui.route == Route("transfer") and app.ui.error == app.ui.notice == ""
    assert 'data-screen="transfer"' in page.painted[-1] and "Votes happen only" not in page.painted[-1]


def test_what_the_window_shows_is_one_value_that_only_the_app_replaces():
    """Route, message and browser state are one frozen `Ui`: each door makes a new one, and
    nothing else can assign it or any part of it."""
    page = Page()
    app = App(Room().ws, Route(), page.effects())
    first = app.ui
    app.refuse("error.vote.not_now")
    refused = app.ui
    app.navigate(Route("transfer"), notice="Done")
    assert first == Ui(Route()) and refused.error and not refused.notice
    assert app.ui == Ui(Route("transfer"), notice="Done") and page.hash == "#/transfer"
    with pytest.raises(AttributeError):
        app.ui = first
    with pytest.raises(AttributeError):
        app.ui.route = Route()
    assert app.ui.route == Route("transfer")


def test_the_warm_up_imports_the_actions_then_each_commands_module_once():
    from app.web.commands import MODULES, first_click_modules

    modules = first_click_modules()
    assert modules[0] == "app.actions"
    assert all(name.startswith("app.web.commands.") for name in modules[1:])
    assert sorted(modules[1:]) == sorted({f"app.web.commands.{name}" for name in MODULES.values()})
