"""Troika consulting (Liberating Structures): trios, each member the client in turn."""

from app.protocol import Protocol, Step, T

PROTOCOL = Protocol(
    id="troika-consulting",
    name=T("Troïka consulting (trios)", "Troika consulting (trios)"),
    source=T(
        "Troika Consulting, une des Liberating Structures de Henri Lipmanowicz et Keith McCandless (The Surprising Power of Liberating Structures).",
        "Troika Consulting, one of Henri Lipmanowicz and Keith McCandless's Liberating Structures (The Surprising Power of Liberating Structures).",
    ),
    steps=(
        Step(
            key="share",
            title=T("Le client expose son défi", "The client shares a challenge"),
            do=T(
                "Par groupes de trois, chacun est le client à tour de rôle. Le client expose son défi et ce dont il a besoin.",
                "In groups of three, each member is the client in turn. The client shares their challenge and what help they need.",
            ),
            dont=T(
                "Les consultants écoutent sans interrompre.",
                "The consultants listen without interrupting.",
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
                "Pas encore de conseils.",
                "No advice yet.",
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
                "Le client ne répond pas et ne se retourne pas ; les consultants ne s'adressent pas à lui.",
                "The client does not respond or turn back; the consultants do not address the client.",
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
                "Le client ne discute pas les idées qu'il ne retient pas.",
                "The client does not argue with the ideas they leave aside.",
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
