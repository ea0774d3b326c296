"""Troika consulting (Liberating Structures): trios, each member the client in turn."""

from app.protocol import Protocol, Step, T

PROTOCOL = Protocol(
    id="troika-consulting",
    name=T("Troïka consulting (trios)", "Troika consulting (trios)"),
    source=T(
        "Troika Consulting, une des Liberating Structures de Henri Lipmanowicz et Keith McCandless (The Surprising Power of Liberating Structures).",
        "Troika Consulting, one of Henri Lipmanowicz and Keith McCandless's Liberating Structures (The Surprising Power of Liberating Structures).",
    ),
    fewest_members=3,
    most_members=3,
    steps=(
        Step(
            key="share",
            title=T("Le client expose son défi", "The client shares a challenge"),
            do=T(
                "Par groupes de trois, chacun est le client à tour de rôle. Le client expose son défi et ce dont il a besoin ; les consultants écoutent.",
                "In groups of three, each member is the client in turn. The client shares their challenge and what help they need; the consultants listen.",
            ),
            dont=T(
                "Interrompre le client.",
                "Interrupting the client.",
            ),
            script=T(
                "« Quel est ton défi, et de quelle aide as-tu besoin ? Deux minutes. »",
                "“What is your challenge, and what help do you need? Two minutes.”",
            ),
            speaker="carrier",
            capture="notes",
            minutes=2,
        ),
        Step(
            key="clarify",
            title=T("Questions de clarification", "Clarifying questions"),
            do=T(
                "Les deux consultants posent des questions pour bien comprendre ; le client répond.",
                "The two consultants ask questions to understand; the client answers.",
            ),
            dont=T(
                "Donner déjà des conseils : ils viennent à l'étape suivante.",
                "Giving advice already: it comes in the next step.",
            ),
            script=T(
                "« Qu'avez-vous besoin de savoir ? »",
                "“What do you need to know?”",
            ),
            speaker="consultants",
            capture="questions",
            minutes=2,
        ),
        Step(
            key="consult",
            title=T("Les consultants échangent, le client de dos", "Consultants talk, the client's back turned"),
            do=T(
                "Le client se retourne, dos aux consultants, et écoute en prenant des notes. Les consultants échangent "
                "entre eux idées, suggestions et conseils.",
                "The client turns around, back to the consultants, and listens while taking notes. The consultants "
                "exchange ideas, suggestions and advice between themselves.",
            ),
            dont=T(
                "Répondre ou se retourner (pour le client) ; s'adresser au client (pour les consultants).",
                "Replying or turning back (the client); addressing the client (the consultants).",
            ),
            script=T(
                "« Parlez de la situation entre vous, comme si le client n'était pas là. »",
                "“Talk about the situation between yourselves, as if the client were not there.”",
            ),
            speaker="consultants",
            capture="interventions",
            minutes=5,
        ),
        Step(
            key="reflect",
            title=T("Le client dit ce qu'il retient", "The client reflects"),
            do=T(
                "Le client se retourne et dit ce qui lui a été le plus utile. Puis on change de client.",
                "The client turns back and says what was most valuable. Then the next member becomes the client.",
            ),
            dont=T(
                "Discuter les idées qu'on ne retient pas.",
                "Arguing with the ideas one leaves aside.",
            ),
            script=T(
                "« Qu'est-ce qui t'a été le plus utile ? »",
                "“What was most valuable to you?”",
            ),
            speaker="carrier",
            capture="synthesis",
            minutes=2,
        ),
    ),
)
