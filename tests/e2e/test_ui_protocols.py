"""The protocol screen in Chromium (issue 19): the list and the editor pass axe on a
projector and a phone, and are photographed to screenshots/ for a person to look at."""

from __future__ import annotations

import pytest

import build
from test_ui_a11y import check
from support.room import Room
from ui_helpers import seed


def adapted_group() -> Room:
    room = Room()
    room.group(("Amélie Durand", "Bruno Lefèvre", "Chloé Martin", "David N'Diaye", "Émilie Rousseau"))
    room.do({"type": "adapt_protocol", "id": "p-own", "group_id": "g-1", "from_id": "peer-group-9"})
    return room


@pytest.mark.parametrize("viewport, size", [("projector", (1280, 720)), ("phone", (390, 844))])
def test_the_protocol_screens_pass_axe_and_are_photographed(app, viewport, size):
    page = app.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    seed(page, adapted_group().ws)
    app.open("#/protocols?group=g-1")
    app.wait_until_checked()
    page.add_script_tag(path=str(build.npm_packages() / "axe-core" / "axe.min.js"))
    violations = check(page, "protocols", viewport)
    page.get_by_role("link", name="Modifier « Groupe de pairs").click()
    page.wait_for_function("document.querySelector('h1').textContent.startsWith('Modifier :')")
    violations += check(page, "protocol-editor", viewport)
    page.get_by_role("link", name="Modifier l’étape 3 : Exposé").click()
    page.locator("#f-protocol-p-own-expose-title-en").wait_for()
    violations += check(page, "protocol-step", viewport)
    assert violations == []
