"""Kollegiale Beratung after Kim-Oliver Tietze: six phases, a moderator and a case narrator."""

from app.protocol import SECRETARY, Protocol, Role, Step, T

PROTOCOL = Protocol(
    id="kollegiale-beratung",
    name=T("Kollegiale Beratung — Tietze (6 phases)", "Kollegiale Beratung — Tietze (6 phases)"),
    source=T(
        "Kim-Oliver Tietze, Kollegiale Beratung : Problemlösungen gemeinsam entwickeln (Rowohlt, 2003).",
        "Kim-Oliver Tietze, Kollegiale Beratung: Problemlösungen gemeinsam entwickeln (Rowohlt, 2003).",
    ),
    # Both change with each consultation, and neither is the narrator's (Tietze's casting).
    roles=(
        Role(key="moderator", name=T("Modérateur·rice", "Moderator"), leads=True, per_round=True, not_carrier=True),
        SECRETARY.model_copy(update={"per_round": True}),
    ),
    steps=(
        Step(
            key="casting",
            title=T("Casting : distribution des rôles", "Casting: assigning the roles"),
            do=T(
                "Les participants nomment leurs sujets ; le groupe désigne un modérateur et choisit le cas, donc le "
                "narrateur. Les autres sont consultants ; l’un d’eux, le secrétaire, note les idées pendant la consultation.",
                "Participants name their topics; the group appoints a moderator and chooses the case, and so the "
                "case narrator. The others are consultants; one of them, the secretary, writes down the ideas during the consultation.",
            ),
            dont=T(
                "Commencer à raconter le cas.",
                "Starting to tell the case.",
            ),
            script=T(
                "« Qui a une situation sur laquelle il aimerait un regard neuf ? Qui modère ? Qui est secrétaire ? »",
                "“Who has a situation they would like fresh eyes on? Who moderates? Who is the secretary?”",
            ),
            coach=T(
                "Pourquoi : chez Tietze, la consultation repose sur des rôles clairs : le narrateur du cas, le modérateur qui conduit les phases et veille au temps, les consultants, et un secrétaire qui note les idées pour le narrateur ; les distribuer d’abord évite de les confondre ensuite. À dire : « Qui a un cas ? Qui modère ? Qui est secrétaire ? » À surveiller : le modérateur n’est pas le narrateur ; un cas actuel, où le narrateur est lui-même impliqué et peut agir. Piège : commencer à raconter le cas pendant le casting.",
                "Why: for Tietze the consultation rests on clear roles: the case narrator, the moderator who leads the phases and keeps an eye on time, the consultants, and a secretary who writes the ideas down for the narrator; assigning them first keeps them from blurring later. What to say: “Who has a case? Who moderates? Who is the secretary?” Watch for: the moderator is not the narrator; a current case in which the narrator is involved and can act. Pitfall: starting to tell the case during the casting.",
            ),
            speaker="group",
            capture="vote",
            minutes=5,
        ),
        Step(
            key="account",
            title=T("Récit spontané", "Spontaneous account"),
            do=T(
                "Le narrateur raconte sa situation en s’en tenant à l’essentiel ; le modérateur l’aide par des questions. À la fin, les consultants "
                "peuvent poser des questions de compréhension.",
                "The case narrator tells the situation, keeping to the essentials; the moderator helps with questions. At the end, the consultants "
                "may ask questions of understanding.",
            ),
            dont=T(
                "Avancer déjà des hypothèses ou des idées de solution.",
                "Putting forward hypotheses or solution ideas already.",
            ),
            script=T(
                "« Raconte-nous ce qui se passe, avec ce qu’il nous faut pour comprendre. »",
                "“Tell us what is happening, with what we need to understand it.”",
            ),
            coach=T(
                "Pourquoi : le récit spontané donne aux consultants ce qu’il faut pour comprendre, sans viser l’exhaustivité ; le modérateur aide le narrateur par des questions, puis les consultants posent leurs questions de compréhension. À dire, pour le modérateur : « Que s’est-il passé ? Qui est concerné ? Qu’as-tu déjà essayé ? » À surveiller : des questions qui sont déjà des hypothèses ou des solutions. Piège : un récit trop long ; le modérateur tient les dix minutes.",
                "Why: the spontaneous account gives the consultants what they need to understand, without aiming to be complete; the moderator helps the narrator with questions, then the consultants ask their questions of understanding. What to say, for the moderator: “What happened? Who is involved? What have you tried already?” Watch for: questions that are already hypotheses or solutions. Pitfall: an account that runs long; the moderator holds the ten minutes.",
            ),
            speaker="carrier",
            capture="notes",
            minutes=10,
        ),
        Step(
            key="key-question",
            title=T("Question clé", "Key question"),
            do=T(
                "Avec l’aide du modérateur, le narrateur formule la question clé sur laquelle il veut être conseillé.",
                "With the moderator's help, the case narrator phrases the key question on which they want advice.",
            ),
            dont=T(
                "Imposer sa propre question (pour les consultants) : c’est celle du narrateur.",
                "Imposing one's own question (the consultants): it is the narrator's.",
            ),
            script=T(
                "« Quelle est ta question clé ? Plus elle est précise, plus les idées seront utiles. »",
                "“What is your key question? The sharper it is, the more useful the ideas will be.”",
            ),
            coach=T(
                "Pourquoi : la question clé est le contrat de la consultation : plus elle est précise, plus les idées seront utiles ; c’est la question du narrateur, dans ses mots. À dire : « Quelle est ta question ? Essaie de commencer par “Comment puis-je…”. » À surveiller : une question à laquelle le narrateur peut répondre par ses actes ; le secrétaire l’écrit en tête de ses notes. Piège : des consultants qui reformulent la question à leur goût.",
                "Why: the key question is the consultation's contract: the sharper it is, the more useful the ideas; it is the narrator's question, in their words. What to say: “What is your question? Try starting with ‘How can I…’.” Watch for: a question the narrator can answer through their own actions; the secretary writes it at the top of the notes. Pitfall: consultants rephrasing the question to their own liking.",
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
                "(brainstorming, tour de résonance, hypothèses…) ; le narrateur choisit.",
                "The moderator suggests one or two consultation methods suited to the key question "
                "(brainstorming, resonance round, hypotheses…); the case narrator chooses.",
            ),
            dont=T(
                "Commencer la consultation avant que le narrateur ait choisi la méthode.",
                "Starting the consultation before the narrator has chosen the method.",
            ),
            script=T(
                "« Qu’est-ce qui t’aiderait le plus : des idées en vrac, des hypothèses, des échos d’expérience ? »",
                "“What would help you most: a flow of ideas, hypotheses, echoes from experience?”",
            ),
            coach=T(
                "Pourquoi : Tietze propose une palette de méthodes de consultation (brainstorming, tour de résonance, hypothèses, conseils, bons principes…) ; choisir celle qui sert la question clé évite une consultation dans tous les sens. À dire, pour le modérateur : « Pour ta question, nous pourrions faire un brainstorming ou un tour d’hypothèses : lequel t’aiderait ? » À surveiller : le modérateur propose, le narrateur choisit. Piège : reprendre toujours la même méthode par habitude.",
                "Why: Tietze offers a range of consultation methods (brainstorming, resonance round, hypotheses, advice, good principles…); choosing the one that serves the key question avoids a consultation going in all directions. What to say, for the moderator: “For your question, we could brainstorm or do a round of hypotheses: which would help you?” Watch for: the moderator suggests, the narrator chooses. Pitfall: always taking the same method out of habit.",
            ),
            speaker="facilitator",
            capture="none",
            minutes=5,
        ),
        Step(
            key="consultation",
            title=T("Consultation", "Consultation"),
            do=T(
                "Les consultants répondent à la question clé selon la méthode choisie, une idée par prise de parole ; le narrateur écoute "
                "et laisse les idées agir, pendant que le secrétaire les note pour lui.",
                "The consultants answer the key question following the chosen method, one idea per contribution; the case narrator listens "
                "and lets the ideas sink in while the secretary writes them down.",
            ),
            dont=T(
                "Répondre (pour le narrateur) ; débattre entre consultants.",
                "Replying (the narrator); debating between consultants.",
            ),
            script=T(
                "« Une idée à la fois, en réponse à la question clé. Le narrateur écoute seulement. »",
                "“One idea at a time, in answer to the key question. The narrator only listens.”",
            ),
            coach=T(
                "Pourquoi : les consultants offrent des idées selon la méthode choisie, pendant que le narrateur se met en retrait : il écoute sans répondre, et le secrétaire note pour lui. À dire, pour le modérateur : « Une idée par prise de parole, en réponse à la question clé. » À surveiller : le narrateur qui commente ; des consultants qui débattent ou sortent de la méthode. Piège : un débat d’experts qui oublie le narrateur.",
                "Why: the consultants offer ideas following the chosen method while the narrator steps back: they listen without replying, and the secretary takes notes for them. What to say, for the moderator: “One idea per contribution, in answer to the key question.” Watch for: the narrator commenting; consultants debating or leaving the method. Pitfall: an experts' debate that forgets the narrator.",
            ),
            speaker="consultants",
            capture="interventions",
            minutes=10,
        ),
        Step(
            key="closing",
            title=T("Conclusion", "Closing"),
            do=T(
                "Le narrateur dit ce qu’il retient des idées et ce qu’il compte en faire.",
                "The case narrator says which ideas they keep and what they intend to do with them.",
            ),
            dont=T(
                "Se justifier, relancer le débat ou défendre ses idées.",
                "Justifying, reopening the debate or defending one's ideas.",
            ),
            script=T(
                "« Qu’est-ce qui t’est utile ? Quelle sera ta prochaine étape ? »",
                "“What is useful to you? What will your next step be?”",
            ),
            coach=T(
                "Pourquoi : le narrateur dit ce qu’il retient et ce qu’il compte faire ; il n’a pas à justifier ce qu’il laisse. Le secrétaire lui remet ses notes. À dire : « Qu’est-ce qui t’est utile ? Quelle est ta prochaine étape ? » À surveiller : des consultants qui défendent leurs idées. Piège : relancer la consultation ; le modérateur clôt la phase à l’heure.",
                "Why: the narrator says what they keep and what they intend to do; they need not justify what they leave aside. The secretary hands them the notes. What to say: “What is useful to you? What is your next step?” Watch for: consultants defending their ideas. Pitfall: restarting the consultation; the moderator closes the phase on time.",
            ),
            speaker="carrier",
            capture="synthesis",
            minutes=5,
        ),
    ),
)
