"""End to end: two devices (two browser contexts) work on the same session apart, exchange
files both ways, and end with the same content and every contribution; a text both edited
waits on both devices until a person picks one version."""

from __future__ import annotations

import time

from test_sync_files import export, pick, records, seed

from app.sync import file_format
from app.model import Workspace
from test_sync_merge import shared


def shared_round() -> Workspace:
    """What both devices hold before they part: a round at its exploration step, begun ten
    minutes ago (its timers run in real time)."""
    return shared(now=int(time.time() * 1000) - 600_000)


def device(browser, guard, base_url: str, ws):
    context = browser.new_context(locale="fr-FR", accept_downloads=True)
    context.on("request", guard.on_request)
    context.on("console", guard.on_console)
    context.on("weberror", lambda web_error: guard.on_page_error(web_error.error))
    page = context.new_page()
    page.set_default_timeout(60_000)
    seed(page, ws)
    return page


def open_at(page, base_url: str, where: str) -> None:
    page.goto(base_url + where)
    page.wait_for_function("document.documentElement.dataset.appState === 'ready'")


def said(page, text: str) -> None:
    """Wait until the contribution `text` shows in the round."""
    page.locator("p.text", has_text=text).wait_for()


def ask(page, text: str) -> None:
    page.get_by_label("Question", exact=True).fill(text)
    page.get_by_role("button", name="Ajouter la question").click()
    said(page, text)


def rename_group(page, base_url: str, name: str) -> None:
    open_at(page, base_url, "#/group?id=g-1")
    page.get_by_label("Nom du groupe").fill(name)
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_role("heading", level=1, name=name).wait_for()


def exchange(source, target, base_url: str) -> dict[str, list[str]]:
    """`source` exports its file, `target` imports it; the preview's rows, then merged."""
    open_at(source, base_url, "#/transfer")
    name, data = export(source)
    open_at(target, base_url, "#/transfer")
    pick(target, name, data)
    table = target.locator("table.preview")
    table.wait_for()
    rows = {row.locator("th").inner_text(): row.locator("td").all_inner_texts() for row in table.locator("tbody tr").all()}
    target.get_by_role("button", name="Fusionner dans cet appareil").click()
    target.get_by_text("Fichier fusionné :").wait_for()
    return rows


def held(page, base_url: str) -> dict:
    """Every record a device holds, as its export says."""
    open_at(page, base_url, "#/transfer")
    return records(file_format.load(export(page)[1]))


def test_two_devices_apart_end_identical_with_nothing_lost(browser, guard, base_url):
    start = shared_round()
    laptop = device(browser, guard, base_url, start)
    tablet = device(browser, guard, base_url, start)

    open_at(laptop, base_url, "#/session?id=s-1")
    ask(laptop, "Qui décide des plannings ?")
    ask(laptop, "Qu'as-tu déjà essayé ?")
    rename_group(laptop, base_url, "Cadres santé — Nord")

    open_at(tablet, base_url, "#/session?id=s-1")
    ask(tablet, "Depuis quand ça dure ?")
    rename_group(tablet, base_url, "Cadres de santé du CHU")

    rows = exchange(laptop, tablet, base_url)
    assert rows == {"Groupes": ["0", "0", "1", "0"], "Contributions": ["2", "0", "0", "0"]}
    assert tablet.get_by_role("button", name="Défaire", exact=True).is_enabled()  # the import is one step undo takes back
    rows = exchange(tablet, laptop, base_url)
    assert rows == {"Groupes": ["0", "0", "1", "0"], "Contributions": ["1", "0", "0", "0"]}  # the laptop meets it too

    for page in (laptop, tablet):
        open_at(page, base_url, "#/session?id=s-1")
        for question in ("Qui décide des plannings ?", "Qu'as-tu déjà essayé ?", "Depuis quand ça dure ?"):
            said(page, question)
        open_at(page, base_url, "#/transfer")
        conflicts = page.locator("section[aria-labelledby=conflicts]")
        assert "Cadres santé — Nord" in conflicts.inner_text() and "Cadres de santé du CHU" in conflicts.inner_text()
    assert held(laptop, base_url) == held(tablet, base_url)

    # A person picks one version on the laptop; the choice reaches the tablet with the next file.
    open_at(laptop, base_url, "#/transfer")
    choice = laptop.locator("section[aria-labelledby=conflicts] li li", has_text="Cadres de santé du CHU")
    choice.get_by_role("button").click()
    laptop.locator("section[aria-labelledby=conflicts]").wait_for(state="detached")
    exchange(laptop, tablet, base_url)
    for page in (laptop, tablet):
        open_at(page, base_url, "#/transfer")
        assert page.locator("section[aria-labelledby=conflicts]").count() == 0
        open_at(page, base_url, "#/group?id=g-1")
        assert page.get_by_role("heading", level=1).inner_text() == "Cadres de santé du CHU"
    assert held(laptop, base_url) == held(tablet, base_url)
    laptop.context.close()
    tablet.context.close()
