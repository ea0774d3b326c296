"""The screens' markup under CPython: what each screen shows at each stage of a session,
and hostile text in every field coming out as text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.views import render
from app.views.context import View
from app.views.routes import Route, route
from support.room import Room

HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script>\"'&\u202e\u200b🙂"
NAMES = [f"{n} {HOSTILE}"[:200] for n in ("Alice", "Bruno", "Chloé", "David", "Émilie")]


class Tags(HTMLParser):
    """Every tag and attribute of a piece of markup, as a browser would parse it."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def show(room: Room, screen: str = "session", lang: str = "fr", **params: str) -> str:
    params = params or {"id": "s-1"}
    return render(View(ws=room.ws, route=route(screen, **params), lang=lang, now=room.now, today="2026-12-01"))


def assert_safe(markup: str) -> Tags:
    parsed = Tags(markup)
    assert not {"script", "img", "iframe", "object"} & set(parsed.tags)
    assert not [name for name, _ in parsed.attrs if name.startswith("on")]
    return parsed


def hostile_room() -> Room:
    """A group whose every text is hostile, with a finished round (every capture filled),
    a running second session in its follow-up, and all kinds of contributions."""
    room = Room()
    members = [{"id": f"m-{i}", "name": name} for i, name in enumerate(NAMES)]
    room.do({"type": "create_group", "id": "g-1", "name": HOSTILE, "kind": "institution", "members": members})
    room.do({"type": "start_session", "id": "s-0", "group_id": "g-1", "date": "2026-09-01", "place": HOSTILE})
    room.do({"type": "acknowledge_charter", "session_id": "s-0", "date": "2026-09-01"})
    room.do({"type": "start_round", "session_id": "s-0", "id": "r-0"})
    for i in range(5):
        room.do({"type": "add_pitch", "session_id": "s-0", "member_id": f"m-{i}", "title": HOSTILE, "text": HOSTILE})
    room.do({"type": "next_step", "round_id": "r-0"})
    pitch = sorted(room.ws.pitches.values(), key=lambda p: p.member_id)[2]
    room.do({"type": "toggle_vote", "pitch_id": pitch.id, "member_id": "m-0"})
    room.do({"type": "choose_pitch", "round_id": "r-0", "pitch_id": pitch.id})
    for kind, author in (("note", "m-2"), ("question", "m-0"), ("reformulation", "m-1"), ("intervention", "m-3"), ("synthesis", "m-2"), ("learning", "m-4")):
        room.do({"type": "add_entry", "id": f"e-{kind}", "session_id": "s-0", "round_id": "r-0", "kind": kind, "author_id": author, "text": HOSTILE, "help_type": "conseils" if kind == "intervention" else ""})
    room.do({"type": "choose_reformulation", "round_id": "r-0", "entry_id": "e-reformulation"})
    room.do({"type": "set_contract", "round_id": "r-0", "request_types": ["conseils"], "request": HOSTILE})
    room.do({"type": "add_action_item", "id": "a-1", "round_id": "r-0", "text": HOSTILE, "due": "2026-10-01"})
    room.do({"type": "mark_out_of_frame", "id": "e-question"})
    room.do({"type": "set_draft", "key": "r-0-interventions:text", "text": HOSTILE})
    return room


def walk(room: Room, session: str):
    """Render the session's screen at every step of its current round."""
    round_ = room.ws.rounds[room.ws.sessions[session].current_round_id]
    for step in range(len(room.ws.sessions[session].protocol.steps)):
        room.do({"type": "go_to_step", "round_id": round_.id, "step": step})
        yield step, show(room, id=session), show(room, "presentation", id=session)


def test_hostile_text_in_every_field_comes_out_as_text():
    room = hostile_room()
    screens = []
    for lang in ("fr", "en"):
        for _step, operator, presentation in walk(room, "s-0"):
            screens += [operator, presentation]
    room.do({"type": "finish_round", "round_id": "r-0"})
    room.do({"type": "start_break", "session_id": "s-0"})
    screens.append(show(room, id="s-0"))
    room.do({"type": "start_evaluation", "session_id": "s-0"})
    room.do({"type": "add_entry", "session_id": "s-0", "kind": "evaluation", "author_id": "m-1", "text": HOSTILE, "rating": 4})
    screens.append(show(room, id="s-0"))
    room.do({"type": "finish_session", "session_id": "s-0"})
    room.do({"type": "set_next_session", "session_id": "s-0", "date": "2026-12-01", "place": HOSTILE})
    screens.append(show(room, id="s-0"))
    room.do({"type": "start_session", "id": "s-1", "group_id": "g-1", "date": "2026-12-01"})
    screens.append(show(room, id="s-1"))  # the charter
    room.do({"type": "acknowledge_charter", "session_id": "s-1", "date": "2026-12-01"})
    room.do({"type": "update_action_item", "id": "a-1", "session_id": "s-1", "status": "in_progress", "comment": HOSTILE})
    screens.append(show(room, id="s-1"))  # the follow-up
    screens += [show(room, "home"), show(room, "group", id="g-1"), show(room, "setup", group="g-1"), show(room, "group")]
    for markup in screens:
        parsed = assert_safe(markup)
        assert "&lt;img src=x onerror=alert(1)&gt;" in markup or "<img" not in "".join(parsed.text)
    everything = "".join(screens)
    assert everything.count("&lt;script&gt;alert(2)&lt;/script&gt;") > 30, "the hostile text is shown, as text"
    assert "\u202e" in everything and "🙂" in everything, "odd Unicode is kept as it is"


def test_the_running_round_shows_step_timer_turns_and_guidance():
    room = Room()
    room.group()
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    markup = show(room)
    parsed = assert_safe(markup)
    text = "".join(parsed.text)
    assert "Exposé des problématiques" in text and "Étape 1 sur 9" in text and "Tour 1 sur 3" in text
    assert 'role="timer"' in markup and "10:00" in text, "2 min each for five members"
    assert 'aria-current="step"' in markup and 'aria-keyshortcuts="Space"' in markup
    assert "À éviter : Poser des questions ou commenter pendant les présentations." in text, "what not to do"
    assert "Chaque membre à tour de rôle." in text and "Ordre de parole" in text
    room.wait(700)
    assert "+01:40" in show(room), "overtime counts up"
    assert 'data-state="overtime"' in show(room)


def play_round(room: Room, session: str, round_id: str, carrier: str) -> None:
    """A first round, its choice, its contract and its end, as quickly as the gates allow."""
    room.do({"type": "start_round", "session_id": session, "id": round_id})
    for i in range(5):
        room.do({"type": "add_pitch", "session_id": session, "member_id": f"m-{i}", "title": f"Situation de m-{i}"})
    room.do({"type": "next_step", "round_id": round_id})
    pitch = next(p for p in room.ws.pitches_of(session) if p.member_id == carrier)
    room.do({"type": "choose_pitch", "round_id": round_id, "pitch_id": pitch.id})
    consultant = "m-1" if carrier != "m-1" else "m-2"
    room.do({"type": "add_entry", "id": f"{round_id}-ref", "session_id": session, "round_id": round_id, "kind": "reformulation", "author_id": consultant, "text": "Comment faire ?"})
    room.do({"type": "choose_reformulation", "round_id": round_id, "entry_id": f"{round_id}-ref"})
    room.do({"type": "set_contract", "round_id": round_id, "request_types": ["avis"]})
    room.do({"type": "go_to_step", "round_id": round_id, "step": 8})
    room.do({"type": "finish_round", "round_id": round_id})


def test_between_rounds_the_pitches_wait_and_who_carried_comes_last():
    room = Room()
    room.group()
    room.session(date="2026-09-01")
    play_round(room, "s-1", "r-1", "m-0")
    markup = show(room)
    text = "".join(assert_safe(markup).text)
    assert "Entre deux tours" in text and "1 tour terminé (3 tours prévus)." in text
    assert text.count("Examiner cette problématique") == 4, "the other four pitches wait"
    assert "Situation de m-0" not in text.split("Prochaine problématique")[1].split("Ou choisir")[0]
    carriers = text.split("Ou choisir directement le porteur")[1]
    assert carriers.index("Alice") > carriers.index("Émilie"), "who carried last comes last"
    assert "a porté une problématique le mardi 1er septembre 2026" in carriers


def test_the_contract_step_shows_the_reformulations_to_choose_from():
    room = Room()
    room.group()
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    room.do({"type": "add_pitch", "session_id": "s-1", "member_id": "m-3", "title": "P3"})
    room.do({"type": "next_step", "round_id": "r-1"})
    pitch = next(iter(room.ws.pitches))
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": pitch})
    assert "Le groupe a choisi « P3 » : David est le porteur." in show(room)
    room.do({"type": "add_entry", "session_id": "s-1", "round_id": "r-1", "kind": "reformulation", "author_id": "m-0", "text": "Oser dire non"})
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 5})
    markup = show(room)
    assert "Oser dire non" in markup and "Choisir cette reformulation" in markup
    assert markup.count('type="checkbox" name="request_types[]"') == 5
    entry = next(iter(room.ws.entries))
    room.do({"type": "choose_reformulation", "round_id": "r-1", "entry_id": entry})
    markup = show(room)
    assert "Choisir cette reformulation" not in markup
    assert re.search(r'<button[^>]*aria-pressed="true"[^>]*>Reformulation choisie</button>', markup)


@pytest.mark.parametrize("lang, title", [("fr", "Nouveau groupe"), ("en", "New group")])
def test_new_group_form_has_eight_labelled_member_fields(lang, title):
    room = Room()
    markup = show(room, "group", lang=lang, id="")
    assert f">{title}</h1>" in markup
    parsed = Tags(markup)
    assert parsed.tags.count("input") >= 8 + 1 + 2
    assert markup.count("<label") >= 8 + 1 + 2


def test_a_screen_not_there_yet_shows_a_placeholder(monkeypatch):
    import app.views

    monkeypatch.setitem(app.views.SCREENS, "ghost", "ghost_not_written_yet")
    room = Room()
    for screen in ("ghost", "nowhere"):
        markup = render(View(ws=room.ws, route=Route(screen), lang="en"))
        assert "Coming soon" in markup and f"({screen})" in markup


def test_routes_round_trip_through_the_url_hash():
    target = route("group", id="g 1&x")
    assert Route.parse(target.href) == target
    assert Route.parse("") == Route() and Route.parse("#/<script>") == Route()


TEXT = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("%+&=#?/ aAfF09"), max_size=24)


@settings(max_examples=300)
@given(st.lists(st.tuples(TEXT, TEXT), max_size=4), st.sampled_from(["home", "group", "a/b", "é t"]))
def test_routes_are_written_as_urllib_writes_them_and_read_back(params, screen):
    """app/views/context.py writes and reads the hash without importing urllib.parse."""
    from urllib.parse import quote, urlencode

    written = Route(screen, tuple(params)).href
    query = urlencode(params)
    assert written == f"#/{quote(screen)}" + (f"?{query}" if query else "")
    assert Route.parse(Route("group", tuple(params)).href).params == tuple((k, v) for k, v in params if v)
    assert Route.parse(written).screen == ("home" if "/" in screen or " " in screen else screen)  # names of screens only


@settings(max_examples=500)
@example("a=%aB&b=%\u00e9%&c=%C3+%A9&=x&d==&e=%F0%9F%98%80%zz" + "%C3%A9" * 2000 + "%")
@example("x=\ud800&\udfff=1")
@given(st.lists(st.characters(codec="utf-8") | st.sampled_from(["%", "%C3%A9", "%e9", "%F0%9F", "%4", "+", "&", "=", "%zz"]),
                max_size=30).map("".join))
def test_any_query_reads_as_urllib_reads_it(query):
    from urllib.parse import parse_qsl

    assert Route.parse(f"#/home?{query}").params == tuple(parse_qsl(query))


def test_text_that_utf8_cannot_hold_is_refused_as_urllib_refuses_it():
    from urllib.parse import urlencode

    with pytest.raises(UnicodeEncodeError):
        urlencode([("id", "\ud800")])
    with pytest.raises(UnicodeEncodeError):
        Route("group", (("id", "\ud800"),)).href


def test_the_evaluation_round_rates_the_session_in_the_readers_numbers():
    room = Room()
    room.group()
    room.session()
    room.do({"type": "start_evaluation", "session_id": "s-1"})
    for author, rating in (("m-0", 5), ("m-1", 4)):
        room.do({"type": "add_entry", "session_id": "s-1", "kind": "evaluation", "author_id": author, "rating": rating, "text": "Bien"})
    assert "Note moyenne : 4,5 sur 5 (2 avis)" in show(room)
    assert "Average rating: 4.5 out of 5 (2 ratings)" in show(room, lang="en")
    assert "Clore la séance" in show(room)


def test_counts_on_screen_agree_with_their_number_in_both_languages():
    room = Room()
    room.group()
    room.session()
    home = "".join(Tags(show(room, "home")).text)
    assert "1 groupe sur cet appareil." in home and "5 membres · 1 séance" in home
    assert "1 group on this device." in show(room, "home", lang="en") and "5 members · 1 session" in show(room, "home", lang="en")
    assert "pour 3 tours, 5 présents" in show(room, "setup", group="g-1")  # the plan counts those present
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    room.do({"type": "add_pitch", "id": "p-1", "session_id": "s-1", "member_id": "m-1", "title": "P1"})
    room.do({"type": "next_step", "round_id": "r-1"})
    room.do({"type": "toggle_vote", "pitch_id": "p-1", "member_id": "m-0"})
    assert 'aria-label="1 vote"' in show(room, lang="en") and 'aria-label="1 voix"' in show(room)
    room.do({"type": "toggle_vote", "pitch_id": "p-1", "member_id": "m-0"})
    assert 'aria-label="no vote"' in show(room, lang="en")
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-1"})
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 4})
    room.do({"type": "add_entry", "id": "f-1", "session_id": "s-1", "round_id": "r-1", "kind": "reformulation", "author_id": "m-0", "text": "Comment ?"})
    room.do({"type": "choose_reformulation", "round_id": "r-1", "entry_id": "f-1"})
    room.do({"type": "set_contract", "round_id": "r-1", "request_types": ["avis"]})
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 8})
    room.do({"type": "finish_round", "round_id": "r-1"})
    assert "1 round finished (3 rounds planned)." in show(room, lang="en")
    room.do({"type": "start_evaluation", "session_id": "s-1"})
    room.do({"type": "add_entry", "session_id": "s-1", "kind": "evaluation", "author_id": "m-0", "rating": 4, "text": ""})
    assert "Note moyenne : 4 sur 5 (1 avis)" in show(room) and "(1 rating)" in show(room, lang="en")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_device_with_no_group_says_what_to_do_first(lang):
    markup = show(Room(), "home", lang=lang)
    text = "".join(Tags(markup).text)
    if lang == "fr":
        assert "Pour commencer" in text and "de 4 à 8 pairs" in text and "importez le fichier ici" in text
        assert ">Créer un nouveau groupe</button>" in markup and ">Importer un fichier</a>" in markup
    else:
        assert "Getting started" in text and "4 to 8 peers" in text and "import the file here" in text
        assert ">Create a new group</button>" in markup and ">Import a file</a>" in markup
    assert markup.count("<button") - markup.count('class="quiet"') == 1, "one button to start with, nothing else to pick"
    assert "groups" not in markup.split('id="welcome"')[1], "no empty list of groups"


def test_contributions_come_oldest_first_on_the_operator_screen_as_on_the_presentation():
    room = Room()
    room.group()
    room.session()
    play_round(room, "s-1", "r-1", "m-0")
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-2", "pitch_id": next(p.id for p in room.ws.pitches_of("s-1") if p.member_id == "m-1")})
    room.do({"type": "go_to_step", "round_id": "r-2", "step": 3})
    questions = ["Première question ?", "Deuxième question ?", "Troisième question ?"]
    for author, text in zip(("m-0", "m-2", "m-3"), questions):
        room.do({"type": "add_entry", "session_id": "s-1", "round_id": "r-2", "kind": "question", "author_id": author, "text": text})
    for screen in ("session", "presentation"):
        text = "".join(Tags(show(room, screen)).text)
        assert [text.index(q) for q in questions] == sorted(text.index(q) for q in questions), screen


@settings(max_examples=300)
@given(st.text(), st.text())
def test_a_fields_id_keeps_letters_and_digits_of_any_script_and_dashes_the_rest(name, scope):
    from app.views.parts import field_id

    assert field_id(name, scope) == "f-" + "".join(c if c.isalnum() else "-" for c in f"{scope}-{name}")
