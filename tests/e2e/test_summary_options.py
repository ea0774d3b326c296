"""End to end: the two summary options on the summaries screen. Each is a switch that says
whether it is on; turning it on changes what the downloaded summaries say, and turning it
off again puts them back."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the half-day

from support.halfday import half_day  # noqa: E402
from ui_helpers import seed  # noqa: E402

ANONYMOUS = "Ne pas nommer les auteurs des contributions"
FULL = "Donner à chacun tous les tours en entier"


def markdown_of(page, member: str) -> str:
    with page.expect_download() as started:
        page.get_by_role("button", name=f"Markdown — synthèse de {member}", exact=True).click()
    return Path(started.value.path()).read_text(encoding="utf-8")


def flip(page, name: str, expected: str) -> None:
    """Click the switch `name`; wait until it shows `expected` ("Activé"/"Désactivé")."""
    switch = page.get_by_role("switch", name=name)
    switch.click()
    checked = "true" if expected == "Activé" else "false"
    page.wait_for_function(
        "([name, checked]) => [...document.querySelectorAll('[role=switch]')].some(s => s.textContent.includes(name) && s.getAttribute('aria-checked') === checked)",
        arg=[name, checked],
    )
    assert switch.locator(".switch-state").inner_text() == expected


def test_each_option_shows_its_state_and_changes_the_summaries(app):
    page = app.page
    seed(page, half_day().ws)
    app.open("#/summaries?session=s-1")
    app.wait_until_checked()
    for name in (ANONYMOUS, FULL):
        switch = page.get_by_role("switch", name=name)
        assert switch.get_attribute("aria-checked") == "false"
        assert switch.locator(".switch-state").inner_text() == "Désactivé"

    # Off: the carrier's summary names who asked and who advised (Karim, Marc: never carriers).
    assert "Karim Haddad" in markdown_of(page, "Sophie Garnier")
    flip(page, ANONYMOUS, "Activé")
    sophie = markdown_of(page, "Sophie Garnier")
    assert "À ta place, je lui confierais une mission visible" in sophie
    # (the session's roles still say who held them: anonymity is about who said what)
    said = "\n".join(line for line in sophie.splitlines() if not line.startswith(("- **Animateur", "- **Gardien", "- **Secrétaire")))
    assert "Karim Haddad" not in said and "Marc Olivier" not in said  # consultants only, never carriers
    flip(page, ANONYMOUS, "Désactivé")
    assert "Karim Haddad" in markdown_of(page, "Sophie Garnier")

    # Off: Karim carried no round, so round 1's interventions are not in his summary.
    advice = "À ta place, je lui confierais une mission visible"
    assert advice not in markdown_of(page, "Karim Haddad")
    flip(page, FULL, "Activé")
    assert advice in markdown_of(page, "Karim Haddad")
    assert page.get_by_role("switch", name=ANONYMOUS).get_attribute("aria-checked") == "false"
    flip(page, FULL, "Désactivé")
    assert advice not in markdown_of(page, "Karim Haddad")
