"""What each member and the group take home from the engine's French half-day."""

from __future__ import annotations

import pytest

from app.summary.summaries import Commitment, Learning, Said, group_summary, member_summaries, member_summary
from support.halfday import half_day
from support.room import Room

OUT_OF_FRAME = "As-tu des enfants qui t'inquiètent en ce moment ?"
CHOSEN = "Tu cherches comment transformer un rival en allié."


@pytest.fixture(scope="module")
def day() -> Room:
    return half_day()


def next_session(room: Room) -> Room:
    """The March session: it opens with the follow-up of December's action plans."""
    room.do({"type": "start_session", "id": "s-2", "group_id": "g-1", "date": "2027-03-11", "place": "Salle Pasteur"})
    room.do({"type": "acknowledge_charter", "session_id": "s-2", "date": "2027-03-11"})
    followup = {
        "r-1-a1": ("done", "Il a accepté, premier comité en février."),
        "r-1-a2": ("in_progress", "Deux règles sur trois écrites."),
        "r-2-a1": ("dropped", "Le siège a changé d'avis."),
    }
    for item, (status, comment) in followup.items():
        room.do({"type": "update_action_item", "id": item, "session_id": "s-2", "status": status, "comment": comment})
    room.do({"type": "finish_followup", "session_id": "s-2"})
    return room


def test_the_carrier_takes_home_their_round_in_full(day):
    s = member_summary(day.ws, "s-1", "m-sophie", "fr")
    assert (s.member, s.carried) == ("Sophie Garnier", (1,))
    f = s.frame
    assert (f.group, f.date, f.place, f.next_date, f.next_place) == (
        "Cadres de santé — CHU Nord", "2026-12-03", "Salle Pasteur", "2027-03-11", "Salle Pasteur"
    )
    assert f.protocol == "Groupe de pairs — codéveloppement (9 étapes), version 1" and not f.anonymous  # issue 19: the version it ran
    mine = s.rounds[0]
    assert mine.full and (mine.number, mine.carrier) == (1, "Sophie Garnier")
    assert mine.problem == "Un cadre expérimenté conteste mes décisions en réunion"
    assert mine.problem_text == "Depuis ma prise de poste, il me coupe la parole devant l'équipe."
    assert mine.reformulation == Said(who="Léa Fontaine", text=CHOSEN)
    assert mine.request_types == ("conseils", "temoignages")
    assert mine.request == "Comment faire de lui un allié ? J'attends des conseils concrets et vos expériences."
    sections = {section.kind: section for section in mine.sections}
    assert [(x.kind, x.title) for x in mine.sections] == [
        ("note", "Exposé par le porteur"),
        ("question", "Exploration par le groupe"),
        ("reformulation", "Reformulations"),
        ("intervention", "Écoute des interventions"),
        ("synthesis", "Synthèse du porteur"),
    ]
    assert [(q.who, q.text) for q in sections["question"].said] == [
        ("Karim Haddad", "Qu'a-t-il dit exactement lors de la dernière réunion ?"),
        ("Léa Fontaine", "Comment ta directrice voit-elle la situation ?"),
        ("Marc Olivier", "Que se passerait-il si tu ne faisais rien ?"),
        ("Inès Carvalho", "Sur quoi êtes-vous d'accord, lui et toi ?"),
    ]  # the out-of-frame question is not there
    assert [(i.who, i.help_type) for i in sections["intervention"].said] == [
        ("Karim Haddad", "conseils"), ("Léa Fontaine", "temoignages"),
        ("Marc Olivier", "conseils"), ("Inès Carvalho", "temoignages"),
    ]
    assert sections["intervention"].said[1].text == "J'ai vécu la même chose : un entretien avec la DRH en tiers a tout changé."
    assert sections["synthesis"].said == (Said(text="Je retiens la mission d'expertise et la règle commune en réunion."),)
    assert sections["note"].said[0].who == ""  # the carrier's own words carry no name
    assert mine.actions == (
        Commitment(owner="Sophie Garnier", text="Proposer à mon collègue de piloter le projet qualité", due="2027-01-15", decided="2026-12-03"),
        Commitment(owner="Sophie Garnier", text="Écrire avec l'équipe trois règles de réunion", due="2027-02-01", decided="2026-12-03"),
    )
    # the other rounds: carrier, problem and chosen reformulation only
    others = s.rounds[1:]
    assert [(r.number, r.carrier, r.problem, r.full) for r in others] == [
        (2, "Léa Fontaine", "Dire non au calendrier du siège", False),
        (3, "Inès Carvalho", "Déléguer sans perdre la qualité", False),
    ]
    assert others[0].reformulation == Said(who="Karim Haddad", text=CHOSEN)
    assert all(r.sections == () and r.actions == () and r.request == "" for r in others)
    assert s.learnings == tuple(
        Learning(round=n, text="Je pose trop vite des solutions ; les questions ouvrent davantage.") for n in (1, 2, 3)
    )
    assert s.followups == ()


def test_a_member_who_carried_nothing_gets_the_agenda_and_their_own_learnings(day):
    s = member_summary(day.ws, "s-1", "m-karim", "en")
    assert s.carried == () and not any(r.full for r in s.rounds)
    assert [r.carrier for r in s.rounds] == ["Sophie Garnier", "Léa Fontaine", "Inès Carvalho"]
    assert s.frame.protocol == "Peer group — co-development (9 steps), version 1"
    assert [x.text for x in s.learnings] == ["Je vais reconnaître plus souvent l'expertise de mes anciens."] * 3


def test_every_member_gets_one(day):
    summaries = member_summaries(day.ws, "s-1", "fr")
    assert list(summaries) == ["m-sophie", "m-karim", "m-lea", "m-marc", "m-ines"]
    assert {k: s.carried for k, s in summaries.items()} == {
        "m-sophie": (1,), "m-karim": (), "m-lea": (2,), "m-marc": (), "m-ines": (3,)
    }


def test_the_group_summary_holds_agenda_rounds_evaluation_actions_and_parking_lot(day):
    g = group_summary(day.ws, "s-1", "fr")
    assert g.members == ("Sophie Garnier", "Karim Haddad", "Léa Fontaine", "Marc Olivier", "Inès Carvalho")
    assert [(a.member, a.votes, a.round) for a in g.agenda] == [
        ("Sophie Garnier", 3, 1), ("Karim Haddad", 0, 0), ("Léa Fontaine", 1, 2), ("Marc Olivier", 0, 0), ("Inès Carvalho", 1, 3),
    ]
    assert all(r.full for r in g.rounds) and len(g.rounds) == 3
    assert [x.kind for x in g.rounds[0].sections][-1] == "learning"
    assert len(g.rounds[0].sections[-1].said) == 5
    assert [e.rating for e in g.evaluation] == [4, 5, 4, 5, 4] and g.average_rating == 4.4
    assert g.evaluation[0].who == "Sophie Garnier"
    assert [(a.owner, a.due) for a in g.actions] == [
        ("Sophie Garnier", "2027-01-15"), ("Sophie Garnier", "2027-02-01"),
        ("Léa Fontaine", "2027-01-15"), ("Léa Fontaine", "2027-02-01"),
        ("Inès Carvalho", "2027-01-15"), ("Inès Carvalho", "2027-02-01"),
    ]
    assert [(p.member, p.title, p.pitched) for p in g.parking_lot] == [
        ("Karim Haddad", "Fusionner deux services de nuit", "2026-12-03"),
        ("Marc Olivier", "Retrouver la confiance après un départ conflictuel", "2026-12-03"),
    ]


def test_the_next_session_summaries_carry_the_follow_up_of_earlier_plans():
    room = next_session(half_day())
    sophie = member_summary(room.ws, "s-2", "m-sophie", "fr")
    assert sophie.followups == (
        Commitment(owner="Sophie Garnier", text="Proposer à mon collègue de piloter le projet qualité", due="2027-01-15",
                   status="done", comment="Il a accepté, premier comité en février.", decided="2026-12-03"),
        Commitment(owner="Sophie Garnier", text="Écrire avec l'équipe trois règles de réunion", due="2027-02-01",
                   status="in_progress", comment="Deux règles sur trois écrites.", decided="2026-12-03"),
    )
    assert [c.status for c in member_summary(room.ws, "s-2", "m-lea", "fr").followups] == ["dropped"]
    assert member_summary(room.ws, "s-2", "m-karim", "fr").followups == ()
    assert [c.owner for c in group_summary(room.ws, "s-2", "fr").followups] == ["Sophie Garnier"] * 2 + ["Léa Fontaine"]
    # December's summaries are what they were: the follow-up belongs to March
    assert member_summary(room.ws, "s-1", "m-sophie", "fr").followups == ()


def test_anonymous_summaries_name_nobody_but_the_carrier():
    room = half_day()
    room.do({"type": "update_group", "id": "g-1", "anonymous_summaries": True})
    s = member_summary(room.ws, "s-1", "m-sophie", "fr")
    assert s.frame.anonymous and s.rounds[0].carrier == "Sophie Garnier"
    said = [x for section in s.rounds[0].sections for x in section.said]
    assert len(said) == 14 and all(x.who == "" for x in said)
    assert s.rounds[0].reformulation == Said(text=CHOSEN) and s.rounds[1].reformulation == Said(text=CHOSEN)
    g = group_summary(room.ws, "s-1", "fr")
    assert all(x.who == "" for r in g.rounds for section in r.sections for x in section.said)
    assert all(e.who == "" for e in g.evaluation)
    assert g.agenda[0].member == "Sophie Garnier"  # who brought which problem is the agenda itself


def test_fuller_summaries_give_every_member_every_round():
    room = next_session(half_day())
    room.do({"type": "update_group", "id": "g-1", "full_summaries": True})
    karim = member_summary(room.ws, "s-1", "m-karim", "fr")
    assert all(r.full for r in karim.rounds) and karim.carried == ()
    assert karim.rounds[0].request_types == ("conseils", "temoignages")
    kinds = {section.kind for r in karim.rounds for section in r.sections}
    assert "learning" not in kinds  # the others' learnings stay theirs
    assert len(member_summary(room.ws, "s-2", "m-karim", "fr").followups) == 3


def test_out_of_frame_contributions_never_appear():
    room = half_day()
    # an intervention, a learning, an evaluation and round 2's chosen reformulation
    marked = ("r-1-i0", "r-1-l1", "ev-0", "r-2-r1")
    for n, entry in enumerate(marked):
        room.do({"type": "edit_entry", "id": entry, "text": f"Hors cadre n° {n}"})
        room.do({"type": "mark_out_of_frame", "id": entry})
    ws = room.ws
    summaries = [*member_summaries(ws, "s-1", "fr").values(), group_summary(ws, "s-1", "fr")]
    for summary in summaries:
        dumped = summary.model_dump_json()
        assert OUT_OF_FRAME not in dumped and "Hors cadre" not in dumped
    g = summaries[-1]
    assert len(g.evaluation) == 4 and len(g.rounds[0].sections[-1].said) == 4
    assert [x.who for x in g.rounds[0].sections[3].said] == ["Léa Fontaine", "Marc Olivier", "Inès Carvalho"]
    assert g.rounds[1].reformulation is None
    assert [x.round for x in member_summary(ws, "s-1", "m-karim", "fr").learnings] == [2, 3]


def test_a_removed_member_keeps_their_name_in_past_sessions():
    room = half_day()
    room.do({"type": "add_member", "group_id": "g-1", "id": "m-new", "name": "Nadia Benali"})
    room.do({"type": "remove_member", "id": "m-marc"})
    g = group_summary(room.ws, "s-1", "fr")
    assert "Marc Olivier" in [x.who for x in g.rounds[0].sections[1].said]
    assert "m-marc" not in member_summaries(room.ws, "s-1", "fr")


def test_a_session_without_rounds_has_a_summary_too():
    room = Room()
    room.group()
    room.session()
    s = member_summary(room.ws, "s-1", "m-0", "fr")
    assert (s.member, s.rounds, s.learnings, s.frame.group) == ("Alice", (), (), "Cadres santé")
    g = group_summary(room.ws, "s-1", "en")
    assert g.rounds == () and g.agenda == () and g.average_rating is None
