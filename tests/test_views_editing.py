"""Fixing what was captured, in place: the Edit buttons, the forms that take a record's
place (escaped, labelled, drafts kept), and the shell's commands that open, save and close
them, under CPython with the page replaced by stubs."""

from __future__ import annotations

import re

from app.views.routes import Route
from app.web.app import App, Effects
from app.web.commands import editing as _registered  # noqa: F401  (registers "edit", "save-edit")
from app.web.commands import run
from support.room import Room
from tests.test_views import HOSTILE, Tags, assert_safe, hostile_room, show


def labelled(markup: str, label: str) -> str:
    """The control a visible <label> names (its `for`), as markup."""
    ident = re.search(r'<label for="([^"]+)">' + re.escape(label) + "</label>", markup)
    assert ident, f"no field labelled {label!r}"
    control = re.search(r'<(?:input|textarea|select)[^>]*\bid="' + re.escape(ident.group(1)) + r'"[^>]*>(?:[^<]*</textarea>)?', markup)
    assert control, ident.group(1)
    return control.group(0)


def names_of_buttons(markup: str) -> list[str]:
    return re.findall(r'<button[^>]*aria-label="([^"]+)"', markup)


def room_at_interventions() -> Room:
    """A round at step 7 with Chloé (m-2) carrying, a question, an intervention, a plan."""
    room = Room()
    room.group()
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    for i in range(5):
        room.do({"type": "add_pitch", "id": f"p-{i}", "session_id": "s-1", "member_id": f"m-{i}", "title": f"Situation {i}"})
    room.do({"type": "next_step", "round_id": "r-1"})
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-2"})
    room.do({"type": "add_entry", "id": "q-1", "session_id": "s-1", "round_id": "r-1", "kind": "question", "author_id": "m-0", "text": "Depuis quand ?"})
    room.do({"type": "add_entry", "id": "f-1", "session_id": "s-1", "round_id": "r-1", "kind": "reformulation", "author_id": "m-3", "text": "Comment tenir ?"})
    room.do({"type": "choose_reformulation", "round_id": "r-1", "entry_id": "f-1"})
    room.do({"type": "set_contract", "round_id": "r-1", "request_types": ["conseils"]})
    room.do({"type": "add_entry", "id": "i-1", "session_id": "s-1", "round_id": "r-1", "kind": "intervention", "author_id": "m-1", "help_type": "conseils", "text": "Fais un planing tournant"})
    room.do({"type": "add_action_item", "id": "a-1", "round_id": "r-1", "text": "Voir la DRH", "due": "2027-01-15"})
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 6})
    return room


class Recorder:
    """The page, as far as the app can tell: what it painted, saved, addressed and focused."""

    def __init__(self) -> None:
        self.painted: list[str] = []
        self.saved = 0
        self.hash = ""
        self.focused: list[str] = []

    def effects(self) -> Effects:
        def save(ws):
            self.saved += 1

        def navigate(href):
            self.hash = href

        return Effects(
            paint=lambda markup, lang: self.painted.append(markup),
            save=save,
            now=lambda: 1_790_000_000_000,
            today=lambda: "2026-12-01",
            navigate=navigate,
            focus_title=lambda ident="": self.focused.append(ident),
        )


class Element:
    """A DOM element as a command sees it: its attributes."""

    def __init__(self, **attributes: str) -> None:
        self.attributes = {f"data-{k}": v for k, v in attributes.items()}

    def hasAttribute(self, name: str) -> bool:
        return name in self.attributes

    def getAttribute(self, name: str) -> str:
        return self.attributes[name]


def test_every_entry_pitch_and_action_item_in_a_round_has_an_edit_button_named_after_it():
    room = room_at_interventions()
    assert "Modifier « Fais un planing tournant »" in names_of_buttons(show(room))
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 3})
    assert "Modifier « Depuis quand ? »" in names_of_buttons(show(room))
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 7})
    assert "Modifier « Voir la DRH »" in names_of_buttons(show(room))
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 1})
    vote = names_of_buttons(show(room))
    assert "Modifier « Situation 0 »" in vote and "Retirer du choix « Situation 0 »" in vote
    assert "Retirer du choix « Situation 2 »" not in vote, "the chosen pitch cannot be withdrawn"
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 0})
    assert "Edit “Situation 4”" in names_of_buttons(show(room, lang="en"))


def test_the_form_takes_the_entrys_place_with_its_text_author_and_kind_of_help():
    room = room_at_interventions()
    markup = show(room, id="s-1", edit="i-1")
    form = re.search(r'<form[^>]*data-command="save-edit"[^>]*>', markup).group(0)
    assert 'data-type="edit_entry"' in form and 'data-id="i-1"' in form and 'aria-label="Corriger « Fais un planing tournant »"' in form
    assert ">Fais un planing tournant</textarea>" in labelled(markup, "Texte corrigé")
    authors = re.search(r'<select[^>]*name="author_id"[^>]*>.*?</select>', markup[markup.index("save-edit"):]).group(0)
    assert re.findall(r">([^<]+)</option>", authors) == ["Alice", "Bruno", "David", "Émilie"], "consultants only"
    assert '<option value="m-1" selected>' in authors
    assert '<option value="conseils" selected>' in markup[markup.index("Nature de l’apport"):]
    assert 'aria-keyshortcuts="Escape"' in markup and ">Fermer sans enregistrer</button>" in markup
    assert markup.count("Fais un planing tournant</p>") == 0, "the text is in the form, not beside it"

    room.do({"type": "set_draft", "key": "edit-i-1:text", "text": "Fais un planning tournant"})
    assert ">Fais un planning tournant</textarea>" in labelled(show(room, id="s-1", edit="i-1"), "Texte corrigé"), "what was typed survives a reload"


def test_pitches_and_action_items_have_their_own_fields():
    room = room_at_interventions()
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 1})
    markup = show(room, id="s-1", edit="p-0")
    assert 'value="Situation 0"' in labelled(markup, "Titre corrigé") and "textarea" in labelled(markup, "Texte corrigé")
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 7})
    markup = show(room, id="s-1", edit="a-1", lang="en")
    assert 'value="Voir la DRH"' in labelled(markup, "Corrected text")
    assert 'inputmode="numeric"' in labelled(markup, "Due date") and 'value="15/01/2027"' in labelled(markup, "Due date")  # typed day first (app/dates.py)


def test_hostile_text_in_every_form_stays_text():
    room = hostile_room()
    session = room.ws.sessions["s-0"]
    for step, record in ((0, sorted(room.ws.pitches)[0]), (3, "e-question"), (6, "e-intervention"), (7, "a-1"), (7, "e-synthesis"), (8, "e-learning"), (5, "e-reformulation")):
        room.do({"type": "go_to_step", "round_id": "r-0", "step": step})
        markup = show(room, id=session.id, edit=record)
        assert 'data-command="save-edit"' in markup, (step, record)
        parsed = assert_safe(markup)
        assert HOSTILE[:20] in "".join(parsed.text) or any(HOSTILE[:20] in (v or "") for _, v in parsed.attrs)


def test_saving_sends_what_changed_then_closes_the_form_and_gives_the_focus_back():
    room = room_at_interventions()
    room.do({"type": "set_draft", "key": "edit-i-1:text", "text": "Fais un planning tournant"})
    page = Recorder()
    app = App(room.ws, Route("session", (("id", "s-1"), ("edit", "i-1"))), page.effects())
    fields = {"type": "edit_entry", "id": "i-1", "text": "Fais un planning tournant", "author_id": "m-3", "help_type": "conseils"}
    run("save-edit", app, fields, Element(focus="f-edit-i-1-button"))
    entry = app.ws.entries["i-1"]
    assert (entry.text, entry.author_id, entry.help_type) == ("Fais un planning tournant", "m-3", "conseils")
    assert app.ui.route == Route("session", (("id", "s-1"),)) and page.hash == "#/session?id=s-1", "the form is closed"
    assert page.focused[-1] == "f-edit-i-1-button"
    assert app.ws.local.drafts == {} and page.saved == 1
    assert "Fais un planning tournant</p>" in page.painted[-1]
    app.dispatch({"type": "undo"})
    assert app.ws.entries["i-1"].text == "Fais un planing tournant", "an edit is undone like any change"


def test_a_rating_without_words_can_change_its_author():
    room = room_at_interventions()
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 8})
    room.do({"type": "finish_round", "round_id": "r-1"})
    room.do({"type": "start_evaluation", "session_id": "s-1"})
    room.do({"type": "add_entry", "id": "ev-1", "session_id": "s-1", "kind": "evaluation", "author_id": "m-0", "rating": 4, "text": ""})
    markup = show(room, id="s-1", edit="ev-1")
    assert 'value="4" data-draft="edit-ev-1:rating" checked' in markup
    app = App(room.ws, Route("session", (("id", "s-1"), ("edit", "ev-1"))), Recorder().effects())
    run("save-edit", app, {"type": "edit_entry", "id": "ev-1", "text": "", "author_id": "m-4", "rating": "5"}, Element())
    entry = app.ws.entries["ev-1"]
    assert (entry.text, entry.author_id, entry.rating) == ("", "m-4", 5) and not app.ui.error


def test_an_unchanged_form_closes_without_a_change_and_a_refused_one_stays_open():
    room = room_at_interventions()
    page = Recorder()
    app = App(room.ws, Route("session", (("id", "s-1"), ("edit", "a-1"))), page.effects())
    before = app.ws
    run("save-edit", app, {"type": "edit_action_item", "id": "a-1", "text": "Voir la DRH", "due": "2027-01-15"}, Element())
    assert app.ws is before and app.ui.route.get("edit") == ""
    app.arrived(Route("session", (("id", "s-1"), ("edit", "a-1"))))
    run("save-edit", app, {"type": "edit_action_item", "id": "a-1", "text": "Voir la DRH", "due": "2027-02-01"}, Element())
    assert app.ws.action_items["a-1"].due == "2027-02-01"
    app.arrived(Route("session", (("id", "s-1"), ("edit", "q-1"))))
    run("save-edit", app, {"type": "edit_entry", "id": "q-1", "text": "   ", "author_id": "m-0"}, Element())
    assert app.ws.entries["q-1"].text == "Depuis quand ?" and app.ui.route.get("edit") == "q-1"
    assert app.ui.error == "Le texte est vide." and "Le texte est vide." in page.painted[-1]


def test_opening_moves_the_focus_to_the_form_and_closing_forgets_what_was_typed():
    room = room_at_interventions()
    page = Recorder()
    app = App(room.ws, Route("session", (("id", "s-1"),)), page.effects())
    run("edit", app, {"id": "i-1"}, Element(focus="f-edit-i-1-text"))
    seen = f"{app.ws.entries['i-1'].stamp}%2F{app.ws.entries['i-1'].device}"  # the version shown (tests/test_tabs.py)
    assert app.ui.route.get("edit") == "i-1" and page.hash == f"#/session?id=s-1&edit=i-1&seen={seen}"
    assert page.focused[-1] == "f-edit-i-1-text" and 'id="f-edit-i-1-text"' in page.painted[-1]
    app.set_draft("edit-i-1:text", "Fais un")
    app.set_draft("r-1-interventions:text", "Une autre intervention")
    run("edit", app, {}, Element(focus="f-edit-i-1-button"))
    assert app.ui.route.get("edit") == "" and page.focused[-1] == "f-edit-i-1-button"
    assert app.ws.local.drafts == {"r-1-interventions:text": "Une autre intervention"}, "only the closed form's drafts go"
    assert "Fais un planing tournant</p>" in page.painted[-1]


def test_a_withdrawn_pitch_leaves_the_vote_and_the_parking_lot_until_put_back():
    room = room_at_interventions()
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 1})
    room.do({"type": "withdraw_pitch", "id": "p-4"})
    markup = show(room)
    row = re.search(r'<li class="pitch withdrawn">.*?</li>\s*(?=<li|</ol>)', markup, re.S).group(0)
    assert "Situation 4" in row and ">retirée</span>" in row
    assert "choose_pitch" not in row and "toggle_vote" not in row, "no vote, no choice"
    assert "Remettre en attente « Situation 4 »" in names_of_buttons(row)
    room.do({"type": "finish_round", "round_id": "r-1"})
    between = show(room)
    text = "".join(Tags(between).text)
    assert "Problématiques retirées" in text
    waiting = text.split("Prochaine problématique")[1].split("Problématiques retirées")[0]
    assert "Situation 4" not in waiting and "Situation 3" in waiting
    assert "Remettre en attente « Situation 4 »" in names_of_buttons(between)


def test_forms_open_in_place_between_rounds_in_the_follow_up_and_for_a_former_member():
    room = room_at_interventions()
    room.do({"type": "add_entry", "id": "i-2", "session_id": "s-1", "round_id": "r-1", "kind": "intervention", "author_id": "m-4", "help_type": "avis", "text": "Et si…"})
    room.do({"type": "remove_member", "id": "m-4"})
    markup = show(room, id="s-1", edit="i-2")
    authors = re.search(r'<select[^>]*name="author_id".*?</select>', markup[markup.index("save-edit"):], re.S).group(0)
    assert '<option value="m-4" selected>Émilie</option>' in authors, "a removed member stays the author until changed"

    room.do({"type": "go_to_step", "round_id": "r-1", "step": 8})
    room.do({"type": "finish_round", "round_id": "r-1"})
    assert 'value="Situation 3"' in labelled(show(room, id="s-1", edit="p-3"), "Titre corrigé"), "the parking lot, between rounds"
    room.do({"type": "start_evaluation", "session_id": "s-1"})
    room.do({"type": "finish_session", "session_id": "s-1"})
    room.session("s-2", date="2027-03-01")
    assert room.ws.sessions["s-2"].stage == "followup"
    assert 'value="Voir la DRH"' in labelled(show(room, id="s-2", edit="a-1"), "Texte corrigé"), "the follow-up of the plans"
