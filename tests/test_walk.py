"""Issue 14, the pitches, the choice and the protocols: problems carried over from the previous
session, votes that belong to a session, the choice that does not re-sort while the room
votes, the difference between withdrawing and deleting a pitch, the session setup's notes
on group size and on a slot too short; and the walk.* messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.actions import ActionError
from app.views import render
from app.views.context import View
from app.views.routes import route
from support.catalog_keys import check_complete, check_translated, keys_in
from support.room import Room

ROOT = Path(__file__).resolve().parents[1]
SEVEN = ("Alice", "Bruno", "Chloé", "David", "Émilie", "Farid", "Gaëlle")


def show(room: Room, screen: str = "session", **params: str) -> str:
    return render(View(ws=room.ws, route=route(screen, **params), lang="fr", now=room.now, today="2026-12-01"))


def first_session_leaves_two_problems_waiting() -> Room:
    """Session s-1: four pitches, Chloé's examined; Alice's and David's wait with last
    time's votes on them; Bruno withdrew his."""
    room = Room()
    room.group(("Alice", "Bruno", "Chloé", "David"))
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    for i, title in enumerate(("Recadrer un agent", "Un planning intenable", "Une équipe en conflit", "Déléguer")):
        room.do({"type": "add_pitch", "id": f"p-{i}", "session_id": "s-1", "member_id": f"m-{i}", "title": title})
    room.do({"type": "withdraw_pitch", "id": "p-1"})
    room.do({"type": "next_step", "round_id": "r-1"})
    for voter in ("m-0", "m-1", "m-3"):
        room.do({"type": "toggle_vote", "pitch_id": "p-0", "member_id": voter})
    room.do({"type": "toggle_vote", "pitch_id": "p-2", "member_id": "m-2"})
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-2"})
    room.do({"type": "add_entry", "id": "ref-1", "session_id": "s-1", "round_id": "r-1", "kind": "reformulation", "author_id": "m-0", "text": "Comment rassembler ?"})
    room.do({"type": "choose_reformulation", "round_id": "r-1", "entry_id": "ref-1"})
    room.do({"type": "set_contract", "round_id": "r-1", "request_types": ["conseils"]})
    room.do({"type": "go_to_step", "round_id": "r-1", "step": 8})
    room.do({"type": "finish_round", "round_id": "r-1"})
    room.do({"type": "finish_session", "session_id": "s-1"})
    return room


def next_session(room: Room) -> Room:
    room.do({"type": "start_session", "id": "s-2", "group_id": "g-1", "date": "2027-03-11"})
    room.do({"type": "acknowledge_charter", "session_id": "s-2", "date": "2027-03-11"})
    if room.ws.sessions["s-2"].stage == "followup":
        room.do({"type": "finish_followup", "session_id": "s-2"})
    room.do({"type": "start_round", "session_id": "s-2", "id": "r-2"})
    return room


def test_problems_still_waiting_are_shown_at_the_pitch_step_for_their_owners():
    room = next_session(first_session_leaves_two_problems_waiting())
    assert [p.id for p in room.ws.carried_over("s-2")] == ["p-0", "p-3"], "not the examined one, not the withdrawn one"
    markup = show(room, id="s-2")
    assert "En attente depuis une séance précédente" in markup
    assert "Recadrer un agent" in markup and "Déléguer" in markup
    assert "Une équipe en conflit" not in markup and "Un planning intenable" not in markup
    assert "Modifier « Recadrer un agent »" in markup and "Retirer du choix « Recadrer un agent »" in markup
    assert "Supprimer définitivement « Recadrer un agent »" not in markup, "a problem of an earlier session is withdrawn, not deleted"
    # the pitch form offers only those with nothing on the table
    form = markup[markup.index('data-action="add_pitch"'):]
    form = form[: form.index("</form>")]
    assert "Bruno" in form and "Chloé" in form and "Alice" not in form and "David" not in form


def test_an_owner_updates_or_withdraws_a_problem_carried_over_instead_of_pitching_it_again():
    room = next_session(first_session_leaves_two_problems_waiting())
    with pytest.raises(ActionError) as refused:
        room.do({"type": "add_pitch", "session_id": "s-2", "member_id": "m-0", "title": "Recadrer un agent, encore"})
    assert refused.value.key == "walk.error.pitch_pending"
    room.do({"type": "edit_pitch", "id": "p-0", "title": "Recadrer un agent, six mois après"})
    room.do({"type": "withdraw_pitch", "id": "p-3"})
    room.do({"type": "add_pitch", "id": "p-new", "session_id": "s-2", "member_id": "m-3", "title": "Un nouveau chef de service"})
    markup = show(room, id="s-2")
    assert "Recadrer un agent, six mois après" in markup
    assert "Remettre en attente « Déléguer »" in markup, "withdrawn during this session: still there, to put back"
    assert [p.id for p in room.ws.pitches_of("s-2")] == ["p-new"], "no duplicate"


def test_problems_carried_over_start_with_no_votes_and_are_voted_on_like_new_ones():
    room = next_session(first_session_leaves_two_problems_waiting())
    room.do({"type": "add_pitch", "id": "p-new", "session_id": "s-2", "member_id": "m-1", "title": "Un nouveau chef de service"})
    room.do({"type": "next_step", "round_id": "r-2"})
    assert len(room.ws.votes_for("p-0", "s-1")) == 3
    assert room.ws.votes_for("p-0", "s-2") == []
    markup = show(room, id="s-2")
    ballots = markup[markup.index("Recadrer un agent"):]
    assert 'aria-label="aucune voix"' in markup[: markup.index("Recadrer un agent")].rsplit("<li", 1)[1]
    assert 'data-action="toggle_vote"' in ballots[: ballots.index("</li>")], "votable"
    room.do({"type": "toggle_vote", "pitch_id": "p-0", "member_id": "m-2", "session_id": "s-2"})
    room.do({"type": "toggle_vote", "pitch_id": "p-0", "member_id": "m-3", "session_id": "s-2"})
    assert sorted(v.member_id for v in room.ws.votes_for("p-0", "s-2")) == ["m-2", "m-3"]
    assert len(room.ws.votes_for("p-0", "s-1")) == 3, "last session's votes stay last session's"
    room.do({"type": "choose_pitch", "round_id": "r-2", "pitch_id": "p-0"})
    assert room.ws.rounds["r-2"].carrier_id == "m-0"
    assert "Le groupe a choisi « Recadrer un agent » : Alice est le porteur." in show(room, id="s-2")


def test_the_choice_keeps_the_order_of_the_pitches_while_the_room_votes():
    room = next_session(first_session_leaves_two_problems_waiting())
    room.do({"type": "add_pitch", "id": "p-new", "session_id": "s-2", "member_id": "m-1", "title": "Un nouveau chef de service"})
    room.do({"type": "next_step", "round_id": "r-2"})

    def order() -> list[str]:
        markup = show(room, id="s-2")
        return sorted(("Recadrer un agent", "Déléguer", "Un nouveau chef de service"), key=markup.index)

    assert order() == ["Recadrer un agent", "Déléguer", "Un nouveau chef de service"]
    for voter in ("m-0", "m-1", "m-2"):
        room.do({"type": "toggle_vote", "pitch_id": "p-new", "member_id": voter, "session_id": "s-2"})
    assert order() == ["Recadrer un agent", "Déléguer", "Un nouveau chef de service"]


def test_a_vote_for_a_withdrawn_problem_or_another_groups_is_refused():
    room = next_session(first_session_leaves_two_problems_waiting())
    room.do({"type": "next_step", "round_id": "r-2"})
    room.do({"type": "withdraw_pitch", "id": "p-3"})
    with pytest.raises(ActionError):
        room.do({"type": "toggle_vote", "pitch_id": "p-3", "member_id": "m-0", "session_id": "s-2"})


def test_the_setup_says_when_the_group_is_larger_than_the_method_is_designed_for():
    room = Room()
    room.group(SEVEN)

    def setup(protocol_id: str) -> str:
        room.do({"type": "set_draft", "key": "setup:protocol_id", "text": protocol_id})
        return show(room, "setup", group="g-1")

    assert "prévu pour des groupes" not in setup("peer-group-9")
    assert "Ce protocole est prévu pour des groupes de 4 à 5 membres ; votre groupe en compte 7 membres." in setup("case-clinic")
    assert "Ce protocole se joue par groupes de 3 ; votre groupe compte 7 membres" in setup("troika-consulting")


def test_the_setup_says_when_even_one_minute_a_step_does_not_fit():
    room = Room()
    room.group(SEVEN)
    room.do({"type": "set_draft", "key": "setup:available_minutes", "text": "20"})
    markup = show(room, "setup", group="g-1")
    assert "Même à une minute par étape, ce déroulé demande" in markup and "plus que les 20 min disponibles" in markup
    room.do({"type": "set_draft", "key": "setup:available_minutes", "text": "210"})
    markup = show(room, "setup", group="g-1")
    assert "Même à une minute par étape" not in markup
    total = markup[markup.index("Déroulé prévu : ") + len("Déroulé prévu : "):].split(" min")[0]
    assert float(total.replace(",", ".")) <= 210


# --- the walk.* messages ------------------------------------------------------------------------


def used_keys() -> set[str]:
    return keys_in(sorted((ROOT / "app").rglob("*.py")), "walk")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_walk_message_is_in_the_catalog_and_used(lang):
    check_complete("walk", lang, used_keys())


def test_walk_messages_are_translated_with_the_same_placeholders():
    check_translated("walk", set())


def test_withdraw_and_delete_say_what_they_do_at_step_1():
    room = Room()
    room.group(("Alice", "Bruno", "Chloé", "David"))
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    room.do({"type": "add_pitch", "id": "p-0", "session_id": "s-1", "member_id": "m-0", "title": "Recadrer un agent"})
    markup = show(room, id="s-1")
    assert ">Retirer du choix<" in markup and ">Supprimer définitivement<" in markup
    assert "« Retirer du choix » met une problématique de côté sans l’effacer" in markup
    assert ">Retirer<" not in markup and ">Supprimer<" not in markup


def test_the_carrier_panel_is_not_an_alternative_when_it_is_the_only_way():
    room = Room()
    room.group(("Alice", "Bruno", "Chloé", "David"))
    room.session(protocol_id="codev-payette-champagne")
    markup = show(room, id="s-1")
    assert "Choisir le porteur du prochain tour" in markup and "Ou choisir directement" not in markup
    assert "Aucune problématique en attente" not in markup
    room = first_session_leaves_two_problems_waiting()
    next_session(room)
    room.do({"type": "next_step", "round_id": "r-2"})
    room.do({"type": "choose_pitch", "round_id": "r-2", "pitch_id": "p-0"})
    room.do({"type": "go_to_step", "round_id": "r-2", "step": 2})
    room.do({"type": "add_entry", "id": "ref-2", "session_id": "s-2", "round_id": "r-2", "kind": "reformulation", "author_id": "m-1", "text": "Comment ?"})
    room.do({"type": "choose_reformulation", "round_id": "r-2", "entry_id": "ref-2"})
    room.do({"type": "set_contract", "round_id": "r-2", "request_types": ["conseils"]})
    room.do({"type": "go_to_step", "round_id": "r-2", "step": 8})
    room.do({"type": "finish_round", "round_id": "r-2"})
    markup = show(room, id="s-2")
    assert "Prochaine problématique" in markup and "Ou choisir directement le porteur" in markup, "David's problem still waits"
