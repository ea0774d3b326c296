"""Every screen, on a 1280x720 projector and on a phone: axe-core finds no WCAG 2.2 A or AA
violation, and a screenshot of each is written to screenshots/ for a person to look at."""

from __future__ import annotations

import time
from pathlib import Path

import build
import pytest
from ui_helpers import seed, with_a_conflict, french

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
SCREENS = [  # name, address, title
    ("home", "#/home", "Cercle"),
    ("group-new", "#/group", "Nouveau groupe"),
    ("group", "#/group?id=g-1", "Cadres de santé — Île-de-France"),
    ("setup", "#/setup?group=g-1", "Nouvelle séance"),
    ("charter", "#/session?id=s-charter", "Charte du groupe"),
    ("followup", "#/session?id=s-followup", "Suivi des plans d'action"),
    ("between", "#/session?id=s-between", "Pause — reprise à "),  # a break: then the time the room is back
    ("evaluation", "#/session?id=s-evaluation", "Évaluation de la séance"),
    ("evaluation-close", "#/session?id=s-evaluation&close=ask", "Évaluation de la séance"),
    ("presentation-evaluation", "#/presentation?id=s-evaluation", "Évaluation de la séance"),
    ("finished", "#/session?id=s-0", "Séance terminée"),
]
AXE_RUN = """async (tags) => (await axe.run(document, {runOnly: {type: "tag", values: tags}})).violations
  .map(v => `${v.id}: ${v.help} — ${v.nodes.slice(0, 4).map(n => n.target.join(" ")).join(" | ")}`)"""


def check(page, name: str, viewport: str) -> list[str]:
    page.wait_for_timeout(150)  # let the ticker and the focus settle
    found = page.evaluate(AXE_RUN, WCAG)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{viewport}-{name}.png"), full_page=viewport == "phone")
    return [f"{name}: {v}" for v in found]


def go(page, href: str, title: str) -> None:
    """Open `href` and wait for its title (a title ending in a space: one that starts so)."""
    page.evaluate("h => { location.hash = h }", href)
    page.wait_for_function("t => t.endsWith(' ') ? document.querySelector('h1').textContent.startsWith(t) : document.querySelector('h1').textContent === t", arg=french(title))


@pytest.mark.parametrize("viewport, size", [("projector", (1280, 720)), ("phone", (390, 844))])
def test_every_screen_passes_axe_and_is_photographed(app, viewport, size):
    page = app.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    axe = str(build.npm_packages() / "axe-core" / "axe.min.js")
    app.open("#/home")  # a device with no group yet
    page.add_script_tag(path=axe)
    violations = check(page, "home-empty", viewport)
    seed(page, with_a_conflict(int(time.time() * 1000)))  # step 7 shows an intervention edited on two devices
    page.reload()
    app.assert_ready()
    page.add_script_tag(path=axe)
    for name, href, title in SCREENS:
        go(page, href, title)
        violations += check(page, name, viewport)
    go(page, "#/session?id=s-1", "Écoute des interventions")
    steps = page.get_by_role("navigation", name="Étapes du tour").get_by_role("button")
    assert steps.count() == 9
    for index in range(steps.count()):
        steps.nth(index).click()
        page.wait_for_selector(f'.stepper li:nth-child({index + 1}) [aria-current="step"]')
        violations += check(page, f"round-step-{index + 1}", viewport)
    # What the facilitator opens: an intervention's form, a pitch withdrawn and another's form.
    steps.nth(6).click()
    page.locator(".entry", has_text="Nomme un binôme").get_by_role("button", name="Modifier").click()
    page.get_by_label("Texte corrigé").wait_for()
    violations += check(page, "round-editing", viewport)
    page.get_by_role("button", name="Fermer sans enregistrer").click()
    steps.nth(1).click()
    page.get_by_role("button", name="Retirer du choix « Recadrer un agent").first.click()
    page.get_by_role("button", name="Remettre en attente « Recadrer un agent").wait_for()
    page.locator(".pitch", has_text="Un planning qui ne tient").first.get_by_role("button", name="Modifier").click()
    page.get_by_label("Titre corrigé").wait_for()
    violations += check(page, "round-vote-editing", viewport)
    page.get_by_role("button", name="Fermer sans enregistrer").click()
    steps.nth(6).click()
    page.get_by_role("group", name="Modifié sur deux appareils.").scroll_into_view_if_needed()
    violations += check(page, "round-conflict", viewport)
    # A deletion: "Supprimé." and its undo button, focused; then a paused timer (EN PAUSE).
    page.locator(".entry", has_text="Nomme un binôme").get_by_role("button", name="Supprimer").click()
    page.get_by_role("button", name="Défaire la suppression").wait_for()
    assert page.evaluate("document.activeElement.id") == "undo-deletion"
    violations += check(page, "round-deleted", viewport)
    page.get_by_role("button", name="Défaire la suppression").click()
    page.locator(".entry", has_text="Nomme un binôme").wait_for()
    page.get_by_role("button", name="Pause", exact=True).click()
    page.wait_for_selector('.clock[data-state="paused"]')
    page.get_by_role("button", name="Mode projecteur").click()
    page.wait_for_selector(".screen.projector")
    violations += check(page, "round-projector", viewport)
    page.get_by_role("button", name="Mode projecteur").click()
    steps.nth(8).click()
    page.wait_for_selector('.stepper li:nth-child(9) [aria-current="step"]')
    go(page, "#/presentation?id=s-1", "Synthèse de chaque membre")
    violations += check(page, "presentation", viewport)
    assert violations == []
