"""Every built-in protocol, started in Chromium from a brand-new group of four with nothing
pending, as a facilitator would: the session set up with that protocol, the charter, then
each step of the first round played with one capture of the step's kind through its form,
every gate satisfied, until the round ends between rounds. A protocol added to the library
is swept too (tests/test_protocol_sweep.py plays the same through the actions)."""

from __future__ import annotations

import pytest

from app.i18n import translator
from app.protocol import LIBRARY, Step
from tests.room import Room
from ui_helpers import seed

_ = translator("fr")
MEMBERS = ("Alice", "Bruno", "Chloé", "David")
KINDS = {"notes": "note", "questions": "question", "reformulations": "reformulation", "interventions": "intervention", "learnings": "learning"}


def new_group() -> Room:
    room = Room()
    room.group(MEMBERS)
    room.do({"type": "set_preferences", "language": "fr"})
    return room


def title(page, text: str) -> None:
    page.wait_for_function("t => document.querySelector('h1').textContent === t", arg=text)


def add(page, label: str, text: str, button: str) -> None:
    capture = page.locator(".capture")
    capture.get_by_label(label, exact=True).fill(text)
    capture.get_by_role("button", name=button, exact=True).click()
    capture.get_by_text(text, exact=True).first.wait_for()


def play(page, step: Step, n: int) -> None:
    """One capture of the step's kind, through the screen."""
    capture = page.locator(".capture")
    if step.capture == "pitches" or (step.capture == "vote" and capture.get_by_label(_("ui.pitch.title")).count()):
        add(page, _("ui.pitch.title"), f"Situation {n}", _("ui.pitch.add"))
    if step.capture == "pitches":
        return
    if step.capture == "vote":
        pitch = capture.locator(".pitch").first
        pitch.get_by_role("group", name="Votes pour « Situation").get_by_role("button", name="Bruno").click()
        page.wait_for_selector("[data-action=toggle_vote][aria-pressed=true]")
        assert pitch.get_by_label("1 voix").is_visible()
        pitch.get_by_role("button", name="Choisir « Situation").click()
        capture.get_by_text("Le groupe a choisi « Situation").wait_for()
    elif step.capture in KINDS:
        kind = KINDS[step.capture]
        add(page, _(f"ui.entry.{kind}.label"), f"{step.key} : une contribution", _(f"ui.entry.{kind}.add"))
    elif step.capture == "contract":
        capture.get_by_role("button", name=_("ui.contract.choose")).first.click()
        capture.get_by_role("checkbox", name=_("ui.request.conseils")).check()
        capture.get_by_role("button", name=_("ui.contract.save")).click()
        capture.locator(".reminder").wait_for()
    elif step.capture == "synthesis":
        add(page, _("ui.entry.synthesis.label"), f"{step.key} : ce que je retiens", _("ui.entry.synthesis.add"))
        add(page, _("ui.plan.text"), "Une première action", _("ui.plan.add"))
    elif step.capture == "evaluation":
        add(page, _("ui.entry.evaluation.label"), "Une séance utile", _("ui.entry.evaluation.add"))
    elif step.capture == "followup":
        assert capture.get_by_text(_("ui.followup.none")).is_visible()
    else:
        assert step.capture == "none" and capture.get_by_text(_("ui.capture.none")).is_visible()


@pytest.mark.parametrize("protocol_id", list(LIBRARY))
def test_every_protocol_starts_from_a_new_group_and_plays_its_first_round(app, protocol_id):
    page = app.page
    protocol = LIBRARY[protocol_id]
    seed(page, new_group().ws)
    app.open("#/setup?group=g-1")
    title(page, _("ui.setup.title"))
    page.get_by_role("radio", name=protocol.name("fr")).check()
    page.get_by_role("button", name=_("ui.setup.start")).click()
    title(page, _("ui.charter.title"))
    page.get_by_role("button", name=_("ui.charter.acknowledge")).click()
    page.wait_for_function("t => document.querySelector('h1').textContent !== t", arg=_("ui.charter.title"))
    if page.get_by_role("button", name=_("ui.followup.finish")).count():
        page.get_by_role("button", name=_("ui.followup.finish")).click()
    title(page, _("ui.stage.between"))
    opening = page.get_by_role("button", name=_("ui.between.start_first"))
    if opening.count():
        opening.click()
    else:  # a protocol without pitches: the carrier is chosen directly, and said so
        assert page.get_by_role("heading", name="Choisir le porteur du prochain tour").is_visible()
        page.get_by_role("button", name="Alice porte le prochain tour").click()
    for index, step in enumerate(protocol.steps):
        title(page, step.title("fr"))
        play(page, step, index)
        last = index + 1 == len(protocol.steps)
        page.get_by_role("button", name=_("ui.round.finish") if last else _("ui.round.next")).click()
    title(page, _("ui.stage.between"))
    assert "1 tour terminé" in page.inner_text("#app")
