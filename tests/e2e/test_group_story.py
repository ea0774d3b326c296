"""Issue 18 end to end, as one story: a group of five plays a coached first session (a dot
vote ending in a tie the animateur settles, an action plan "avec qui", a break ended early
as the projected screen announces when the room is back), then an autonomous second session
whose roles the rotation gives to others (the script now speaks to the animateur): the
follow-up of the first session's actions by carrier, a secret vote revealed, and the
session running late (the page's clock jumps forward) until the suggestion is applied. The
summaries say who held which role and what each member has still open."""

from __future__ import annotations

import time
from pathlib import Path

from test_ui_a11y import SHOTS, go
from ui_helpers import break_ends, card, dotted, french, open_session, role_holder, seed, title_is

from support.room import Room

ROLES = ("Animateur·rice", "Gardien·ne du temps", "Secrétaire")
PROBLEMS = {"Alice": "Recadrer un agent", "Bruno": "Un planning qui déborde", "Chloé": "Une équipe en conflit"}


def new_group() -> Room:
    room = Room(now=int(time.time() * 1000) - 60_000)
    room.group()  # Alice, Bruno, Chloé, David, Émilie
    return room


def next_step(page, title: str) -> None:
    page.get_by_role("button", name="Étape suivante").click()
    title_is(page, title)


def vote_with(page, letter: str, who: str) -> None:
    """One voice (a secret vote's: its button shows nothing pressed)."""
    card(page, letter).get_by_role("button", name=f"{who} vote pour", exact=False).click()


def session_id(page) -> str:
    return page.evaluate("new URLSearchParams(location.hash.split('?')[1]).get('id')")


def summary(page, session: str, button: str) -> str:
    """The Markdown of a summary downloaded from the session's summaries screen."""
    go(page, f"#/summaries?session={session}", "Synthèses ")
    with page.expect_download() as started:
        page.get_by_role("button", name=french(button), exact=True).click()
    return Path(started.value.path()).read_text(encoding="utf-8")


def coached_first_session(page, wall) -> str:
    """Played through the screens; returns the session's id."""
    go(page, "#/setup?group=g-1", "Nouvelle séance")
    assert page.get_by_label("Avec un coach", exact=False).is_checked(), "a group's first session is coached"
    assert [role_holder(page, r) for r in ROLES] == ["Alice", "Bruno", "Chloé"]
    page.get_by_label("Mode de vote").select_option(label="Gommettes")
    page.get_by_label("Gommettes chacun").select_option("2")
    page.get_by_label("Nombre de tours (questions)").fill("2")
    open_session(page)
    sid = session_id(page)
    page.get_by_role("button", name="Commencer le premier tour").click()
    title_is(page, "Exposé des problématiques")
    assert page.locator(".guidance .coach").inner_text().startswith(french("Pour le coach :"))
    for name, problem in PROBLEMS.items():
        page.get_by_label("Qui présente").select_option(label=name)
        page.get_by_label("Titre de la problématique").fill(problem)
        page.get_by_role("button", name="Ajouter la problématique").click()
        page.get_by_text(problem, exact=True).wait_for()
    next_step(page, "Choix consensuel d'une problématique")
    wall.get_by_role("heading", level=1, name=french("Choix consensuel d'une problématique")).wait_for()

    # Two dots each: David's on A, Émilie's on B, a tie the animateur settles.
    for letter, who in (("A", "David"), ("B", "Émilie")):
        for dots in ("●", "●●"):
            card(page, letter).get_by_role("button", name=f"{who} : une gommette de plus", exact=False).click()
            dotted(card(page, letter), f"{who} {dots}").wait_for()
    assert card(page, "B").get_by_role("button", name="Émilie : une gommette de plus", exact=False).is_disabled(), "two dots, no more"
    page.get_by_text(french("Égalité entre A, B :")).wait_for()
    wall.locator(".shown .tag.tie").nth(1).wait_for()  # the room sees the tie too
    assert [card(page, x).locator(".tally").inner_text() for x in "ABC"] == ["2", "2", "0"]
    card(page, "B").get_by_role("button", name="Choisir", exact=False).click()
    page.get_by_text("Le groupe a choisi").wait_for()
    assert page.get_by_text("Égalité entre").count() == 0

    next_step(page, "Exposé par le porteur")
    page.locator(".guidance details.script summary").click()  # coached: the coach speaks, the script is closed
    assert page.locator(".guidance .leader").inner_text() == french("Animateur·rice : Alice")
    next_step(page, "Exploration par le groupe")
    next_step(page, "Reformulations")
    page.get_by_label("Reformulation", exact=True).fill("Comment tenir un planning qui déborde ?")
    page.get_by_role("button", name="Ajouter la reformulation").click()
    next_step(page, "Choix d'une reformulation et demande")
    page.get_by_role("button", name="Choisir cette reformulation").click()
    page.get_by_role("checkbox", name="Conseils").check()
    page.get_by_role("button", name="Enregistrer la demande").click()
    page.locator(".reminder", has_text=french("Demande : Conseils")).wait_for()
    next_step(page, "Écoute des interventions")
    next_step(page, "Synthèse du porteur")
    for action, whom in (("Appeler la DRH", "la cadre supérieure"), ("Revoir les roulements", "Chloé")):
        page.get_by_label("Action", exact=True).fill(action)
        page.get_by_label("Avec qui", exact=True).fill(whom)
        page.get_by_label("Pour le", exact=True).fill("2027-01-15")
        page.get_by_role("button", name="Ajouter l’action").click()
        page.locator(".entry", has_text=action).wait_for()
    assert "avec Chloé" in page.locator(".entry", has_text="Revoir les roulements").inner_text()
    next_step(page, "Synthèse de chaque membre")
    page.get_by_role("button", name="Terminer le tour").click()
    title_is(page, "Entre deux tours")

    # A break: the projected screen says when the room is back; it ends early, by a click.
    page.get_by_role("button", name="Pause de 15 min").click()
    back = break_ends(page)
    title_is(page, f"Pause — reprise à {back}")
    wall.get_by_role("heading", level=1, name=f"Pause — reprise à {back}").wait_for()
    page.get_by_role("button", name="Reprendre maintenant").click()
    wall.get_by_role("heading", level=1, name="Entre deux tours").wait_for()

    page.get_by_role("button", name="Terminer par l’évaluation de la séance").click()
    page.get_by_role("button", name="Clore la séance").click()
    page.get_by_role("button", name="Oui, clore la séance").click()
    title_is(page, "Séance terminée")
    return sid


def autonomous_second_session(page, wall) -> str:
    go(page, "#/setup?group=g-1", "Nouvelle séance")
    assert page.get_by_label("En autonomie", exact=False).is_checked()
    # The rotation: the animateur and the timekeeper go to those who held no role; the
    # secretary (never the carrier's) to Bruno, who carried last, the least likely to again.
    assert [role_holder(page, r) for r in ROLES] == ["David", "Émilie", "Bruno"]
    page.get_by_label("Mode de vote").select_option(label="Vote secret")
    page.get_by_label("Nombre de tours (questions)").fill("2")
    page.get_by_label("Temps disponible (minutes)").fill("150")
    open_session(page)
    sid = session_id(page)

    # The follow-up: Bruno's actions under his name, with whom; one done, one still open.
    title_is(page, "Suivi des plans d'action")
    bruno = page.get_by_role("region", name="Bruno")
    for action, whom in (("Appeler la DRH", "la cadre supérieure"), ("Revoir les roulements", "Chloé")):
        item = bruno.locator(".entry", has_text=action)
        assert f"avec {whom}" in item.inner_text()
        assert "Problématique «\u202fUn planning qui déborde\u202f»" in item.inner_text()
    wall.get_by_role("heading", level=1, name=french("Suivi des plans d'action")).wait_for()
    done = bruno.get_by_role("group", name="Avancement de : Appeler la DRH")
    done.get_by_role("button", name="Fait").click()
    page.wait_for_function("() => document.querySelector('.entry .tag.reviewed') !== null")
    page.get_by_role("button", name="Passer aux tours de la séance").click()
    page.get_by_role("button", name="Commencer le premier tour").click()
    title_is(page, "Exposé des problématiques")
    assert page.locator(".guidance .coach").count() == 0
    assert page.locator(".guidance details.script").evaluate("d => d.open"), "on its own, the animateur reads the script"
    assert page.locator(".guidance .leader").inner_text() == french("Animateur·rice : David")

    # A secret vote between the problems left waiting: counts hidden until revealed.
    next_step(page, "Choix consensuel d'une problématique")
    vote_with(page, "A", "Bruno")
    page.get_by_text("1 personne sur 5 a voté").wait_for()
    vote_with(page, "B", "David")
    vote_with(page, "A", "Émilie")
    page.get_by_text("3 personnes sur 5 ont voté").wait_for()
    assert set(page.locator(".pitch .tally").all_inner_texts()) == {"?"}
    assert page.locator(".pitches [aria-pressed='true']").count() == 0, "nobody sees who voted what"
    wall.locator(".vote-state", has_text="3 personnes sur 5 ont voté").wait_for()
    assert wall.locator(".shown .count").count() == 0, "the room sees no count either"
    page.get_by_role("button", name="Dévoiler le vote").click()
    page.get_by_role("button", name="Dévoiler le vote").wait_for(state="detached")
    assert [card(page, x).locator(".tally").inner_text() for x in "AB"] == ["2", "1"]
    wall.locator(".shown li", has_text=PROBLEMS["Alice"]).locator(".count", has_text="2 voix").wait_for()
    card(page, "A").get_by_role("button", name="Choisir", exact=False).click()
    page.get_by_text("Le groupe a choisi").wait_for()

    # Late: 40 minutes pass on the carrier's exposé; the budget says so (on the wall too), and
    # the room takes the suggestion.
    next_step(page, "Exposé par le porteur")
    status = page.locator(".budget .budget-status")
    page.get_by_role("button", name="Sur l’écran de présentation").click()
    wall.locator(".budget-status").wait_for()
    page.clock.fast_forward("40:00")  # nothing touched meanwhile: the budget follows the clock
    page.wait_for_function("() => document.querySelector('.budget .budget-status').textContent.includes('de retard')")
    assert "pour 2 tours" in status.inner_text()
    wall.locator(".budget-status", has_text="de retard").wait_for()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "projector-story-late.png"))
    wall.screenshot(path=str(SHOTS / "projector-story-late-wall.png"))
    page.get_by_role("button", name="Raccourcir les étapes à venir", exact=False).click()
    page.wait_for_function("() => !document.querySelector('.budget .budget-status').textContent.includes('de retard')")
    wall.locator(".budget-status", has_text="de retard").wait_for(state="detached")
    return sid


def test_a_coached_session_then_an_autonomous_one(app):
    page = app.page
    started = time.monotonic()
    page.set_viewport_size({"width": 1280, "height": 720})
    page.clock.install()
    seed(page, new_group().ws)
    app.open("#/group?id=g-1")
    app.wait_until_checked()
    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Présentation", exact=True).click()
    wall = opened.value
    wall.wait_for_function("document.documentElement.dataset.appState === 'ready'")

    first = coached_first_session(page, wall)
    go(page, "#/group?id=g-1", "Cadres santé")
    page.get_by_text(french("avec un coach · Animateur·rice : Alice · Gardien·ne du temps : Bruno · Secrétaire : Chloé")).wait_for()
    second = autonomous_second_session(page, wall)

    group_summary = summary(page, first, "Markdown — compte rendu du groupe")
    roles = [line for line in group_summary.splitlines() if any(f"**{r}**" in line for r in ROLES)]
    assert roles == [french(f"- **{r}** : {who}") for r, who in zip(ROLES, ("Alice", "Bruno", "Chloé"))], group_summary
    mine = summary(page, second, "Markdown — synthèse de Bruno")
    assert french("- **Secrétaire** : Bruno") in mine
    still_open = mine.split(french("## Vos actions encore ouvertes"))[1].split("##")[0]
    assert "Revoir les roulements" in still_open and "avec Chloé" in still_open
    assert "Appeler la DRH" not in still_open, "done at the follow-up"
    # The group page keeps the open action, with its age.
    go(page, "#/group?id=g-1", "Cadres santé")
    assert [" ".join(t.split()) for t in page.locator(".plans li").all_inner_texts()] == [
        french("Bruno Revoir les roulements À faire pour le vendredi 15 janvier 2027 · décidée aujourd'hui")
    ]
    print(f"story: {time.monotonic() - started:.1f} s")
