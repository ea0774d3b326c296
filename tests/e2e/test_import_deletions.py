"""End to end: a file that deletes a whole group here (issue 16, item 9). The preview names
the deletion, the ordinary import is not offered, the import happens only from its own
button, and Défaire brings the group back with its sessions."""

from __future__ import annotations

from test_sync_files import pick, seed, stored_workspace
from test_ui_a11y import AXE_RUN, WCAG

import build
from app.sync import file_format
from support.restored import edited, finished
from test_import_deletions import held, tombstoned, with_sessions

GROUP = "Cadres de santé — CHU Nord"


def test_a_file_that_deletes_a_group_is_named_confirmed_and_undone(app, tmp_path):
    page = app.page
    page.set_viewport_size({"width": 1280, "height": 720})
    seed(page, held(5))
    app.open("#/transfer")
    app.wait_until_checked()
    deleting = edited(finished(), lambda d: (with_sessions(d, 5), tombstoned(d, "groups", "g-1")))

    pick(page, "de-la-tablette.json", deleting)
    named = page.locator("section.deletions")
    named.wait_for()
    assert f"Supprime le groupe «\u202f{GROUP}\u202f» et ses 6 séances." in named.inner_text()
    assert page.get_by_role("button", name="Fusionner dans cet appareil").count() == 0
    confirm = page.get_by_role("button", name="Importer, avec ces suppressions")
    page.screenshot(path=str(tmp_path / "import-deletions-1280.png"), full_page=True)
    page.add_script_tag(path=str(build.npm_packages() / "axe-core" / "axe.min.js"))
    assert page.evaluate(AXE_RUN, WCAG) == []
    page.set_viewport_size({"width": 390, "height": 844})
    confirm.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "import-deletions-390.png"))
    assert stored_workspace(page).live("groups")  # nothing changed before the confirmation

    confirm.click()
    page.get_by_text("Fichier fusionné :").wait_for()
    assert not stored_workspace(page).live("groups")
    page.get_by_role("button", name="Défaire", exact=True).click()
    page.wait_for_function("document.querySelector('main, .screen').innerText.includes('Cadres de santé')")
    back = stored_workspace(page)
    assert [g.name for g in back.live("groups")] == [GROUP] and len(back.sessions_of("g-1")) == 6
    app.open("")
    assert GROUP in page.inner_text("main")
    assert file_format.load(file_format.dump(back)).live("groups")
