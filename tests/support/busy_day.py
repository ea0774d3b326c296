"""A realistic half-day, as the room types it: six managers from several institutions, two
rounds of the nine steps, and every contribution its own sentence (the reference story,
halfday.py, repeats its texts from round to round, which compresses far better than a
room does). What a member's summary must still fit in a QR code.
"""

from __future__ import annotations

from .room import Room

MEMBERS = {
    "m-agnes": "Agnès Moreau-Lefebvre",
    "m-bastien": "Bastien Kowalczyk",
    "m-claire": "Claire Nguyen-Thomas",
    "m-dominique": "Dominique Benali",
    "m-eric": "Éric Vasseur",
    "m-fatou": "Fatou Diallo-Mercier",
}
PITCHES = {
    "m-agnes": ("Une équipe épuisée qui ne dit plus rien", "Depuis la réorganisation de septembre, les arrêts se multiplient et les réunions d'équipe sont silencieuses."),
    "m-bastien": ("Reprendre un projet abandonné par mon prédécesseur", "Le projet de dossier patient informatisé est à l'arrêt depuis un an et la direction veut un calendrier en janvier."),
    "m-claire": ("Manager mon ancienne collègue devenue subordonnée", "Nous avons passé le concours ensemble ; elle me tutoie devant les agents et conteste mes plannings."),
    "m-dominique": ("Un médecin qui court-circuite l'encadrement", "Il donne directement des consignes aux infirmières, parfois contraires aux protocoles du service."),
    "m-eric": ("Faire accepter le télétravail aux chefs d'équipe", "Trois chefs d'équipe refusent toute demande, les agents comparent avec les services voisins et menacent de partir."),
    "m-fatou": ("Annoncer une fermeture de lits à l'équipe", "La décision est prise pour mars ; je dois l'annoncer sans connaître encore le devenir de chaque poste."),
}
ROUNDS = {
    "r-1": {
        "carrier": "m-claire",
        "note": "Nous avons été infirmières ensemble pendant huit ans dans ce service, puis j'ai réussi le concours de cadre et "
        "j'ai été nommée ici il y a dix mois. Elle ne l'a pas passé. Au début tout allait bien, mais depuis l'été elle "
        "critique mes plannings devant les agents, me tutoie en réunion alors que je vouvoie tout le monde, et elle a "
        "fait remonter à la direction des soins une plainte sur la répartition des week-ends. J'ai essayé d'en parler "
        "avec elle un soir, elle m'a répondu que j'avais changé. Je me sens seule et je doute de ma légitimité.",
        "questions": [
            "Qu'est-ce que ta directrice des soins t'a dit après la plainte sur les week-ends ?",
            "Comment les autres agents réagissent-ils quand elle te conteste en réunion ?",
            "Avant ta nomination, quelle place avait-elle dans l'équipe ?",
            "Qu'aimerais-tu qu'elle comprenne de ton nouveau rôle ?",
            "As-tu eu un entretien annuel avec elle depuis ta prise de poste ?",
            "Qu'est-ce qui te ferait dire dans six mois que la situation s'est réglée ?",
        ],
        "reformulations": [
            "Tu cherches comment passer de collègue à cadre sans renier l'amitié qui vous liait.",
            "Ta question est : comment poser un cadre clair avec elle sans perdre la confiance de l'équipe ?",
            "Tu te demandes si tu as le droit d'exiger d'elle ce que tu exiges des autres.",
            "Comment faire reconnaître ta fonction par quelqu'un qui a connu tes débuts ?",
            "Tu voudrais savoir comment sortir de la solitude du nouveau cadre face à une ancienne pair.",
        ],
        "chosen": 1,
        "request": "J'aimerais des témoignages de personnes qui ont managé d'anciens collègues, et des idées pour l'entretien.",
        "interventions": [
            ("temoignages", "Cela m'est arrivé en devenant chef de service : j'ai demandé un entretien formel, dans mon bureau, et j'ai nommé ce qui avait changé entre nous. Le tutoiement a continué mais la contestation publique a cessé."),
            ("conseils", "Je distinguerais deux choses : la relation personnelle, que tu peux garder, et les règles de fonctionnement, qui valent pour tous. Dis-lui les deux séparément."),
            ("conseils", "Sur les plannings, tu pourrais associer l'équipe à des règles de répartition écrites ; ses critiques porteraient alors sur des règles communes et non sur toi."),
            ("temoignages", "Ma cadre supérieure m'a beaucoup aidé en venant à une réunion d'équipe pour rappeler qui décide ; ça m'a coûté de le demander, mais c'était utile."),
            ("conseils", "Prépare l'entretien annuel avec des faits précis et datés, et demande-lui ce qu'elle attend pour sa propre carrière : elle a peut-être des regrets à entendre."),
        ],
        "synthesis": "Je retiens de séparer l'amitié et les règles, de proposer des règles de planning écrites avec l'équipe, "
        "et de préparer l'entretien annuel avec des faits. Je n'irai pas voir la direction tout de suite.",
        "actions": [
            ("Proposer un entretien formel à ma collègue avant les congés", "2026-12-18"),
            ("Écrire avec l'équipe des règles de répartition des week-ends", "2027-01-31"),
            ("Demander à ma cadre supérieure un point sur ma prise de poste", "2027-01-15"),
        ],
        "learnings": [
            "Je mesure à quel point le passage de pair à cadre se prépare, et je vais en parler à mes futurs adjoints.",
            "Les règles écrites protègent aussi le cadre : je vais reprendre nos règles de congés.",
            "J'ai été touché par la solitude décrite ; je me sens moins seul dans mes propres doutes.",
            "Je retiens la distinction entre relation personnelle et règles de fonctionnement.",
            "Je vais oser demander de l'aide à ma hiérarchie plus tôt, sans y voir un aveu d'échec.",
            "Préparer un entretien difficile avec des faits datés, je ne le faisais pas assez.",
        ],
    },
    "r-2": {
        "carrier": "m-fatou",
        "note": "La direction a décidé de fermer douze lits de médecine polyvalente au premier mars, faute de médecins. Je "
        "l'ai appris en comité de direction la semaine dernière et je suis tenue au secret jusqu'à l'annonce officielle "
        "du quinze janvier. Je ne sais pas encore qui sera redéployé où ; les syndicats ont déjà eu vent de la rumeur "
        "et deux infirmières m'ont demandé directement si c'était vrai. J'ai botté en touche et je m'en veux.",
        "questions": [
            "Qui annoncera officiellement la fermeture, toi ou la direction ?",
            "De quoi as-tu le plus peur au moment de l'annonce ?",
            "Que sais-tu déjà des postes qui seront proposés aux agents ?",
            "Comment l'équipe a-t-elle vécu la dernière réorganisation ?",
            "Qui pourrait t'accompagner ce jour-là ?",
        ],
        "reformulations": [
            "Tu cherches comment dire une mauvaise nouvelle sans avoir toutes les réponses.",
            "Comment rester loyale envers la direction et honnête envers ton équipe ?",
            "Ta question est de savoir comment protéger l'équipe de l'incertitude sans lui mentir.",
            "Tu te demandes comment préparer l'annonce pour qu'elle ne détruise pas la confiance.",
            "Comment accompagner chaque agent vers un nouveau poste que tu ne connais pas encore ?",
        ],
        "chosen": 1,
        "request": "Des conseils concrets pour préparer l'annonce et répondre aux questions avant le quinze janvier.",
        "interventions": [
            ("conseils", "Demande à la direction ce que tu as le droit de dire dès maintenant : souvent on peut confirmer qu'une décision est en cours sans en donner le détail."),
            ("conseils", "Prépare l'annonce avec les ressources humaines et promets un entretien individuel à chacun dans les quinze jours qui suivent."),
            ("temoignages", "J'ai annoncé une fusion de services sans connaître les affectations ; ce que l'équipe m'a reproché ensuite, ce n'est pas l'incertitude, c'est d'avoir attendu."),
            ("conseils", "Associe les représentants du personnel avant l'annonce officielle, ils seront tes alliés pour faire taire les rumeurs."),
            ("temoignages", "Le jour de l'annonce, j'avais écrit les trois phrases que je voulais dire ; quand l'émotion est montée, elles m'ont tenue."),
        ],
        "synthesis": "Je vais demander à la direction ce que je peux dire dès maintenant, préparer l'annonce avec les RH et "
        "écrire mes phrases clés. Je garde l'idée d'entretiens individuels dans les quinze jours.",
        "actions": [
            ("Demander à la directrice ce que je peux confirmer à l'équipe", "2026-12-10"),
            ("Préparer avec les RH un calendrier d'entretiens individuels", "2027-01-08"),
        ],
        "learnings": [
            "Annoncer tôt ce que l'on sait vaut mieux qu'attendre de tout savoir.",
            "Je retiens d'écrire mes phrases clés avant une réunion difficile.",
            "La loyauté envers la direction n'empêche pas l'honnêteté envers l'équipe.",
            "Associer les représentants du personnel en amont : je ne l'avais jamais envisagé.",
            "Je vais préparer dès maintenant les fermetures estivales avec la même méthode.",
            "L'incertitude se vit mieux quand un calendrier d'entretiens est donné.",
        ],
    },
}


def _round(room: Room, sid: str, rid: str, plan: dict, *, first: bool) -> None:
    carrier = plan["carrier"]
    consultants = [m for m in MEMBERS if m != carrier]
    if first:
        room.do({"type": "start_round", "session_id": sid, "id": rid})
        for member, (title, text) in PITCHES.items():
            room.do({"type": "add_pitch", "id": f"p-{member}", "session_id": sid, "member_id": member, "title": title, "text": text}, after_s=100)
        room.do({"type": "next_step", "round_id": rid})
        room.do({"type": "choose_pitch", "round_id": rid, "pitch_id": f"p-{carrier}"}, after_s=240)
        room.do({"type": "next_step", "round_id": rid})
    else:
        room.do({"type": "start_round", "session_id": sid, "id": rid, "pitch_id": f"p-{carrier}"})
        room.do({"type": "go_to_step", "round_id": rid, "step": 2})

    def say(kind: str, author: str, text: str, eid: str, **extra: object) -> None:
        room.do({"type": "add_entry", "id": eid, "session_id": sid, "round_id": rid, "kind": kind, "author_id": author, "text": text, **extra}, after_s=45)

    say("note", carrier, plan["note"], f"{rid}-n")
    room.do({"type": "next_step", "round_id": rid})
    for n, text in enumerate(plan["questions"]):
        say("question", consultants[n % len(consultants)], text, f"{rid}-q{n}")
    room.do({"type": "next_step", "round_id": rid})
    for n, (author, text) in enumerate(zip(consultants, plan["reformulations"])):
        say("reformulation", author, text, f"{rid}-r{n}")
    room.do({"type": "next_step", "round_id": rid})
    room.do({"type": "choose_reformulation", "round_id": rid, "entry_id": f"{rid}-r{plan['chosen']}"})
    room.do({"type": "set_contract", "round_id": rid, "request_types": ["conseils", "temoignages"], "request": plan["request"]})
    room.do({"type": "next_step", "round_id": rid})
    for n, (author, (kind, text)) in enumerate(zip(consultants, plan["interventions"])):
        say("intervention", author, text, f"{rid}-i{n}", help_type=kind)
    room.do({"type": "next_step", "round_id": rid})
    say("synthesis", carrier, plan["synthesis"], f"{rid}-s")
    for n, (text, due) in enumerate(plan["actions"]):
        room.do({"type": "add_action_item", "id": f"{rid}-a{n}", "round_id": rid, "text": text, "due": due})
    room.do({"type": "next_step", "round_id": rid})
    for n, (author, text) in enumerate(zip(MEMBERS, plan["learnings"])):
        say("learning", author, text, f"{rid}-l{n}")
    room.do({"type": "finish_round", "round_id": rid})


def busy_day() -> Room:
    room = Room()
    room.do({"type": "create_group", "id": "g-1", "name": "Cadres de proximité — GHT Val-de-Seine", "kind": "cross",
             "members": [{"id": mid, "name": name} for mid, name in MEMBERS.items()]})
    room.do({"type": "start_session", "id": "s-1", "group_id": "g-1", "date": "2026-12-03", "place": "IFSI, salle 2",
             "planned_rounds": 2, "available_minutes": 210})
    room.do({"type": "acknowledge_charter", "session_id": "s-1", "date": "2026-12-03"})
    for n, (rid, plan) in enumerate(ROUNDS.items()):
        _round(room, "s-1", rid, plan, first=n == 0)
    room.do({"type": "set_next_session", "session_id": "s-1", "date": "2027-03-11", "place": "IFSI, salle 2"})
    room.do({"type": "finish_session", "session_id": "s-1"})
    return room
