"""Every built-in protocol, started in Chromium from a brand-new group of four with nothing
pending, as a facilitator would: the session set up with that protocol, the charter, then
each step of the first round played with one capture of the step's kind through its form,
every gate satisfied, until the round ends between rounds. A protocol added to the library
is swept too (tests/test_protocol_sweep.py plays the same through the actions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.i18n import translator
from app.protocol import LIBRARY, Step
from support.room import Room
from ui_helpers import seed, french

_ = translator("fr")
SHOTS = Path(__file__).resolve().parents[2] / "screenshots"
MEMBERS = ("Alice", "Bruno", "Chloé", "David")
KINDS = {"notes": "note", "questions": "question", "reformulations": "reformulation", "interventions": "intervention", "learnings": "learning"}


def new_group() -> Room:
    room = Room()
    room.group(MEMBERS)
    room.do({"type": "set_preferences", "language": "fr"})
    return room


def title(page, text: str) -> None:
    page.wait_for_function("t => document.querySelector('h1').textContent === t", arg=french(text))


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


PEOPLE = ("Amélie Durand", "Bruno Lefèvre", "Chloé Martin", "David N'Diaye", "Émilie Rousseau", "Farid Benali")
TITLES = ("Recadrer un agent sans casser la relation", "Un planning qui ne tient jamais", "Arriver dans une équipe en conflit", "Déléguer sans tout vérifier")


def carried_over_to_a_second_session(now: int) -> Room:
    """Six members; the first session ended with Amélie's and Bruno's problems waiting (one
    vote for Amélie's); the second has just opened its first round, four new problems noted."""
    room = Room(now=now - 3_600_000)
    room.do({"type": "create_group", "id": "g-1", "name": "Cadres de santé", "kind": "cross", "members": [{"id": f"m-{i}", "name": n} for i, n in enumerate(PEOPLE)]})
    room.session("s-0", "2026-09-15")
    room.do({"type": "start_round", "session_id": "s-0", "id": "r-0"})
    room.do({"type": "add_pitch", "id": "p-old-0", "session_id": "s-0", "member_id": "m-0", "title": "Annoncer une réorganisation"})
    room.do({"type": "add_pitch", "id": "p-old-1", "session_id": "s-0", "member_id": "m-1", "title": "Un agent en arrêt répété"})
    room.do({"type": "next_step", "round_id": "r-0"})
    room.do({"type": "toggle_vote", "pitch_id": "p-old-0", "member_id": "m-3"})
    room.do({"type": "withdraw_pitch", "id": "p-old-1", "withdrawn": True})
    room.do({"type": "withdraw_pitch", "id": "p-old-1", "withdrawn": False})
    room.ws = room.ws.model_copy(update={"sessions": {**room.ws.sessions, "s-0": room.ws.sessions["s-0"].model_copy(update={"stage": "finished", "current_round_id": ""})}})
    room.session("s-1", "2026-12-03")
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    for i, title in enumerate(TITLES, start=2):
        room.do({"type": "add_pitch", "id": f"p-{i}", "session_id": "s-1", "member_id": f"m-{i}", "title": title})
    room.do({"type": "set_preferences", "language": "fr"})
    return room


def test_problems_carried_over_are_kept_at_step_1_and_voted_afresh_on_a_projector(app):
    import time

    page = app.page
    page.set_viewport_size({"width": 1280, "height": 720})
    seed(page, carried_over_to_a_second_session(int(time.time() * 1000)).ws)
    app.open("#/session?id=s-1")
    title(page, "Exposé des problématiques")
    earlier = page.get_by_role("region", name="En attente depuis une séance précédente")
    assert earlier.get_by_text("Annoncer une réorganisation").is_visible()
    assert earlier.get_by_text("En attente depuis la séance du mardi 15 septembre 2026").first.is_visible()
    # Amélie keeps hers, updated; nobody is offered a second one
    assert page.get_by_text("Chaque membre a présenté sa problématique.").is_visible()
    earlier.get_by_role("button", name="Modifier « Annoncer une réorganisation »").click()
    page.get_by_label("Titre corrigé").fill("Annoncer la réorganisation du pôle")
    page.get_by_role("button", name="Enregistrer la correction").click()
    earlier.get_by_text("Annoncer la réorganisation du pôle").wait_for()
    page.get_by_role("button", name="Étape suivante").click()
    title(page, "Choix consensuel d'une problématique")
    # six problems, last session's vote not counted, every vote control on screen
    cards = page.locator(".pitch")
    assert cards.count() == 6
    first = cards.filter(has_text="Annoncer la réorganisation du pôle")
    assert first.get_by_label("aucune voix").is_visible() and "reportée" in first.inner_text()
    for index in range(6):
        for control in (cards.nth(index).get_by_role("button", name="Farid"), cards.nth(index).get_by_role("button", name="Choisir « ")):
            box = control.bounding_box()
            assert box and box["y"] + box["height"] <= 720, f"card {index + 1} below the fold"
    first.get_by_role("group").get_by_role("button", name="Chloé").click()
    first.get_by_label("1 voix").wait_for()
    assert cards.nth(0).inner_text() == first.inner_text(), "the cards keep their order while the room votes"
    first.get_by_role("button", name="Choisir « Annoncer la réorganisation").click()
    page.get_by_text("Le groupe a choisi « Annoncer la réorganisation du pôle » : Amélie Durand est le porteur.").wait_for()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "projector-vote-chosen.png"))
