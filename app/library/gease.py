"""GEASE: "groupe d'entraînement à l'analyse de situations éducatives", seven phases."""

from app.protocol import Protocol, Step, T

PROTOCOL = Protocol(
    id="gease",
    name=T("GEASE — analyse de pratiques (7 phases)", "GEASE — practice analysis (7 phases)"),
    source=T(
        "GEASE (groupe d'entraînement à l'analyse de situations éducatives), conçu à l'université Paul-Valéry de Montpellier au début des années 1990 (Y. Fumat, J.-B. Paturet).",
        "GEASE (training group for the analysis of educational situations), devised at Paul-Valéry University, Montpellier, in the early 1990s (Y. Fumat, J.-B. Paturet).",
    ),
    steps=(
        Step(
            key="initialisation",
            title=T("Initialisation et choix d'une situation", "Opening and choice of a situation"),
            do=T(
                "L'animateur rappelle le cadre et les règles. Ceux qui le souhaitent évoquent en quelques mots "
                "une situation vécue ; le groupe en choisit une, avec l'accord de son narrateur. Personne n'est obligé d'en proposer.",
                "The facilitator recalls the frame and the rules. Those who wish mention a situation they lived "
                "in a few words; the group chooses one, with its narrator's agreement. Nobody has to offer one.",
            ),
            dont=T(
                "Commencer à raconter ou à analyser (on choisit seulement), ou presser quelqu'un de proposer une situation.",
                "Starting to tell or analyse the story (only choose), or pressing anyone to offer a situation.",
            ),
            script=T(
                "« Confidentialité, bienveillance, registre professionnel. Qui a une situation vécue qu'il aimerait soumettre au groupe ? »",
                "“Confidentiality, goodwill, professional register. Who has a situation they lived that they would like to bring to the group?”",
            ),
            speaker="group",
            capture="vote",
            minutes=10,
            once_per_session=True,
        ),
        Step(
            key="narration",
            title=T("Narration", "Narration"),
            do=T(
                "Le narrateur raconte la situation, à sa manière, jusqu'à ce qu'il signale avoir terminé. "
                "Beaucoup de praticiens ne minutent pas ce récit : l'étape peut être laissée sans minuteur à la préparation de la séance.",
                "The narrator tells the situation in their own way until they signal they have finished. "
                "Many practitioners never time this account: the step may be left untimed when setting up the session.",
            ),
            dont=T(
                "Interrompre le narrateur, que ce soit pour une question ou pour un commentaire.",
                "Interrupting the narrator, whether with a question or a comment.",
            ),
            script=T(
                "« Prends le temps qu'il te faut ; dis-nous quand tu as terminé. »",
                "“Take the time you need; tell us when you have finished.”",
            ),
            speaker="carrier",
            capture="notes",
            minutes=10,
        ),
        Step(
            key="questions",
            title=T("Questions d'information", "Information questions"),
            do=T(
                "Les participants posent des questions pour préciser les faits : acteurs, lieux, moments, "
                "ce qui a été dit et fait. Le narrateur répond s'il le souhaite.",
                "Participants ask questions to clarify the facts: people, places, moments, what was said and done. "
                "The narrator answers if they wish.",
            ),
            dont=T(
                "Glisser une interprétation, un jugement ou un conseil dans les questions.",
                "Slipping an interpretation, a judgement or advice into the questions.",
            ),
            script=T(
                "« De quoi avez-vous besoin pour vous représenter la situation ? Restons dans les faits. »",
                "“What do you need to picture the situation? Let's stay with the facts.”",
            ),
            speaker="consultants",
            capture="questions",
            minutes=20,
        ),
        Step(
            key="hypotheses",
            title=T("Hypothèses de compréhension", "Hypotheses for understanding"),
            do=T(
                "Les participants proposent des hypothèses pour comprendre ce qui s'est joué, sous plusieurs angles "
                "(pédagogique, institutionnel, relationnel…). Le narrateur écoute en silence et prend des notes.",
                "Participants put forward hypotheses to understand what was at play, from several angles "
                "(teaching, institutional, relational…). The narrator listens in silence and takes notes.",
            ),
            dont=T(
                "Répondre ou se justifier (pour le narrateur) ; juger ou proposer des solutions toutes faites (pour le groupe).",
                "Replying or justifying (the narrator); judging or offering ready-made solutions (the group).",
            ),
            script=T(
                "« Formulez vos idées comme des hypothèses : “Je fais l'hypothèse que…”. Le narrateur reste silencieux. »",
                "“Phrase your ideas as hypotheses: ‘My hypothesis is that…’. The narrator stays silent.”",
            ),
            speaker="consultants",
            capture="interventions",
            minutes=20,
        ),
        Step(
            key="narrator-response",
            title=T("Réponse du narrateur", "The narrator's response"),
            do=T(
                "Le narrateur reprend la parole : ce qui l'a touché, ce qui éclaire la situation, ce qu'il retient. Il n'a pas à répondre à chaque hypothèse.",
                "The narrator speaks again: what struck them, what sheds light on the situation, what they keep. They need not answer each hypothesis.",
            ),
            dont=T(
                "Défendre ses hypothèses, ou presser le narrateur de répondre à chacune.",
                "Defending one's hypotheses, or pressing the narrator to answer each one.",
            ),
            script=T(
                "« Qu'est-ce qui résonne pour toi dans ce que tu as entendu ? »",
                "“What resonates for you in what you heard?”",
            ),
            speaker="carrier",
            capture="synthesis",
            minutes=10,
        ),
        Step(
            key="analysis",
            title=T("Analyse et apports", "Analysis and input"),
            do=T(
                "Le groupe prend du recul sur la situation : l'animateur et les participants relient ce qui a émergé "
                "à des notions, des lectures ou des repères professionnels.",
                "The group steps back from the situation: the facilitator and participants link what emerged "
                "to concepts, readings or professional reference points.",
            ),
            dont=T(
                "Faire un cours magistral, ou revenir sur la personne du narrateur.",
                "Lecturing, or coming back to the narrator as a person.",
            ),
            script=T(
                "« Qu'est-ce que cette situation nous dit de notre métier ? Quels repères peuvent l'éclairer ? »",
                "“What does this situation tell us about our work? Which reference points can shed light on it?”",
            ),
            speaker="group",
            capture="none",
            minutes=15,
        ),
        Step(
            key="review",
            title=T("Bilan de la séance", "Review of the session"),
            do=T(
                "Chacun dit comment il a vécu la séance et le fonctionnement du groupe, et ce qu'il emporte.",
                "Everyone says how they experienced the session and the way the group worked, and what they take away.",
            ),
            dont=T(
                "Rouvrir l'analyse de la situation.",
                "Reopening the analysis of the situation.",
            ),
            script=T(
                "« Comment as-tu vécu ce travail ? Qu'est-ce qui a aidé, qu'est-ce qui a gêné ? »",
                "“How did you experience this work? What helped, what got in the way?”",
            ),
            speaker="each_member",
            capture="evaluation",
            minutes=10,
        ),
    ),
)
