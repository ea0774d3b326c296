"""Text edited apart on two devices, where the room meets it: the round's screens show both
versions in the record itself, with a button to keep each, and keeping one settles it."""

from __future__ import annotations

from html.parser import HTMLParser

from app.sync.merge import merge
from app.views.routes import Route
from app.web import intents
from app.web.app import App
from tests.test_views import HOSTILE, Tags, assert_safe, show
from tests.test_views_editing import Recorder
from test_sync_merge import two_devices


class Buttons(HTMLParser):
    """The attributes of every button that resolves a conflict."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.found: list[dict[str, str]] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "button" and attrs.get("data-action") == "resolve_conflict":
            self.found.append(attrs)


def apart(edit_laptop: dict, edit_tablet: dict):
    """The same record edited on two devices that had not exchanged, then merged."""
    laptop, tablet = two_devices()
    laptop.do(edit_laptop)
    tablet.do(edit_tablet, after_s=5)
    laptop.ws = merge(laptop.ws, tablet.ws)
    return laptop


def test_a_question_edited_on_two_devices_shows_both_versions_and_a_button_for_each():
    room = apart({"type": "edit_entry", "id": "q-0", "text": "Depuis quand ça dure ?"}, {"type": "edit_entry", "id": "q-0", "text": "Depuis combien de temps ?"})
    markup = show(room, id="s-1")
    text = "".join(Tags(markup).text)
    assert "Modifié sur deux appareils." in text and "Gardez l’une des deux versions" in text
    assert 'class="entry conflicted"' in markup
    notice = text.split("Modifié sur deux appareils.")[1]
    assert notice.index("Version actuelle") < notice.index("Depuis combien de temps ?") < notice.index("Autre version") < notice.index("Depuis quand ça dure ?")
    buttons = Buttons(markup).found
    assert [b["aria-label"] for b in buttons] == ["Garder cette version : « Depuis combien de temps ? »", "Garder cette version : « Depuis quand ça dure ? »"]
    assert {(b["data-collection"], b["data-id"]) for b in buttons} == {("entries", "q-0")}
    assert buttons[0]["data-version"] == "" and buttons[1]["data-version"].endswith("/d-laptop")
    assert "Edited on two devices." in show(room, id="s-1", lang="en")


def test_keeping_a_version_through_its_button_settles_the_conflict_on_screen():
    room = apart({"type": "edit_entry", "id": "q-0", "text": "Depuis quand ça dure ?"}, {"type": "edit_entry", "id": "q-0", "text": "Depuis combien de temps ?"})
    page = Recorder()
    app = App(room.ws, Route("session", (("id", "s-1"),)), page.effects())
    app.render()
    other = Buttons(page.painted[-1]).found[1]
    dataset = {"action": other["data-action"], "collection": other["data-collection"], "id": other["data-id"], "version": other["data-version"]}
    assert app.dispatch({"type": "resolve_conflict", **intents.payload(dataset)})
    assert app.ws.entries["q-0"].text == "Depuis quand ça dure ?" and app.ws.entries["q-0"].conflicts == ()
    assert "Modifié sur deux appareils." not in page.painted[-1] and "Depuis quand ça dure ?" in page.painted[-1]
    assert not Buttons(page.painted[-1]).found


def test_pitches_action_items_and_the_request_show_their_conflicts_where_they_are_shown():
    room = apart({"type": "edit_pitch", "id": "p-3", "title": "Sujet trois"}, {"type": "edit_pitch", "id": "p-3", "title": "Sujet 3, revu"})
    for step in (0, 1):
        room.do({"type": "go_to_step", "round_id": "r-1", "step": step})
        markup = show(room, id="s-1")
        assert "Modifié sur deux appareils." in markup and "Sujet trois" in markup and "Sujet 3, revu" in markup, step
        assert {b["data-collection"] for b in Buttons(markup).found} == {"pitches"}

    room = apart({"type": "set_contract", "round_id": "r-1", "request": "Des conseils"}, {"type": "set_contract", "round_id": "r-1", "request": "Des témoignages"})
    room.do({"type": "add_entry", "id": "f-1", "session_id": "s-1", "round_id": "r-1", "kind": "reformulation", "author_id": "m-2", "text": "Comment ?"})
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 5})
    markup = show(room, id="s-1")
    assert {b["data-collection"] for b in Buttons(markup).found} == {"rounds"} and "Des témoignages" in markup

    laptop, tablet = two_devices()
    laptop.do({"type": "add_action_item", "id": "a-1", "round_id": "r-1", "text": "Voir la DRH"})
    tablet.ws = merge(tablet.ws, laptop.ws)
    laptop.do({"type": "edit_action_item", "id": "a-1", "text": "Voir la DRH lundi"})
    tablet.do({"type": "edit_action_item", "id": "a-1", "text": "Voir la DRH mardi"}, after_s=3)
    laptop.ws = merge(laptop.ws, tablet.ws)
    laptop.do({"type": "add_entry", "id": "f-1", "session_id": "s-1", "round_id": "r-1", "kind": "reformulation", "author_id": "m-2", "text": "Comment ?"})
    laptop.do({"type": "choose_reformulation", "round_id": "r-1", "entry_id": "f-1"})
    laptop.do({"type": "set_contract", "round_id": "r-1", "request_types": ["avis"]})
    laptop.do({"type": "go_to_step", "round_id": "r-1", "step": 7})
    markup = show(laptop, id="s-1")
    assert "Voir la DRH lundi" in markup and "Voir la DRH mardi" in markup
    assert {b["data-collection"] for b in Buttons(markup).found} == {"action_items"}


def test_hostile_text_in_a_conflicting_version_stays_text():
    room = apart({"type": "edit_entry", "id": "q-0", "text": HOSTILE}, {"type": "edit_entry", "id": "q-0", "text": "Depuis quand ?!"})
    markup = show(room, id="s-1")
    assert_safe(markup)
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in markup.split("Autre version")[1]


def test_a_group_or_member_renamed_on_two_devices_shows_both_names_on_the_group_page():
    room = apart({"type": "rename_member", "id": "m-2", "name": "Chloé Bernard"}, {"type": "rename_member", "id": "m-2", "name": "Chloé B."})
    tablet = apart({"type": "update_group", "id": "g-1", "name": "Cadres — nord"}, {"type": "update_group", "id": "g-1", "name": "Cadres — sud"})
    for ws, collection, names in ((room, "members", ("Chloé Bernard", "Chloé B.")), (tablet, "groups", ("Cadres — nord", "Cadres — sud"))):
        markup = show(ws, "group", id="g-1")
        text = "".join(Tags(markup).text)
        assert text.count("Modifié sur deux appareils.") == 1
        notice = text.split("Modifié sur deux appareils.")[1]
        assert all(name in notice for name in names)
        assert {(b["data-collection"], b["data-id"]) for b in Buttons(markup).found} == {(collection, "m-2" if collection == "members" else "g-1")}


def test_a_protocol_guidance_edited_on_two_devices_is_shown_where_it_is_and_settled_by_its_button():
    """The editor and the transfer screen name the step, the text and the language; keeping
    the other version settles that text, on screen."""
    from test_sync_merge_protocols import EXPOSE, conflicted

    laptop, _tablet, merged = conflicted()
    laptop.ws = merged
    for markup in (show(laptop, "protocols", id="p-own"), show(laptop, "transfer")):
        text = "".join(Tags(markup).text)
        notice = text.split("Modifié sur deux appareils.")[1]
        assert notice.startswith(" Étape 3 «\u202fExposé par le porteur\u202f» — Ce qu’on fait (français)Gardez l’une des deux versions")
        assert notice.index("Version actuelle") < notice.index("Version de la tablette") < notice.index("Autre version") < notice.index("Version du portable")
        buttons = Buttons(markup).found
        assert [(b["data-collection"], b["data-path"], b["data-version"][-8:]) for b in buttons] == [
            ("protocols", EXPOSE, ""), ("protocols", EXPOSE, "d-laptop")]
    page = Recorder()
    app = App(laptop.ws, Route("protocols", (("id", "p-own"),)), page.effects())
    app.render()
    other = Buttons(page.painted[-1]).found[1]
    dataset = {k.removeprefix("data-"): v for k, v in other.items() if k.startswith("data-")}
    assert app.dispatch({"type": "resolve_conflict", **intents.payload(dataset)})
    step = {s.key: s for s in app.ws.protocols["p-own"].protocol.steps}["expose"]
    assert step.do.fr == "Version du portable"
    assert "Modifié sur deux appareils." not in page.painted[-1] and not Buttons(page.painted[-1]).found
