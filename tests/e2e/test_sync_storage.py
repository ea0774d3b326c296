"""End to end: what the browser stores. Two tabs merge each other's work; unreadable stored
data never stops the app and is kept aside for an export; a refused write keeps the work
on screen, says so, and is written as soon as storage accepts it again; a nearly full
storage is announced."""

from __future__ import annotations

import json

import build
from test_sync_devices import ask, said, shared_round
from test_ui_a11y import AXE_RUN, WCAG
from test_sync_files import pick, refused, seed, stored, stored_workspace

from app.sync import file_format, shards
from app.model import Workspace


def no_axe_violations(page) -> None:
    page.add_script_tag(path=str(build.npm_packages() / "axe-core" / "axe.min.js"))
    assert page.evaluate(AXE_RUN, WCAG) == []


def questions(page) -> set[str]:
    """The questions stored, besides the one the shared round began with."""
    return {e.text for e in stored_workspace(page).entries.values() if e.kind == "question"} - {"Depuis quand ?"}


def test_two_tabs_merge_each_others_changes(app):
    page = app.page
    seed(page, shared_round())
    app.open("#/session?id=s-1")
    other = page.context.new_page()
    other.goto(app.url("#/session?id=s-1"))
    other.wait_for_function("document.documentElement.dataset.appState === 'ready'")

    ask(page, "Question du premier onglet")
    said(other, "Question du premier onglet")
    ask(other, "Question du second onglet")
    said(page, "Question du second onglet")
    ask(page, "Encore une du premier")
    said(other, "Encore une du premier")

    expected = {"Question du premier onglet", "Question du second onglet", "Encore une du premier"}
    assert questions(page) == expected
    other.close()
    app.open("#/session?id=s-1")
    for text in expected:
        said(page, text)


UNREADABLE = "ceci n'est pas une séance enregistrée"


def test_unreadable_stored_data_is_kept_aside_and_offered_for_export(app):
    page = app.page
    seed(page, shared_round())
    page.add_init_script("localStorage.setItem('cercle.s.abimee', %r)" % UNREADABLE)
    app.open("")
    assert "Cadres santé" in page.inner_text("main")  # the rest loads
    keys = set(stored(page))
    aside = [key for key in keys if key.startswith(shards.ASIDE + "s.abimee.")]
    assert len(aside) == 1 and "cercle.s.abimee" not in keys
    assert stored(page)[aside[0]] == UNREADABLE

    app.open("#/transfer")
    assert "Des données enregistrées n’ont pas pu être lues" in page.inner_text("main")
    with page.expect_download() as started:
        page.get_by_role("button", name="Télécharger", exact=True).click()
    assert open(started.value.path(), encoding="utf-8").read() == UNREADABLE
    page.get_by_role("button", name="Supprimer", exact=True).click()
    page.get_by_text("Des données enregistrées n’ont pas pu être lues").wait_for(state="detached")
    assert not any(key.startswith(shards.ASIDE) for key in stored(page))


FULL = "() => { window.realSetItem = Storage.prototype.setItem; Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; }"


def test_a_refused_write_keeps_the_work_says_so_and_saves_it_later(app):
    page = app.page
    seed(page, shared_round())
    app.open("#/session?id=s-1")
    page.evaluate(FULL)

    ask(page, "Écrite quand le stockage était plein")
    refused(page, "n’ont pas pu être enregistrées dans ce navigateur")
    assert "Écrite quand le stockage était plein" not in questions(page)

    page.evaluate("() => { Storage.prototype.setItem = window.realSetItem; }")
    ask(page, "Écrite après")
    assert questions(page) == {"Écrite quand le stockage était plein", "Écrite après"}
    assert page.locator("p.error[role=alert]").inner_text() == ""


def test_a_nearly_full_storage_is_announced(app):
    page = app.page
    seed(page, shared_round())
    # Another app of the same site already takes most of the quota.
    page.add_init_script("if (!localStorage.getItem('autre-appli')) localStorage.setItem('autre-appli', 'x'.repeat(4500000))")
    app.open("#/transfer")
    used = int(page.locator("meter").get_attribute("value"))
    # What was stored when the screen was drawn: the screen itself is kept just after
    # (app/web/last_screen.py), and counted from the next render on.
    assert used == sum(len(k) + len(v) for k, v in stored(page).items() if k != "cercle.screen")
    percent = used * 100 // shards.QUOTA
    assert 80 <= percent < 100
    assert f"Le stockage de ce navigateur pour Cercle est plein à {percent} %" in page.inner_text("main")
    app.open("#/session?id=s-1")
    ask(page, "Une question de plus")
    refused(page, "Le stockage de ce navigateur pour Cercle est plein à")


def test_stored_data_that_fails_the_checks_is_set_aside_once_pydantic_is_up(app):
    """The first screen reads stored data without pydantic (app/sync/shards.py `read_unchecked`);
    once pydantic is up, the same data is read again with every check, and that reading
    wins: a session with 99 rounds planned (at most 8) is set aside, not shown."""
    page = app.page
    ws = shared_round()
    session = next(iter(ws.sessions.values()))
    odd = session.model_copy(update={"id": "s-9", "planned_rounds": 99, "date": "2027-03-04"})
    seed(page, ws)
    page.add_init_script("localStorage.setItem('cercle.s.s-9', %r)" % shards.encode(Workspace(sessions={"s-9": odd})))
    app.open("#/group?id=g-1")
    app.wait_until_checked()
    keys = set(stored(page))
    assert "cercle.s.s-9" not in keys and [k for k in keys if k.startswith(shards.ASIDE + "s.s-9.")]
    page.get_by_text("mars 2027").wait_for(state="detached")
    assert "Cadres santé" in page.inner_text("main")  # the rest stays


def test_stored_data_the_first_screen_cannot_show_is_read_with_every_check_first(app):
    """A stored session whose protocol lost its steps passes the unchecked reading (the
    shapes are right) but its screen cannot be drawn: the page reads the stored data again
    with every check before its first screen, sets that session aside, and starts."""
    page = app.page
    ws = shared_round()
    session = next(iter(ws.sessions.values()))
    broken = session.model_copy(update={"protocol": session.protocol.model_copy(update={"steps": ()})})
    seed(page, ws.model_copy(update={"sessions": {session.id: broken}}))
    app.open(f"#/session?id={session.id}")
    keys = set(stored(page))
    assert f"cercle.s.{session.id}" not in keys and [k for k in keys if k.startswith(f"{shards.ASIDE}s.{session.id}.")]
    app.open("")
    assert "Cadres santé" in page.inner_text("main")  # the group is there


# Another app of the same site takes every character localStorage has left.
# (Without the last screen kept for the next start, which would give way first: app/web/last_screen.py.)
FILL = """() => {
  localStorage.removeItem('autre-appli');
  localStorage.removeItem('cercle.screen');
  let fits = 0, refused = 6 * 1024 * 1024;
  while (refused - fits > 8) {
    const size = Math.floor((fits + refused) / 2);
    try { localStorage.setItem('autre-appli', 'x'.repeat(size)); fits = size; } catch (e) { refused = size; }
  }
  localStorage.setItem('autre-appli', 'x'.repeat(fits));
}"""
TYPED_WHEN_FULL = {"Première sans place", "Deuxième sans place", "Troisième sans place"}
HELD = "Ce navigateur n’a plus de place pour Cercle"
WRITTEN_BACK = "Vos modifications gardées dans cet onglet sont maintenant enregistrées dans ce navigateur."


def _typed_when_full(app):
    """Three questions typed while localStorage is full: none is in localStorage, the screen
    says where they are, and all three are there after a reload."""
    page = app.page
    seed(page, shared_round())
    app.open("#/session?id=s-1")
    app.wait_until_checked()
    page.evaluate(FILL)
    for text in sorted(TYPED_WHEN_FULL):
        ask(page, text)
    page.locator(".panel.alert", has_text=HELD).wait_for()
    assert not questions(page) & TYPED_WHEN_FULL
    no_axe_violations(page)
    page.reload()
    app.assert_ready()
    for text in TYPED_WHEN_FULL:
        said(page, text)
    page.locator(".panel.alert", has_text=HELD).wait_for()  # still waiting for room
    assert not questions(page) & TYPED_WHEN_FULL


def test_questions_typed_while_storage_is_full_survive_a_reload_and_are_written_when_another_tab_frees_space(app):
    page = app.page
    _typed_when_full(app)
    other = page.context.new_page()
    other.goto(app.url(""))  # the app in another tab, where the person deletes what takes the room
    other.wait_for_function("document.documentElement.dataset.appState === 'ready'")
    other.evaluate("localStorage.removeItem('autre-appli')")
    page.locator(".panel.saved", has_text=WRITTEN_BACK).wait_for()
    assert questions(page) == TYPED_WHEN_FULL
    no_axe_violations(page)
    assert page.evaluate("Object.keys(sessionStorage).filter(key => key.startsWith('cercle.'))") == []
    other.close()


def test_what_was_kept_in_the_tab_is_written_back_on_a_timer_once_there_is_room(app):
    page = app.page
    _typed_when_full(app)
    page.evaluate("localStorage.removeItem('autre-appli')")  # in this very tab: no storage event
    page.locator(".panel.saved", has_text=WRITTEN_BACK).wait_for(timeout=15_000)
    assert questions(page) == TYPED_WHEN_FULL
    ask(page, "Et une de plus")  # the next change of records: the notice has done its work
    page.locator(".panel.saved").wait_for(state="detached")


def test_a_damaged_group_is_told_on_home_its_sessions_still_show_and_its_copy_imports_back(app):
    """The group's stored entry is cut short: home says so and why, the session shows under
    "Groupe illisible" with its question, and the copy set aside downloads as a Cercle file
    that the import accepts, which brings the group back."""
    page = app.page
    ws = shared_round()
    items = shards.items(ws)
    group = items["cercle.g.g-1"]
    items["cercle.g.g-1"] = group[: len(group) * 9 // 10]
    page.add_init_script(
        "(items => { if (!sessionStorage.getItem('seeded')) { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); sessionStorage.setItem('seeded', '1'); } })(%s)"
        % json.dumps(items))
    app.open("")
    main = page.locator("main")
    main.get_by_text("Des données enregistrées dans ce navigateur n’ont pas pu être lues").wait_for()
    assert "Un groupe et ses membres (g-1) : ses données sont abîmées." in main.inner_text()
    orphans = page.locator("section.orphans")
    assert orphans.get_by_role("heading", name="Groupe illisible").is_visible()
    assert "Depuis quand ?" in orphans.inner_text()
    no_axe_violations(page)

    page.get_by_role("link", name="Récupérer ces données").click()
    page.get_by_role("button", name="Télécharger", exact=True).wait_for()
    with page.expect_download() as started:
        page.get_by_role("button", name="Télécharger", exact=True).click()
    download = started.value
    assert download.suggested_filename.startswith("cercle-recovered-") and download.suggested_filename.endswith(".json")
    data = open(download.path(), "rb").read()
    assert file_format.load(data).groups["g-1"].name == "Cadres santé"

    pick(page, download.suggested_filename, data)
    page.locator("table.preview").wait_for()
    page.get_by_role("button", name="Fusionner dans cet appareil").click()
    page.get_by_text("Fichier fusionné :").wait_for()
    app.open("")
    assert "Cadres santé" in page.inner_text("main")
    assert page.locator("section.orphans").count() == 0


def _second_tab(app, where: str):
    other = app.page.context.new_page()
    other.goto(app.url(where))
    other.wait_for_function("document.documentElement.dataset.checks === 'ready'")
    return other


def test_an_entry_corrected_in_two_tabs_at_once_keeps_both_texts_as_a_conflict(app):
    page = app.page
    seed(page, shared_round())
    app.open("#/session?id=s-1")
    app.wait_until_checked()
    other = _second_tab(app, "#/session?id=s-1")
    for tab in (page, other):  # both open the form on the same version
        tab.locator(".entry", has_text="Depuis quand ?").get_by_role("button", name="Modifier").click()
        tab.get_by_label("Texte corrigé").wait_for()
    page.get_by_label("Texte corrigé").fill("Depuis quand, dans le premier onglet ?")
    other.get_by_label("Texte corrigé").fill("Depuis quand, dans le second onglet ?")
    page.get_by_role("button", name="Enregistrer la correction").click()
    said(page, "Depuis quand, dans le premier onglet ?")
    other.wait_for_timeout(500)  # the save has reached the second tab, whose form stays open
    assert other.get_by_label("Texte corrigé").input_value() == "Depuis quand, dans le second onglet ?"
    other.get_by_role("button", name="Enregistrer la correction").click()
    for tab in (page, other):
        notice = tab.get_by_role("group", name="Modifié sur deux appareils.")
        notice.wait_for()
        assert "Depuis quand, dans le premier onglet ?" in notice.inner_text()
        assert "Depuis quand, dans le second onglet ?" in notice.inner_text()
    entry = stored_workspace(page).entries["q-0"]
    assert {entry.text, *(e["text"] for e in entry.conflicts)} == {"Depuis quand, dans le premier onglet ?", "Depuis quand, dans le second onglet ?"}
    other.close()


def test_a_draft_typed_in_one_tab_survives_the_other_tabs_action_and_a_reload(app):
    page = app.page
    seed(page, shared_round())
    app.open("#/session?id=s-1")
    app.wait_until_checked()
    other = _second_tab(app, "#/session?id=s-1")
    page.get_by_label("Question", exact=True).fill("Une question pas encore envoyée")
    page.wait_for_function("(localStorage.getItem('cercle.local') || '').includes('pas encore envoyée')")
    ask(other, "Une question de l'autre onglet")
    page.wait_for_timeout(500)  # the other tab's save has reached this one
    other.close()
    page.reload()
    app.assert_ready()
    said(page, "Une question de l'autre onglet")
    assert page.get_by_label("Question", exact=True).input_value() == "Une question pas encore envoyée"
