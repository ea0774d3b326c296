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
                "Par groupes de trois, chacun est le client à tour de rôle. Le client expose son défi et ce dont il a besoin ; les consultants écoutent.",
                "In groups of three, each member is the client in turn. The client shares their challenge and what help they need; the consultants listen.",
            ),
            dont=T(
                "Interrompre le client.",
                "Interrupting the client.",
            ),
            script=T(
                "« Quel est ton défi, et de quelle aide as-tu besoin ? Deux minutes. »",
                "“What is your challenge, and what help do you need? Two minutes.”",
            ),
            coach=T(
                "Pourquoi : en deux minutes, le client dit son défi et l’aide qu’il attend ; la brièveté oblige à aller à l’essentiel et laisse leur temps aux deux consultants. À dire : « Quel est ton défi, et de quelle aide as-tu besoin ? » À surveiller : un défi sur lequel le client peut agir ; le gardien du temps annonce la fin des deux minutes. Piège : un récit détaillé qui mange le temps de la consultation.",
                "Why: in two minutes, the client states the challenge and the help they need; brevity forces them to the essentials and leaves the two consultants their time. What to say: “What is your challenge, and what help do you need?” Watch for: a challenge the client can act on; the timekeeper calls the end of the two minutes. Pitfall: a detailed story that eats the consultation's time.",
            ),
            speaker="carrier",
            capture="notes",
            minutes=2,
        ),
        Step(
            key="clarify",
            title=T("Questions de clarification", "Clarifying questions"),
            do=T(
                "Les deux consultants posent des questions pour bien comprendre ; le client répond.",
                "The two consultants ask questions to understand; the client answers.",
            ),
            dont=T(
                "Donner déjà des conseils : ils viennent à l’étape suivante.",
                "Giving advice already: it comes in the next step.",
            ),
            script=T(
                "« Qu’avez-vous besoin de savoir ? »",
                "“What do you need to know?”",
            ),
            coach=T(
                "Pourquoi : deux minutes de questions pour comprendre, pas pour conseiller ; les consultants vérifient qu’ils ont ce qu’il faut avant que le client se retourne. À dire : « Une question pour comprendre, pas une suggestion. » À surveiller : les questions qui cachent déjà une idée. Piège : commencer la consultation pendant les questions.",
                "Why: two minutes of questions to understand, not to advise; the consultants check they have what they need before the client turns around. What to say: “A question to understand, not a suggestion.” Watch for: questions already hiding an idea. Pitfall: starting the consultation during the questions.",
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
                "Répondre ou se retourner (pour le client) ; s’adresser au client (pour les consultants).",
                "Replying or turning back (the client); addressing the client (the consultants).",
            ),
            script=T(
                "« Parlez de la situation entre vous, comme si le client n’était pas là. »",
                "“Talk about the situation between yourselves, as if the client were not there.”",
            ),
            coach=T(
                "Pourquoi : dos tourné, le client écoute sans pouvoir réagir, et les consultants parlent librement, comme s’il n’était pas là ; cette distance fait entendre des idées qu’un face-à-face aurait retenues. À dire : « Parlez entre vous, pas au client. Client, note ce qui te touche. » À surveiller : le client qui se retourne ou répond ; le secrétaire (ou le client lui-même) note les idées. Piège : des consultants qui s’adressent encore au client, ou qui jugent la personne plutôt que la situation.",
                "Why: with their back turned, the client listens without being able to react, and the consultants speak freely, as if the client were not there; this distance lets ideas be heard that a face-to-face exchange would have held back. What to say: “Talk between yourselves, not to the client. Client, note what strikes you.” Watch for: the client turning round or replying; the secretary (or the client) notes the ideas. Pitfall: consultants still addressing the client, or judging the person rather than the situation.",
            ),
            speaker="consultants",
            capture="interventions",
            minutes=5,
        ),
        Step(
            key="reflect",
            title=T("Le client dit ce qu’il retient", "The client reflects"),
            do=T(
                "Le client se retourne et dit ce qui lui a été le plus utile. Puis on change de client.",
                "The client turns back and says what was most valuable. Then the next member becomes the client.",
            ),
            dont=T(
                "Discuter les idées qu’on ne retient pas.",
                "Arguing with the ideas one leaves aside.",
            ),
            script=T(
                "« Qu’est-ce qui t’a été le plus utile ? »",
                "“What was most valuable to you?”",
            ),
            coach=T(
                "Pourquoi : le client se retourne et dit ce qui lui a été le plus utile, puis le rôle passe au suivant ; en trois tours, chacun a été aidé et a aidé. À dire : « Qu’est-ce qui t’a été le plus utile, et quel est ton premier pas ? » Puis l’animateur lance le tour suivant. À surveiller : un retour bref et sincère. Piège : discuter les idées qu’on ne retient pas, ou rogner le temps du dernier client.",
                "Why: the client turns back and says what was most useful, then the role passes to the next member; in three rounds, everyone has been helped and has helped. What to say: “What was most useful to you, and what is your first step?” Then the facilitator starts the next round. Watch for: a short, honest response. Pitfall: arguing with the ideas one leaves aside, or squeezing the last client's time.",
            ),
            speaker="carrier",
            capture="synthesis",
            minutes=2,
        ),
    ),
)
