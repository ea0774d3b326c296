"""The protocol editor names the protocol's own roles (issue 18): a role renamed, one added
that the carrier never holds, one removed, a name given twice refused in words; the next
session's setup proposes exactly those roles. The roles panel passes axe and is
photographed at 1280x720 and 390x844."""

from __future__ import annotations

import build
from test_ui_a11y import SHOTS, check, go
from test_ui_protocols import adapted_group
from ui_helpers import french, open_seeded, role_holder


def role_form(page, name: str):
    return page.get_by_role("form", name=french(f"Rôle « {name} »"))


def test_the_editor_renames_adds_and_removes_roles_which_the_setup_then_proposes(app):
    page = app.page
    open_seeded(app, adapted_group().ws, "#/protocols?id=p-own")
    timekeeper = role_form(page, "Gardien·ne du temps")
    timekeeper.get_by_label("Nom (français)").fill("Maître·sse du temps")
    timekeeper.get_by_role("button", name="Enregistrer le rôle").click()
    renamed = role_form(page, "Maître·sse du temps")
    renamed.wait_for()
    assert renamed.get_by_label("Nom (anglais)").input_value() == "Timekeeper"

    adding = page.get_by_role("form", name="Ajouter un rôle")
    adding.get_by_label("Nom (français)").fill("Observateur·rice")
    adding.get_by_label("Nom (anglais)").fill("Observer")
    adding.get_by_label("Jamais tenu par le porteur").check()
    adding.get_by_role("button", name="Ajouter le rôle").click()
    observer = page.locator(".protocol-role", has_text="Observateur·rice")
    observer.wait_for()
    assert " ".join(observer.locator("h3").inner_text().split()) == "Observateur·rice · pour la séance · jamais le porteur"
    assert adding.get_by_label("Nom (français)").input_value() == "", "a form that adds is empty again"

    page.get_by_role("button", name=french("Retirer le rôle « Secrétaire »")).click()
    role_form(page, "Secrétaire").wait_for(state="detached")
    # A name another role has: refused, in words, and nothing changes.
    renamed.get_by_label("Nom (anglais)").fill("observer")
    renamed.get_by_role("button", name="Enregistrer le rôle").click()
    page.get_by_role("alert").filter(has_text=french("Deux rôles s’appellent « observer » :")).wait_for()
    assert page.locator(".protocol-role h3").all_inner_texts()[1].startswith("Maître·sse du temps")
    assert page.get_by_text(french("Version 4"), exact=False).count() >= 1

    page.add_script_tag(path=str(build.npm_packages() / "axe-core" / "axe.min.js"))
    page.locator("#protocol-roles").scroll_into_view_if_needed()
    violations = check(page, "protocol-roles", "projector")
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator("#protocol-roles").scroll_into_view_if_needed()
    violations += check(page, "protocol-roles", "phone")
    page.locator("section[aria-labelledby=protocol-roles]").screenshot(path=str(SHOTS / "phone-protocol-roles-panel.png"))
    assert violations == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "nothing wider than the phone"

    # The next session with this protocol proposes its roles, and only those.
    go(page, "#/setup?group=g-1", "Nouvelle séance")
    page.get_by_role("group", name="Protocole").get_by_label("(adapté)", exact=False).check()
    page.get_by_label("Maître·sse du temps", exact=True).wait_for()
    assert [role_holder(page, r) for r in ("Animateur·rice", "Maître·sse du temps", "Observateur·rice")] == ["Amélie Durand", "Bruno Lefèvre", "Chloé Martin"]
    assert page.get_by_label("Secrétaire", exact=True).count() == 0
