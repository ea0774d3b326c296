"""The chime when a timer reaches zero (muted: none), and the screen kept awake while a round
is on screen. Web Audio and the Wake Lock are replaced by recorders before the page starts."""

from __future__ import annotations

import time

import pytest
from ui_helpers import seed

from support.room import Room

RECORDERS = """
window.__notes = 0; window.__locks = 0; window.__released = 0;
window.AudioContext = class {
  constructor() { this.state = "running"; this.currentTime = 0; this.destination = {}; }
  resume() {}
  createOscillator() { return { type: "", frequency: { value: 0 }, connect() {}, start() { window.__notes++; }, stop() {} }; }
  createGain() { return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect() {} }; }
};
Object.defineProperty(navigator, "wakeLock", { configurable: true, value: {
  request: async () => { window.__locks++; return { released: false, release: async () => { window.__released++; } }; },
} });
"""


def almost_up(muted: bool) -> Room:
    """A round whose step timer is paused three seconds before its end."""
    room = Room(now=int(time.time() * 1000) - 700_000)
    room.group()
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"}, after_s=0)
    room.do({"type": "pause_timer", "round_id": "r-1"}, after_s=600 - 3)
    room.do({"type": "set_preferences", "muted": muted})
    return room


@pytest.mark.parametrize("muted", [False, True], ids=["chime", "muted"])
def test_a_timer_reaching_zero_chimes_unless_muted_and_the_round_keeps_the_screen_awake(app, muted):
    page = app.page
    page.add_init_script(RECORDERS)
    seed(page, almost_up(muted).ws)
    app.open("#/session?id=s-1")
    clock = page.get_by_role("timer", name="Temps de l’étape")
    assert clock.locator(".clock-time").inner_text() == "00:03"
    page.get_by_role("button", name="Reprendre").click()
    page.wait_for_selector(".clock.big[data-state=overtime]", timeout=8000)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__notes") == (0 if muted else 2)
    assert page.evaluate("window.__locks") >= 1
    page.get_by_role("link", name="Cercle").click()
    page.wait_for_function("window.__released >= 1")
