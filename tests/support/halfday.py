"""A French half-day session played purely through actions: the engine's reference story.

Five managers of a hospital group meet on a December morning: charter, pitches, vote,
three rounds of the nine steps, an evaluation, then the next session's follow-up.
"""

from __future__ import annotations

from .room import Room

MEMBERS = {
    "m-sophie": "Sophie Garnier",
    "m-karim": "Karim Haddad",
    "m-lea": "Léa Fontaine",
    "m-marc": "Marc Olivier",
    "m-ines": "Inès Carvalho",
}
PITCHES = {
    "m-sophie": ("Un cadre expérimenté conteste mes décisions en réunion", "Depuis ma prise de poste, il me coupe la parole devant l'équipe."),
    "m-karim": ("Fusionner deux services de nuit", "Deux équipes, deux cultures, un seul planning à partir de janvier."),
    "m-lea": ("Dire non au calendrier du siège", "On me demande d'ouvrir une unité en trois mois sans recrutement."),
    "m-marc": ("Retrouver la confiance après un départ conflictuel", "Une infirmière appréciée est partie en accusant la direction."),
    "m-ines": ("Déléguer sans perdre la qualité", "Je relis tout, je rentre à 21 h, et l'équipe ne progresse pas."),
}


def play_round(room: Room, rid: str, carrier: str, *, first: bool, pitch: str = "") -> None:
    sid = "s-1"
    consultants = [m for m in MEMBERS if m != carrier]

    def say(kind: str, author: str, text: str, eid: str, **extra: object) -> None:
        room.do({"type": "add_entry", "id": eid, "session_id": sid, "round_id": rid, "kind": kind,
                 "author_id": author, "text": text, **extra}, after_s=40)

    if first:
        room.do({"type": "start_round", "session_id": sid, "id": rid})
        for member, (title, text) in PITCHES.items():
            room.do({"type": "add_pitch", "id": f"p-{member}", "session_id": sid, "member_id": member,
                     "title": title, "text": text}, after_s=110)
        room.do({"type": "next_step", "round_id": rid})
        for voter, choice in zip(MEMBERS, ["m-sophie", "m-sophie", "m-lea", "m-sophie", "m-ines"]):
            room.do({"type": "toggle_vote", "id": f"v-{voter}", "pitch_id": f"p-{choice}", "member_id": voter})
        room.do({"type": "choose_pitch", "round_id": rid, "pitch_id": f"p-{carrier}"}, after_s=60)
    else:
        room.do({"type": "start_round", "session_id": sid, "id": rid, "pitch_id": pitch})
        room.do({"type": "go_to_step", "round_id": rid, "step": 2})
    if first:
        room.do({"type": "next_step", "round_id": rid})
    say("note", carrier, "Je suis arrivée il y a six mois ; il était candidat au poste. Il conteste chaque "
        "décision en réunion et l'équipe attend de voir qui l'emporte. J'ai tenté un entretien, sans effet.", f"{rid}-n1")
    room.do({"type": "next_step", "round_id": rid}, after_s=480)
    questions = [
        "Qu'a-t-il dit exactement lors de la dernière réunion ?",
        "Comment ta directrice voit-elle la situation ?",
        "Que se passerait-il si tu ne faisais rien ?",
        "Sur quoi êtes-vous d'accord, lui et toi ?",
    ]
    for n, (author, text) in enumerate(zip(consultants, questions)):
        say("question", author, text, f"{rid}-q{n}")
        room.do({"type": "edit_entry", "id": f"{rid}-q{n}", "answered": n != 3})
    say("question", consultants[0], "As-tu des enfants qui t'inquiètent en ce moment ?", f"{rid}-q-off")
    room.do({"type": "mark_out_of_frame", "id": f"{rid}-q-off"})  # personal history: out of frame
    room.do({"type": "next_step", "round_id": rid}, after_s=300)
    reformulations = [
        "Ton problème est de poser ton autorité sans humilier un collègue expérimenté.",
        "Tu cherches comment transformer un rival en allié.",
        "Tu te demandes comment faire trancher l'équipe sans conflit ouvert.",
        "L'enjeu est de rester légitime alors qu'il connaît mieux le service que toi.",
    ]
    for n, (author, text) in enumerate(zip(consultants, reformulations)):
        say("reformulation", author, text, f"{rid}-r{n}")
        if n < len(consultants) - 1:
            room.do({"type": "next_speaker", "round_id": rid}, after_s=5)
    room.do({"type": "next_step", "round_id": rid})
    room.do({"type": "choose_reformulation", "round_id": rid, "entry_id": f"{rid}-r1"})
    room.do({"type": "set_contract", "round_id": rid, "request_types": ["conseils", "temoignages"],
             "request": "Comment faire de lui un allié ? J'attends des conseils concrets et vos expériences."})
    room.do({"type": "next_step", "round_id": rid}, after_s=200)
    interventions = [
        ("conseils", "À ta place, je lui confierais une mission visible qui reconnaît son expertise."),
        ("temoignages", "J'ai vécu la même chose : un entretien avec la DRH en tiers a tout changé."),
        ("conseils", "Pose une règle de fonctionnement en réunion, pour tout le monde, pas contre lui."),
        ("temoignages", "Mon adjoint a mis un an à m'accepter ; le tournant a été un projet commun."),
    ]
    for n, (author, (kind, text)) in enumerate(zip(consultants, interventions)):
        say("intervention", author, text, f"{rid}-i{n}", help_type=kind)
    room.do({"type": "pause_timer", "round_id": rid}, after_s=600)
    room.do({"type": "resume_timer", "round_id": rid}, after_s=120)
    room.do({"type": "extend_timer", "round_id": rid})
    room.do({"type": "next_step", "round_id": rid}, after_s=400)
    say("synthesis", carrier, "Je retiens la mission d'expertise et la règle commune en réunion.", f"{rid}-s")
    room.do({"type": "add_action_item", "id": f"{rid}-a1", "round_id": rid,
             "text": "Proposer à mon collègue de piloter le projet qualité", "due": "2027-01-15"})
    room.do({"type": "add_action_item", "id": f"{rid}-a2", "round_id": rid,
             "text": "Écrire avec l'équipe trois règles de réunion", "due": "2027-02-01"})
    room.do({"type": "next_step", "round_id": rid}, after_s=300)
    learnings = [
        "Je pose trop vite des solutions ; les questions ouvrent davantage.",
        "Je vais reconnaître plus souvent l'expertise de mes anciens.",
        "La légitimité se construit aussi par les règles partagées.",
        "J'ai envie d'essayer la mission d'expertise dans mon équipe.",
        "Je retiens qu'on peut transformer une opposition en contribution.",
    ]
    for n, (author, text) in enumerate(zip(MEMBERS, learnings)):
        say("learning", author, text, f"{rid}-l{n}")
        if n < len(MEMBERS) - 1:
            room.do({"type": "next_speaker", "round_id": rid}, after_s=5)
    room.do({"type": "finish_round", "round_id": rid}, after_s=60)


def half_day() -> Room:
    room = Room()
    members = [{"id": mid, "name": name} for mid, name in MEMBERS.items()]
    room.do({"type": "create_group", "id": "g-1", "name": "Cadres de santé — CHU Nord", "kind": "institution",
             "members": members})
    room.do({"type": "start_session", "id": "s-1", "group_id": "g-1", "date": "2026-12-03", "place": "Salle Pasteur",
             "planned_rounds": 3, "available_minutes": 240})
    room.do({"type": "acknowledge_charter", "session_id": "s-1", "date": "2026-12-03"}, after_s=120)
    play_round(room, "r-1", "m-sophie", first=True)
    room.do({"type": "start_break", "session_id": "s-1", "minutes": 10})
    play_round(room, "r-2", "m-lea", first=False, pitch="p-m-lea")
    play_round(room, "r-3", "m-ines", first=False, pitch="p-m-ines")
    room.do({"type": "start_evaluation", "session_id": "s-1"})
    for n, member in enumerate(MEMBERS):
        room.do({"type": "add_entry", "id": f"ev-{n}", "session_id": "s-1", "kind": "evaluation", "author_id": member,
                 "text": "Cadre clair, bon rythme ; l'exploration aurait mérité cinq minutes de plus.", "rating": 4 + n % 2})
    room.do({"type": "set_next_session", "session_id": "s-1", "date": "2027-03-11", "place": "Salle Pasteur"})
    room.do({"type": "finish_session", "session_id": "s-1"})
    return room
