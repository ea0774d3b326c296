"""Kollegiale Beratung after Kim-Oliver Tietze: six phases, a moderator and a case narrator."""

from app.protocol import Protocol, Step, T

PROTOCOL = Protocol(
    id="kollegiale-beratung",
    name=T("Kollegiale Beratung — Tietze (6 phases)", "Kollegiale Beratung — Tietze (6 phases)"),
    source=T(
        "Kim-Oliver Tietze, Kollegiale Beratung : Problemlösungen gemeinsam entwickeln (Rowohlt, 2003).",
        "Kim-Oliver Tietze, Kollegiale Beratung: Problemlösungen gemeinsam entwickeln (Rowohlt, 2003).",
    ),
    steps=(
        Step(
            key="casting",
            title=T("Casting : distribution des rôles", "Casting: assigning the roles"),
            do=T(
                "Les participants nomment leurs sujets ; le groupe désigne un modérateur et choisit le cas, donc le "
                "narrateur. Les autres sont consultants ; l'un d'eux note les idées pendant la consultation.",
                "Participants name their topics; the group appoints a moderator and chooses the case, and so the "
                "case narrator. The others are consultants; one of them writes down the ideas during the consultation.",
            ),
            dont=T(
                "Commencer à raconter le cas.",
                "Starting to tell the case.",
            ),
            script=T(
                "« Qui a une situation sur laquelle il aimerait un regard neuf ? Qui modère ? Qui prend les notes ? »",
                "“Who has a situation they would like fresh eyes on? Who moderates? Who takes notes?”",
            ),
            speaker="group",
            capture="vote",
            minutes=5,
        ),
        Step(
            key="account",
            title=T("Récit spontané", "Spontaneous account"),
            do=T(
                "Le narrateur raconte sa situation en s'en tenant à l'essentiel ; le modérateur l'aide par des questions. À la fin, les consultants "
                "peuvent poser des questions de compréhension.",
                "The case narrator tells the situation, keeping to the essentials; the moderator helps with questions. At the end, the consultants "
                "may ask questions of understanding.",
            ),
            dont=T(
                "Avancer déjà des hypothèses ou des idées de solution.",
                "Putting forward hypotheses or solution ideas already.",
            ),
            script=T(
                "« Raconte-nous ce qui se passe, avec ce qu'il nous faut pour comprendre. »",
                "“Tell us what is happening, with what we need to understand it.”",
            ),
            speaker="carrier",
            capture="notes",
            minutes=10,
        ),
        Step(
            key="key-question",
            title=T("Question clé", "Key question"),
            do=T(
                "Avec l'aide du modérateur, le narrateur formule la question clé sur laquelle il veut être conseillé.",
                "With the moderator's help, the case narrator phrases the key question on which they want advice.",
            ),
            dont=T(
                "Imposer sa propre question (pour les consultants) : c'est celle du narrateur.",
                "Imposing one's own question (the consultants): it is the narrator's.",
            ),
            script=T(
                "« Quelle est ta question clé ? Plus elle est précise, plus les idées seront utiles. »",
                "“What is your key question? The sharper it is, the more useful the ideas will be.”",
            ),
            speaker="carrier",
            capture="notes",
            minutes=5,
        ),
        Step(
            key="method",
            title=T("Choix de la méthode", "Choice of method"),
            do=T(
                "Le modérateur propose une ou deux méthodes de consultation adaptées à la question clé "
                "(brainstorming, tour de résonance, hypothèses…) ; le narrateur choisit.",
                "The moderator suggests one or two consultation methods suited to the key question "
                "(brainstorming, resonance round, hypotheses…); the case narrator chooses.",
            ),
            dont=T(
                "Commencer la consultation avant que le narrateur ait choisi la méthode.",
                "Starting the consultation before the narrator has chosen the method.",
            ),
            script=T(
                "« Qu'est-ce qui t'aiderait le plus : des idées en vrac, des hypothèses, des échos d'expérience ? »",
                "“What would help you most: a flow of ideas, hypotheses, echoes from experience?”",
            ),
            speaker="facilitator",
            capture="none",
            minutes=5,
        ),
        Step(
            key="consultation",
            title=T("Consultation", "Consultation"),
            do=T(
                "Les consultants répondent à la question clé selon la méthode choisie, une idée par prise de parole ; le narrateur écoute "
                "et laisse les idées agir, pendant qu'un consultant les note pour lui.",
                "The consultants answer the key question following the chosen method, one idea per contribution; the case narrator listens "
                "and lets the ideas sink in while a consultant writes them down.",
            ),
            dont=T(
                "Répondre (pour le narrateur) ; débattre entre consultants.",
                "Replying (the narrator); debating between consultants.",
            ),
            script=T(
                "« Une idée à la fois, en réponse à la question clé. Le narrateur écoute seulement. »",
                "“One idea at a time, in answer to the key question. The narrator only listens.”",
            ),
            speaker="consultants",
            capture="interventions",
            minutes=10,
        ),
        Step(
            key="closing",
            title=T("Conclusion", "Closing"),
            do=T(
                "Le narrateur dit ce qu'il retient des idées et ce qu'il compte en faire.",
                "The case narrator says which ideas they keep and what they intend to do with them.",
            ),
            dont=T(
                "Se justifier, relancer le débat ou défendre ses idées.",
                "Justifying, reopening the debate or defending one's ideas.",
            ),
            script=T(
                "« Qu'est-ce qui t'est utile ? Quelle sera ta prochaine étape ? »",
                "“What is useful to you? What will your next step be?”",
            ),
            speaker="carrier",
            capture="synthesis",
            minutes=5,
        ),
    ),
)
