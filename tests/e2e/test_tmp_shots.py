import time
from pathlib import Path
import pytest
from ui_helpers import seed, showcase

OUT = Path("/work/wt/closing/shots")
SCREENS = [
    ("followup", "#/session?id=s-followup", "Suivi des plans d'action"),
    ("between", "#/session?id=s-between", "Pause"),
    ("evaluation", "#/session?id=s-evaluation", "Évaluation"),
    ("evaluation-close", "#/session?id=s-evaluation&close=ask", "Évaluation"),
    ("finished", "#/session?id=s-0", "Séance terminée"),
    ("presentation-between", "#/presentation?id=s-between", "Pause"),
    ("presentation-evaluation", "#/presentation?id=s-evaluation", "Évaluation"),
    ("synthesis", "#/session?id=s-1", "Synthèse du porteur"),
]


@pytest.mark.parametrize("viewport, size", [("projector", (1280, 720)), ("phone", (390, 844))])
def test_shots(app, viewport, size):
    page = app.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    room = showcase(int(time.time() * 1000))
    room.do({"type": "go_to_step", "round_id": "r-s-1", "step": 7})
    room.do({"type": "add_action_item", "id": "a-x", "round_id": "r-s-1", "text": "Voir la DRH", "with_whom": "la cadre supérieure", "due": "2026-12-20"})
    seed(page, room.ws)
    app.open("#/home")
    for name, href, title in SCREENS:
        page.evaluate("h => { location.hash = h }", href)
        page.wait_for_function("t => document.querySelector('h1').textContent.startsWith(t)", arg=title)
        page.wait_for_timeout(150)
        page.screenshot(path=str(OUT / f"{viewport}-{name}.png"), full_page=True)
