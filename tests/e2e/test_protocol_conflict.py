"""A group's own protocol edited on two devices (issue 19, item 4): this browser rewrote the
French guidance of the exposé; a tablet that had the same protocol rewrote it too, and its
file is imported here. The protocol's editor shows both texts, where they are (the step, the
text, the language); keeping the tablet's with its button settles it, for good. Screenshots
of the choice at 1280x720 and 390x844, and axe finds no violation."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import build
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: rooms

from app.sync import file_format  # noqa: E402
from app.protocol import DEFAULT_ID  # noqa: E402
from support.room import Room  # noqa: E402
from test_ui_a11y import AXE_RUN, SHOTS, WCAG  # noqa: E402
from ui_helpers import seed  # noqa: E402

MINE = "Le porteur expose sa situation ; personne ne l'interrompt."
THEIRS = "Le porteur raconte, les autres notent sans couper la parole."


def devices(now: int) -> tuple[Room, Room]:
    """This browser's workspace and the tablet's, each with its own rewrite of the guidance."""
    here = Room(device="d-browser", now=now)
    here.group()
    here.do({"type": "adapt_protocol", "id": "p-own", "group_id": "g-1", "from_id": DEFAULT_ID})
    tablet = Room(here.ws, device="d-tablet", now=here.now)
    here.do({"type": "edit_step", "id": "p-own", "step": "expose", "do_fr": MINE})
    tablet.do({"type": "edit_step", "id": "p-own", "step": "expose", "do_fr": THEIRS}, after_s=5)
    return here, tablet


@pytest.mark.parametrize("viewport, size", [("projector", (1280, 720)), ("phone", (390, 844))])
def test_a_guidance_edited_on_two_devices_is_kept_as_a_conflict_and_resolved_on_screen(app, viewport, size):
    page = app.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    here, tablet = devices(int(time.time() * 1000) - 60_000)
    seed(page, here.ws)
    app.open("#/transfer")
    page.locator("input[type=file][data-import]").set_input_files(
        {"name": "tablette.json", "mimeType": "application/json", "buffer": file_format.dump(tablet.ws)})
    page.get_by_role("button", name="Fusionner dans cet appareil").click()
    page.get_by_text("Fichier fusionné :").wait_for()

    page.evaluate("h => { location.hash = h }", "#/protocols?id=p-own")
    notice = page.get_by_role("group", name="Modifié sur deux appareils.")
    notice.wait_for()
    label = notice.locator("p").first.inner_text()
    assert "Étape 3 «\u202fExposé par le porteur\u202f» — Ce qu’on fait (français)" in label
    assert THEIRS in notice.inner_text() and MINE in notice.inner_text()  # the later (the tablet's) shows first
    assert notice.inner_text().index(THEIRS) < notice.inner_text().index(MINE)

    page.add_script_tag(path=str(build.npm_packages() / "axe-core" / "axe.min.js"))
    page.wait_for_timeout(150)
    assert page.evaluate(AXE_RUN, WCAG) == []
    SHOTS.mkdir(exist_ok=True)
    notice.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"{viewport}-protocol-conflict.png"))

    notice.locator("li", has_text=MINE).get_by_role("button", name="Garder cette version").click()
    notice.wait_for(state="detached")
    page.get_by_role("group", name="Modifié sur deux appareils.").wait_for(state="detached")
    page.reload()
    app.assert_ready()
    page.get_by_role("heading", level=1).wait_for()
    assert page.get_by_role("group", name="Modifié sur deux appareils.").count() == 0
    step = page.locator("li.protocol-step", has_text="Exposé par le porteur")
    step.get_by_role("link", name="Modifier l’étape 3 : Exposé par le porteur").click()
    assert step.get_by_label("Ce qu’on fait (français)").input_value() == MINE
