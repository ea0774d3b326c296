"""An intervention edited on two devices before they exchanged their files: the round shows
both versions in the intervention itself, the facilitator keeps one with its button, and
the choice survives a reload."""

from __future__ import annotations

import time

from ui_helpers import seed, with_a_conflict


def test_a_conflict_is_shown_in_the_round_and_one_version_kept(app):
    page = app.page
    seed(page, with_a_conflict(int(time.time() * 1000)))
    app.open("#/session?id=s-1")
    page.wait_for_function("t => document.querySelector('h1').textContent === t", arg="Écoute des interventions")

    notice = page.get_by_role("group", name="Modifié sur deux appareils.")
    assert notice.count() == 1
    assert "Rencontre chaque agent, un par un, avant la réunion." in notice.inner_text()
    assert "Rencontre chaque agent seul, avant toute réunion." in notice.inner_text()
    notice.get_by_role("button", name="Garder cette version : « Rencontre chaque agent seul").click()
    notice.wait_for(state="detached")
    page.locator(".entry", has_text="Rencontre chaque agent seul, avant toute réunion.").wait_for()
    assert page.locator(".entry", has_text="un par un").count() == 0

    page.reload()
    app.assert_ready()
    page.locator(".entry", has_text="Rencontre chaque agent seul, avant toute réunion.").wait_for()
    assert page.get_by_role("group", name="Modifié sur deux appareils.").count() == 0
    assert page.locator(".entry.conflicted").count() == 0
