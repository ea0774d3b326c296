"""A whole French half-day, then the next session's follow-up, purely through actions."""

from app import timers
from support.halfday import MEMBERS, half_day


def test_a_half_day_session_through_actions_alone():
    room = half_day()
    ws = room.ws
    session = ws.sessions["s-1"]
    assert session.stage == "finished" and session.next_date == "2027-03-11"
    assert session.protocol.id == "peer-group-9" and session.available_minutes == 240
    rounds = ws.rounds_of("s-1")
    assert [(r.number, r.carrier_id) for r in rounds] == [(1, "m-sophie"), (2, "m-lea"), (3, "m-ines")]
    assert all(r.finished and r.step == 8 for r in rounds)
    assert ws.groups["g-1"].charter_acknowledged == "2026-12-03"
    assert len(ws.votes_for("p-m-sophie")) == 3

    first = rounds[0]
    assert ws.entries[first.reformulation_id].text == "Tu cherches comment transformer un rival en allié."
    assert first.request_types == ("conseils", "temoignages")
    kinds = [e.kind for e in ws.entries_of("r-1")]
    assert kinds.count("question") == 5 and kinds.count("reformulation") == 4 and kinds.count("intervention") == 4
    assert kinds.count("learning") == 5 and kinds.count("note") == 1 and kinds.count("synthesis") == 1
    off = [e for e in ws.entries_of("r-1") if e.out_of_frame]
    assert [e.text for e in off] == ["As-tu des enfants qui t'inquiètent en ce moment ?"]
    assert [q.answered for q in ws.entries_of("r-1", "question")] == [True, True, True, False, False]
    assert [e.step for e in ws.entries_of("r-1", "intervention")] == ["interventions"] * 4
    assert [a.text for a in ws.action_items_of("r-1")] == [
        "Proposer à mon collègue de piloter le projet qualité",
        "Écrire avec l'équipe trois règles de réunion",
    ]
    # the interventions step: 20 minutes scaled to the half-day, paused 2 minutes, extended by one
    step = session.protocol.steps[6]
    t = first.step_timers[6]
    assert t.started_at is None and t.extra_ms == 60_000 and t.budget_ms == int(step.minutes * 60_000)
    assert timers.elapsed(t, room.now) == 4 * 40_000 + 600_000 + 1_000 + 400_000
    # the two pitches nobody examined wait in the parking lot
    assert sorted(p.member_id for p in ws.parking_lot("g-1")) == ["m-karim", "m-marc"]
    assert [e.rating for e in ws.session_entries("s-1", "evaluation")] == [4, 5, 4, 5, 4]
    last = ws.last_carried("g-1")
    assert last == {"m-sophie": "2026-12-03", "m-karim": "", "m-lea": "2026-12-03", "m-marc": "", "m-ines": "2026-12-03"}


def test_the_next_session_opens_with_the_follow_up_of_the_action_plans():
    room = half_day()
    room.do({"type": "start_session", "id": "s-2", "group_id": "g-1", "date": "2027-03-11", "place": "Salle Pasteur"})
    room.do({"type": "acknowledge_charter", "session_id": "s-2", "date": "2027-03-11"})
    ws = room.ws
    assert ws.sessions["s-2"].stage == "followup"
    followup = ws.open_action_items("g-1", before_session="s-2")
    assert len(followup) == 6 and {a.owner_id for a in followup} == {"m-sophie", "m-lea", "m-ines"}
    assert followup[0].due == "2027-01-15"
    statuses = ["done", "in_progress", "dropped", "done", "done", "in_progress"]
    for item, status in zip(followup, statuses):
        room.do({"type": "update_action_item", "id": item.id, "session_id": "s-2", "status": status,
                 "comment": "Fait en janvier." if status == "done" else "En cours, avec la DRH."})
    room.do({"type": "finish_followup", "session_id": "s-2"})
    ws = room.ws
    assert {a.id: a.status for a in ws.followed_up_in("s-2")} == {a.id: s for a, s in zip(followup, statuses)}
    assert len(ws.open_action_items("g-1")) == 2  # still in progress: they come back next time
    # the parking lot offers Karim's and Marc's problems first: they have never carried one
    room.do({"type": "start_round", "session_id": "s-2", "id": "r-4"})
    room.do({"type": "add_pitch", "id": "p-new", "session_id": "s-2", "member_id": "m-sophie", "title": "Suite"})
    room.do({"type": "next_step", "round_id": "r-4"})
    never = [p for p in room.ws.parking_lot("g-1") if not room.ws.last_carried("g-1")[p.member_id]]
    assert sorted(MEMBERS[p.member_id] for p in never) == ["Karim Haddad", "Marc Olivier"]
    room.do({"type": "choose_pitch", "round_id": "r-4", "pitch_id": "p-m-karim"})
    assert room.ws.rounds["r-4"].carrier_id == "m-karim"
