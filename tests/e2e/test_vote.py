"""End to end, issue 18 item 3: the choice step with eight problems and eight members in each
voting mode fits a 1280x720 projector (every ballot and "Choisir" on screen without
scrolling) and a phone (nothing wider than the screen), with no axe violation; a dot vote,
a secret vote revealed, a tie decided by a pick and by a second vote, voting by keyboard.
Screenshots of each mode go to screenshots/ for a person to look at."""

from __future__ import annotations

import time
from pathlib import Path

import build
import pytest
from test_ui_a11y import AXE_RUN, WCAG
from ui_helpers import card, dotted, seed

from support.room import Room

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"
EIGHT = ["Amélie Durand", "Bruno Lefèvre", "Chloé Martin", "David N'Diaye", "Émilie Rousseau", "Farid Benali", "Gaëlle Morel", "Hugo Petit"]
PROBLEMS = [
    "Recadrer un agent sans casser la relation",
    "Un planning qui ne tient jamais",
    "Arriver dans une équipe en conflit",
    "Déléguer sans tout vérifier",
    "Dire non à sa hiérarchie",
    "Accompagner un collègue en arrêt long",
    "Conduire le changement d’outil informatique",
    "Tenir les entretiens annuels à temps",
]
SIZES = {"projector": (1280, 720), "phone": (390, 844)}


def choice_step(mode: str, dots: int = 3) -> Room:
    """Eight members; a first session left Amélie's problem waiting (carried over); the
    second, voting `mode`, is at its choice step with eight problems on the table."""
    room = Room(now=int(time.time() * 1000) - 3_600_000)
    room.do({"type": "create_group", "id": "g-1", "name": "Cadres de santé", "kind": "cross", "members": [{"id": f"m-{i}", "name": n} for i, n in enumerate(EIGHT)]})
    room.session("s-0", "2026-09-15")
    room.do({"type": "start_round", "session_id": "s-0", "id": "r-0"})
    room.do({"type": "add_pitch", "id": "p-0", "session_id": "s-0", "member_id": "m-0", "title": PROBLEMS[0]})
    room.do({"type": "finish_round", "round_id": "r-0"})
    room.do({"type": "finish_session", "session_id": "s-0"})
    room.session("s-1", "2026-12-01", voting=mode, dots=dots)
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    for i in range(1, 8):
        room.do({"type": "add_pitch", "id": f"p-{i}", "session_id": "s-1", "member_id": f"m-{i}", "title": PROBLEMS[i]})
    room.do({"type": "next_step", "round_id": "r-1"})
    return room


def open_choice(app, room: Room, viewport: str = "projector") -> None:
    width, height = SIZES[viewport]
    app.page.set_viewport_size({"width": width, "height": height})
    seed(app.page, room.ws)
    app.open("#/session?id=s-1")
    app.wait_until_checked()
    app.page.locator(".pitches").wait_for()


OFF_SCREEN = """() => [...document.querySelectorAll('.pitches button[data-action], .vote-bar a, .vote-bar button')]
  .filter(b => { const r = b.getBoundingClientRect(); return r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth })
  .map(b => b.getAttribute('aria-label') || b.textContent)"""


@pytest.mark.parametrize("viewport", ["projector", "phone"])
@pytest.mark.parametrize("mode", ["one", "dots", "secret"])
def test_the_choice_step_fits_the_screen_in_each_mode_with_no_axe_violation(app, mode, viewport):
    room = choice_step(mode)
    if mode == "dots":  # some dots placed, so that the "−" buttons show too
        for member, pitch in ((1, 2), (1, 2), (3, 5), (6, 0)):
            room.do({"type": "add_dot", "pitch_id": f"p-{pitch}", "member_id": f"m-{member}", "session_id": "s-1"})
    elif mode == "secret":
        room.do({"type": "toggle_vote", "pitch_id": "p-3", "member_id": "m-2", "session_id": "s-1"})
    else:
        for member, pitch in ((0, 1), (1, 1), (2, 4), (3, 4)):
            room.do({"type": "toggle_vote", "pitch_id": f"p-{pitch}", "member_id": f"m-{member}", "session_id": "s-1"})
    open_choice(app, room, viewport)
    page = app.page
    page.wait_for_timeout(150)
    assert page.locator(".pitch").count() == 8
    assert page.locator(".pitch .ballots button[data-action]").count() >= 64
    if viewport == "projector":
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{viewport}-vote-{mode}.png"))
        assert page.evaluate(OFF_SCREEN) == [], "every ballot and Choose within 1280x720"
        assert page.evaluate("document.scrollingElement.scrollTop") == 0
    else:
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, "nothing wider than the phone"
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{viewport}-vote-{mode}.png"), full_page=viewport == "phone")
    page.add_script_tag(path=str(build.npm_packages() / "axe-core" / "axe.min.js"))
    assert page.evaluate(AXE_RUN, WCAG) == []


def test_a_dot_vote(app):
    open_choice(app, choice_step("dots", dots=2))
    page = app.page
    c = card(page, "C")
    c.get_by_role("button", name="Bruno : une gommette de plus", exact=False).click()
    dotted(c, "Bruno ●").wait_for()
    c.get_by_role("button", name="Bruno : une gommette de plus", exact=False).click()
    dotted(c, "Bruno ●●").wait_for()
    assert c.locator(".tally").inner_text() == "2"
    # Bruno has placed both his dots: he cannot add one elsewhere, until he takes one back
    assert card(page, "A").get_by_role("button", name="Bruno : une gommette de plus", exact=False).is_disabled()
    c.get_by_role("button", name="Retirer une gommette de Bruno", exact=False).click()
    dotted(c, "Bruno ●").wait_for()
    card(page, "A").get_by_role("button", name="Bruno : une gommette de plus", exact=False).click()
    dotted(card(page, "A"), "Bruno ●").wait_for()
    assert [card(page, x).locator(".tally").inner_text() for x in "AC"] == ["1", "1"]


def test_a_secret_vote_revealed(app):
    open_choice(app, choice_step("secret"))
    page = app.page
    card(page, "B").get_by_role("button", name="Amélie vote pour", exact=False).click()
    page.get_by_text("1 personne sur 8 a voté").wait_for()
    card(page, "D").get_by_role("button", name="Bruno vote pour", exact=False).click()
    card(page, "B").get_by_role("button", name="Chloé vote pour", exact=False).click()
    page.get_by_text("3 personnes sur 8 ont voté").wait_for()
    assert {page.locator(".tally").nth(i).inner_text() for i in range(8)} == {"?"}
    assert page.locator(".pitches [aria-pressed='true']").count() == 0, "nobody sees who voted what"
    page.get_by_role("button", name="Dévoiler le vote").click()
    page.get_by_role("button", name="Dévoiler le vote").wait_for(state="detached")
    assert [card(page, x).locator(".tally").inner_text() for x in "ABCD"] == ["0", "2", "0", "1"]
    assert card(page, "B").locator("[aria-pressed='true']").all_inner_texts() == ["Amélie", "Chloé"]


def tie_between_b_and_d(app) -> None:
    open_choice(app, choice_step("one"))
    page = app.page
    for letter, who in (("B", "Amélie"), ("B", "Bruno"), ("D", "Chloé"), ("D", "David"), ("E", "Émilie")):
        card(page, letter).get_by_role("button", name=who, exact=True).click()
        card(page, letter).get_by_role("button", name=who, exact=True).and_(page.locator("[aria-pressed='true']")).wait_for()
    page.get_by_text("Égalité entre B, D :").wait_for()
    assert [card(page, x).locator(".tag.tie").count() for x in "ABCDE"] == [0, 1, 0, 1, 0]
    assert page.evaluate(OFF_SCREEN) == []
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "projector-vote-tie.png"))


def test_a_tie_decided_by_the_animateurs_pick(app):
    tie_between_b_and_d(app)
    page = app.page
    card(page, "D").get_by_role("button", name="Choisir", exact=False).click()
    page.get_by_text("Le groupe a choisi").wait_for()
    assert page.get_by_text("Égalité entre").count() == 0


def test_a_tie_decided_by_a_second_vote(app):
    tie_between_b_and_d(app)
    page = app.page
    page.get_by_role("button", name="Second vote entre eux").click()
    page.get_by_text("Second vote n° 2").wait_for()
    # only the tied problems take votes; their counts start again
    assert card(page, "A").locator(".ballots").count() == 0
    assert [card(page, x).locator(".tally").inner_text() for x in "BD"] == ["0", "0"]
    page.screenshot(path=str(SHOTS / "projector-vote-runoff.png"))
    for who in ("Amélie", "Bruno", "Émilie"):
        card(page, "D").get_by_role("button", name=who, exact=True).click()
        card(page, "D").get_by_role("button", name=who, exact=True).and_(page.locator("[aria-pressed='true']")).wait_for()
    assert page.get_by_text("Égalité entre").count() == 0
    card(page, "D").get_by_role("button", name="Choisir", exact=False).click()
    page.get_by_text("Le groupe a choisi").wait_for()


def test_keyboard_a_digit_picks_who_votes_a_letter_casts_and_typing_is_left_alone(app):
    open_choice(app, choice_step("dots"))
    page = app.page
    page.keyboard.press("3")
    page.locator(".vote-bar a[aria-current='true']", has_text="Chloé").wait_for()
    page.keyboard.press("c")
    dotted(card(page, "C"), "Chloé ●").wait_for()
    page.keyboard.press("c")
    dotted(card(page, "C"), "Chloé ●●").wait_for()
    page.keyboard.press("Shift+C")
    dotted(card(page, "C"), "Chloé ●").wait_for()
    page.keyboard.press("8")
    page.locator(".vote-bar a[aria-current='true']", has_text="Hugo").wait_for()
    page.keyboard.press("a")
    dotted(card(page, "A"), "Hugo ●").wait_for()
    # typing a title in a pitch's form casts nothing
    card(page, "E").get_by_role("button", name="Modifier").click()
    field = page.get_by_label("Titre corrigé")
    field.fill("")
    field.type("Dire non 3 fois ab")
    assert field.input_value() == "Dire non 3 fois ab"
    assert page.locator(".vote-bar a[aria-current='true']").inner_text().endswith("Hugo")
    assert card(page, "B").locator(".tally").inner_text() == "0"
