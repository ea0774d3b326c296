"""Every protocol of the library, from a brand-new group of four with nothing pending: at each
step the screen offers the capture the step asks for, one capture is made through it, the
gates are satisfied, and the round reaches its end; then the screen between rounds offers a
way into the second round, which ends too (tests/support/protocol_play.py). A protocol added to the
library is swept as well."""

from __future__ import annotations

import pytest

from app.protocol import LIBRARY
from app.views import render
from app.views.context import View
from app.views.routes import route
from app.views.steps import ENTRY_KINDS
from support.protocol_play import begin, new_group, play_round, screen

@pytest.mark.parametrize("protocol", list(LIBRARY.values()), ids=list(LIBRARY))
def test_every_protocol_plays_two_rounds_from_a_new_group(protocol):
    room = new_group(protocol)
    begin(room, "r-1")
    play_round(room, "r-1")
    begin(room, "r-2")
    play_round(room, "r-2")
    first, second = room.ws.rounds_of("s-1")
    assert first.carrier_id != second.carrier_id
    entry_steps = [s.key for s in protocol.steps if s.capture in ENTRY_KINDS]
    for round_ in (first, second):
        said = {e.step for e in room.ws.entries_of(round_.id)}
        assert said >= {k for k in entry_steps if protocol.step_index(k) >= protocol.first_round_step or round_ is first}


def test_the_first_step_of_gease_offers_to_note_situations_when_nothing_is_pending():
    """The blocker of issue 14: GEASE's opening step is a choice, and a new group had nothing
    to choose from and no way to note a situation."""
    room = new_group(LIBRARY["gease"])
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    markup = render(View(ws=room.ws, route=route("session", id="s-1"), lang="fr", now=room.now, today="2026-12-01"))
    assert "Noter une situation évoquée" in markup
    assert "revenez à l'étape précédente" not in markup
    assert screen(room).offers("add_pitch", session_id="s-1")
