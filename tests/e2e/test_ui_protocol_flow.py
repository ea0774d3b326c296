"""A group adapts the default protocol (a step removed, a timed silence added, renamed, a
guidance text changed), runs a round with it, exports it; a fresh browser imports the file
and runs a round with it too (issue 19, item 5)."""

from __future__ import annotations

import json

from test_ui_round import add
from support.room import Room
from ui_helpers import seed, title_is

NAME = "Codév managers"
GUIDANCE = "Le porteur raconte en cinq minutes, sans être interrompu."
PITCH = "Recadrer un agent"


def steps(page):
    return page.locator("ol.protocol-steps > li")


def edit_step(page, n: int, title: str, fields: dict[str, str]) -> None:
    """Open step n's form (one at a time, named by the address), fill it, save it."""
    page.get_by_role("link", name=f"Modifier l’étape {n} : {title}", exact=True).click()
    item = steps(page).nth(n - 1)
    item.get_by_label("Titre (français)", exact=True).wait_for()
    assert page.evaluate("document.activeElement.name") == "title_fr", "the focus goes into the form"
    for label, value in fields.items():
        item.get_by_label(label, exact=True).fill(value)
    item.get_by_role("button", name="Enregistrer l’étape").click()


def adapt(page) -> None:
    page.get_by_role("button", name="Adapter « Groupe de pairs — codéveloppement (9 étapes) »").click()
    page.wait_for_function("document.querySelector('h1').textContent.startsWith('Modifier :')")
    assert steps(page).count() == 9
    page.get_by_role("button", name="Retirer l’étape 9 : Synthèse de chaque membre").click()
    page.wait_for_function("document.querySelectorAll('ol.protocol-steps > li').length === 8")
    page.get_by_role("button", name="Ajouter une étape après l’étape 3 : Exposé par le porteur").click()
    page.get_by_role("link", name="Modifier l’étape 4 : Nouvelle étape").wait_for()
    edit_step(page, 4, "Nouvelle étape", {"Titre (français)": "Silence", "Titre (anglais)": "Silence", "Minutes": "3",
                                         "Ce qu’on fait (français)": "Chacun réfléchit sans parler."})
    page.locator("ol.protocol-steps > li h3", has_text="Silence").wait_for()
    # Keyboard: the silence goes one place down and back up; the focus stays on the button used.
    page.get_by_role("button", name="Descendre l’étape 4 : Silence").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Monter l’étape 5 : Silence").wait_for()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Descendre l’étape 5 : Silence"
    page.get_by_role("button", name="Monter l’étape 5 : Silence").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Monter l’étape 4 : Silence").wait_for()
    edit_step(page, 3, "Exposé par le porteur", {"Ce qu’on fait (français)": GUIDANCE})
    assert page.locator("form[data-action=edit_step]").count() == 1, "the silence's form closed when the exposé's opened"
    page.go_back()  # the back button closes the exposé's form, and opens the silence's again
    page.get_by_role("link", name="Fermer l’étape 4 : Silence").wait_for()
    page.get_by_role("link", name="Fermer l’étape 4 : Silence").click()
    page.locator("form[data-action=edit_step]").wait_for(state="detached")
    assert page.evaluate("document.activeElement.id") == steps(page).nth(3).get_by_role("link", name="Modifier l’étape 4 : Silence").get_attribute("id")
    page.get_by_role("form", name="Nom et description").get_by_label("Nom (français)").fill(NAME)
    page.get_by_role("button", name="Enregistrer le nom et la description").click()
    page.wait_for_function("t => document.querySelector('h1').textContent === t", arg=f"Modifier : {NAME}")
    assert "version 8" in page.inner_text("#app")


def run_a_round(page) -> None:
    """A session with the adapted protocol, from the charter to the end of the first round."""
    page.evaluate("h => { location.hash = h }", "#/setup?group=g-1")
    page.get_by_label(NAME).check()
    page.get_by_role("button", name="Ouvrir la séance").click()
    title_is(page, "Charte du groupe")
    page.get_by_role("button", name="Le groupe valide la charte").click()
    page.get_by_role("button", name="Commencer le premier tour").click()
    title_is(page, "Exposé des problématiques")
    add(page, "Titre de la problématique", PITCH, "Ajouter la problématique")
    page.get_by_role("button", name="Étape suivante").click()
    title_is(page, "Choix consensuel d'une problématique")
    page.locator(".pitch", has_text=PITCH).get_by_role("button", name=f"Choisir « {PITCH} »").click()
    page.get_by_text("Le groupe a choisi").wait_for()
    page.get_by_role("button", name="Étape suivante").click()
    title_is(page, "Exposé par le porteur")
    assert GUIDANCE in page.inner_text("#app")
    page.get_by_role("button", name="Étape suivante").click()
    title_is(page, "Silence")
    assert page.get_by_role("timer", name="Temps de l’étape").inner_text().startswith("03:")
    page.get_by_role("button", name="Étape suivante").click()
    title_is(page, "Exploration par le groupe")
    page.get_by_role("button", name="Étape suivante").click()
    title_is(page, "Reformulations")
    add(page, "Reformulation", "Comment garder la relation en recadrant ?", "Ajouter la reformulation")
    page.get_by_role("button", name="Étape suivante").click()
    title_is(page, "Choix d'une reformulation et demande")
    page.locator(".entry", has_text="garder la relation").get_by_role("button", name="Choisir cette reformulation").click()
    page.get_by_role("checkbox", name="Conseils").check()
    page.get_by_label("La demande, dans les mots du porteur").fill("Un premier pas")
    page.get_by_role("button", name="Enregistrer la demande").click()
    page.get_by_text("Conseils — Un premier pas").wait_for()
    page.get_by_role("button", name="Étape suivante").click()
    title_is(page, "Écoute des interventions")
    page.get_by_role("button", name="Étape suivante").click()
    title_is(page, "Synthèse du porteur")
    assert page.get_by_role("button", name="Étape suivante").count() == 0, "the synthesis is the last step now"
    page.get_by_role("button", name="Terminer le tour").click()
    title_is(page, "Entre deux tours")


def test_an_adapted_protocol_runs_travels_as_a_file_and_runs_elsewhere(app, browser, base_url, tmp_path):
    page = app.page
    room = Room()
    room.group()
    seed(page, room.ws)
    app.open("#/protocols?group=g-1")
    app.wait_until_checked()
    adapt(page)
    run_a_round(page)

    page.evaluate("h => { location.hash = h }", "#/protocols?group=g-1")
    with page.expect_download() as download:
        page.get_by_role("button", name=f"Exporter « {NAME} » dans un fichier").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    data = json.loads(saved.read_bytes())
    assert (data["format"], data["version"], data["protocol"]["version"]) == ("cercle-protocol", 1, 8)
    assert saved.name == "cercle-protocol-codev-managers-v8.json"

    elsewhere = browser.new_context(locale="fr-FR")
    try:
        other = elsewhere.new_page()
        other.set_default_timeout(60_000)
        fresh = Room(device="d-other")
        fresh.group(("Inès", "Jules", "Karim", "Léa"))
        seed(other, fresh.ws)
        other.goto(base_url + "#/protocols?group=g-1")
        other.wait_for_function("document.documentElement.dataset.checks === 'ready'")
        other.locator("#f-protocol-import").set_input_files(str(saved))
        other.wait_for_function("t => document.querySelector('h1').textContent === t", arg=f"Modifier : {NAME}")
        assert [other.locator("ol.protocol-steps > li h3").nth(i).inner_text().split(" · ")[0] for i in range(9)][2:4] == ["Exposé par le porteur", "Silence"]
        run_a_round(other)
    finally:
        elsewhere.close()
