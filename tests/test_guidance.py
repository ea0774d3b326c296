"""The guidance of every protocol of the library (issue 18, item 2): each step has the coach's
fuller text in both languages; a coached session shows it on screen at each step, a session
run on its own shows the short guidance instead, with the charter recalled before the group's
first questions and before its first contributions, whatever the protocol calls those steps;
and the roles a protocol names are the ones its texts speak of."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from app.markup import escape_text
from app.protocol import DEFAULT_ROLES, LIBRARY, Protocol, Role, Step, Text
from app.protocol_check import MAX_TEXT, problems
from app.views import render
from app.views.context import View
from app.views.routes import route
from support.protocol_play import begin, new_group, play_round
from support.room import Room
from tests.test_views import show

PROTOCOLS = pytest.mark.parametrize("protocol", list(LIBRARY.values()), ids=list(LIBRARY))


class Guidance(HTMLParser):
    """The text of each paragraph of the step's guidance, by its class (do, dont, coach, reminder)."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.found: dict[str, str] = {}
        self.inside: str | None = None
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class")
        if tag == "p" and cls in ("do", "dont", "coach", "reminder"):
            self.inside = cls
            self.found[cls] = ""

    def handle_endtag(self, tag):
        if tag == "p":
            self.inside = None

    def handle_data(self, data):
        if self.inside:
            self.found[self.inside] += data


def on_screen(room, lang: str) -> dict[str, str]:
    return Guidance(render(View(ws=room.ws, route=route("session", id="s-1"), lang=lang, now=room.now, today="2026-12-01"))).found


@PROTOCOLS
def test_every_step_has_the_coachs_guidance_in_both_languages(protocol):
    for step in protocol.steps:
        assert step.coach is not None, step.key
        for lang in ("fr", "en"):
            # why the step exists, what to say, what to watch, the common pitfalls
            parts = ("Pourquoi\u202f:", "À dire", "À surveiller\u202f:", "Piège\u202f:") if lang == "fr" else ("Why:", "What to say", "Watch for:", "Pitfall:")
            assert [p for p in parts if p not in step.coach(lang)] == [], (step.key, lang)


@PROTOCOLS
def test_a_coached_session_shows_the_coachs_guidance_at_every_step(protocol):
    room = new_group(protocol, coached=True)
    begin(room, "r-1")
    seen = []

    def look(step: Step) -> None:
        for lang in ("fr", "en"):
            shown = on_screen(room, lang)
            assert shown["coach"].endswith(step.coach(lang)), (step.key, lang)
            assert "reminder" not in shown, step.key  # the coach recalls the charter in their own words
        seen.append(step.key)

    play_round(room, "r-1", look)
    assert seen == [s.key for s in protocol.steps]


def charter_moments(protocol: Protocol) -> dict[str, str]:
    """The step before which the charter is recalled, by capture: the group's first questions
    and its first contributions (by what the step captures, not by where codev puts them)."""
    found: dict[str, str] = {}
    for step in protocol.steps:
        if step.capture in ("questions", "interventions"):
            found.setdefault(step.capture, step.key)
    return found


@PROTOCOLS
def test_a_session_on_its_own_shows_the_short_guidance_and_the_charter_before_questions_and_contributions(protocol):
    room = new_group(protocol, coached=False)
    begin(room, "r-1")
    moments = {key: capture for capture, key in charter_moments(protocol).items()}
    recalled = []

    def look(step: Step) -> None:
        shown = on_screen(room, "fr")
        assert shown["do"].endswith(step.do("fr")) and "coach" not in shown, step.key
        if step.key in moments:
            assert shown["reminder"].startswith("Rappel de la charte"), step.key
            recalled.append(step.key)
        else:
            assert "reminder" not in shown, step.key

    play_round(room, "r-1", look)
    assert sorted(recalled) == sorted(moments)
    # every protocol of the library has a step where the group contributes to the carrier
    assert "interventions" in charter_moments(protocol).values() or "interventions" in charter_moments(protocol)


def test_the_charter_moments_follow_each_method():
    assert charter_moments(LIBRARY["gease"]) == {"questions": "questions", "interventions": "hypotheses"}
    assert charter_moments(LIBRARY["action-learning"]) == {"questions": "clarify", "interventions": "resources"}
    assert charter_moments(LIBRARY["kollegiale-beratung"]) == {"interventions": "consultation"}
    assert charter_moments(LIBRARY["intervision-incident"]) == {"questions": "questions", "interventions": "advice"}


def role_word(role: Role, lang: str) -> str:
    """How running text names a role: "Modérateur·rice" reads "modérateur"."""
    return re.sub(r"·\w+", "", role.name(lang)).lower()


@PROTOCOLS
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_guidance_speaks_of_the_roles_the_protocol_names_and_of_no_other(protocol, lang):
    text = " ".join(t(lang) for s in protocol.steps for t in (s.do, s.dont, s.script, s.coach) if t is not None).lower()
    known = {r.key: r for p in LIBRARY.values() for r in (*DEFAULT_ROLES, *p.roles)}
    own = {r.key for r in protocol.roles}
    assert [k for k in own if role_word(known[k], lang) not in text] == []
    assert [k for k in known if k not in own and role_word(known[k], lang) in text] == []


def test_the_editor_edits_the_coachs_guidance_and_a_coached_session_shows_the_edit():
    room = Room()
    room.group()
    room.do({"type": "adapt_protocol", "id": "p-own", "group_id": "g-1", "from_id": "kollegiale-beratung"})
    steps = room.ws.protocols["p-own"].protocol.steps
    # One step's form at a time (the address names it): each step's has the coach's texts.
    for step in steps:
        page = show(room, "protocols", id="p-own", step=step.key)
        assert page.count('name="coach_fr"') == page.count('name="coach_en"') == 1
    page = show(room, "protocols", id="p-own", step=steps[0].key)
    assert escape_text(steps[0].coach.fr, quote=False) in page and escape_text(steps[0].coach.en, quote=False) in page
    room.do({"type": "edit_step", "id": "p-own", "step": "casting", "coach_fr": " Pourquoi : nommer les rôles d’abord. ",
             "coach_en": "Why: name the roles first."})
    assert room.ws.protocols["p-own"].protocol.steps[0].coach == Text(fr="Pourquoi : nommer les rôles d’abord.", en="Why: name the roles first.")
    room.do({"type": "start_session", "id": "s-1", "group_id": "g-1", "date": "2026-12-01", "protocol_id": "p-own", "coached": True})
    room.do({"type": "acknowledge_charter", "session_id": "s-1", "date": "2026-12-01"})
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    assert on_screen(room, "fr")["coach"].endswith("Pourquoi : nommer les rôles d’abord.")
    room.do({"type": "edit_step", "id": "p-own", "step": "casting", "coach_fr": "", "coach_en": ""})
    assert room.ws.protocols["p-own"].protocol.steps[0].coach is None  # both emptied: no coach's text


def test_a_coachs_text_too_long_is_refused_like_the_others():
    gease = LIBRARY["gease"]
    long_coach = gease.steps[0].model_copy(update={"coach": Text(fr="x" * (MAX_TEXT + 1), en="")})
    found = problems(gease.model_copy(update={"steps": (long_coach, *gease.steps[1:])}))
    assert [(p.key, p.params) for p in found] == [("protocol.check.text_too_long", {"n": 1})]
