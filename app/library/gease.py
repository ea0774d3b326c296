"""GEASE: "groupe d'entraînement à l'analyse de situations éducatives", seven phases."""

from app.protocol import Protocol, Step, T

PROTOCOL = Protocol(
    id="gease",
    name=T("GEASE — analyse de pratiques (7 phases)", "GEASE — practice analysis (7 phases)"),
    source=T(
        "GEASE (groupe d’entraînement à l’analyse de situations éducatives), conçu à l’université Paul-Valéry de Montpellier au début des années 1990 (Y. Fumat, J.-B. Paturet).",
        "GEASE (training group for the analysis of educational situations), devised at Paul-Valéry University, Montpellier, in the early 1990s (Y. Fumat, J.-B. Paturet).",
    ),
    steps=(
        Step(
            key="initialisation",
            title=T("Initialisation et choix d’une situation", "Opening and choice of a situation"),
            do=T(
                "L’animateur rappelle le cadre et les règles. Ceux qui le souhaitent évoquent en quelques mots "
                "une situation vécue ; le groupe en choisit une, avec l’accord de son narrateur. Personne n’est obligé d’en proposer.",
                "The facilitator recalls the frame and the rules. Those who wish mention a situation they lived "
                "in a few words; the group chooses one, with its narrator's agreement. Nobody has to offer one.",
            ),
            dont=T(
                "Commencer à raconter ou à analyser (on choisit seulement), ou presser quelqu’un de proposer une situation.",
                "Starting to tell or analyse the story (only choose), or pressing anyone to offer a situation.",
            ),
            script=T(
                "« Confidentialité, bienveillance, registre professionnel. Qui a une situation vécue qu’il aimerait soumettre au groupe ? »",
                "“Confidentiality, goodwill, professional register. Who has a situation they lived that they would like to bring to the group?”",
            ),
            coach=T(
                "Pourquoi : le cadre (confidentialité, bienveillance, registre professionnel, pas de jugement) rend possible de s’exposer ; choisir une situation que le groupe a envie de travailler engage tout le monde. À dire : « Une situation vécue, où vous étiez impliqué, et qui vous questionne encore. Personne n’est obligé d’en proposer. » À surveiller : qu’aucun membre ne se sente tenu de se livrer ; que le narrateur choisi donne vraiment son accord. Piège : commencer à raconter ou à commenter pendant le tour des propositions.",
                "Why: the frame (confidentiality, goodwill, professional register, no judgement) makes it possible to expose oneself; choosing a situation the group wants to work on commits everyone. What to say: “A situation you lived, in which you were involved, and that still puzzles you. Nobody has to offer one.” Watch for: no member feeling bound to open up; the chosen narrator truly agreeing. Pitfall: starting to tell or comment during the round of offers.",
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
                "Le narrateur raconte la situation, à sa manière, jusqu’à ce qu’il signale avoir terminé. "
                "Beaucoup de praticiens ne minutent pas ce récit : l’étape peut être laissée sans minuteur à la préparation de la séance.",
                "The narrator tells the situation in their own way until they signal they have finished. "
                "Many practitioners never time this account: the step may be left untimed when setting up the session.",
            ),
            dont=T(
                "Interrompre le narrateur, que ce soit pour une question ou pour un commentaire.",
                "Interrupting the narrator, whether with a question or a comment.",
            ),
            script=T(
                "« Prends le temps qu’il te faut ; dis-nous quand tu as terminé. »",
                "“Take the time you need; tell us when you have finished.”",
            ),
            coach=T(
                "Pourquoi : le narrateur raconte à sa manière, avec ses mots et ses émotions ; ce récit est la matière de tout le travail, et le groupe apprend à écouter sans s’en emparer. À dire : « Prends ton temps ; nous t’écoutons sans t’interrompre. » À surveiller : le silence du groupe, les signes d’impatience ; le secrétaire note le récit pour le narrateur. Piège : couper le récit pour une question, ou par gêne devant une émotion ; si le temps presse, le gardien du temps le dit à l’animateur, pas au narrateur.",
                "Why: the narrator tells the story in their own way, with their words and feelings; this account is the material of the whole work, and the group learns to listen without taking it over. What to say: “Take your time; we listen without interrupting.” Watch for: the group's silence, signs of impatience; the secretary notes the account for the narrator. Pitfall: cutting the account short for a question, or out of unease at an emotion; if time is short, the timekeeper tells the facilitator, not the narrator.",
            ),
            speaker="carrier",
            capture="notes",
            minutes=10,
        ),
        Step(
            key="questions",
            title=T("Questions d’information", "Information questions"),
            do=T(
                "Les participants posent des questions pour préciser les faits : acteurs, lieux, moments, "
                "ce qui a été dit et fait. Le narrateur répond s’il le souhaite.",
                "Participants ask questions to clarify the facts: people, places, moments, what was said and done. "
                "The narrator answers if they wish.",
            ),
            dont=T(
                "Glisser une interprétation, un jugement ou un conseil dans les questions.",
                "Slipping an interpretation, a judgement or advice into the questions.",
            ),
            script=T(
                "« De quoi avez-vous besoin pour vous représenter la situation ? Restons dans les faits. »",
                "“What do you need to picture the situation? Let's stay with the facts.”",
            ),
            coach=T(
                "Pourquoi : les questions d’information (qui, quoi, où, quand, comment) complètent le récit pour que chacun se représente la situation ; elles fondent les hypothèses sur des faits. À dire, si une question sous-entend une interprétation : « Qu’as-tu besoin de savoir, concrètement ? » À surveiller : le narrateur reste libre de ne pas répondre ; les « pourquoi » qui le mettent en défense. Piège : l’interrogatoire, ou des hypothèses déguisées en questions.",
                "Why: information questions (who, what, where, when, how) complete the account so that everyone can picture the situation; they ground the hypotheses in facts. What to say, if a question implies an interpretation: “What do you need to know, concretely?” Watch for: the narrator remains free not to answer; “why” questions that put them on the defensive. Pitfall: an interrogation, or hypotheses disguised as questions.",
            ),
            speaker="consultants",
            capture="questions",
            minutes=20,
        ),
        Step(
            key="hypotheses",
            title=T("Hypothèses de compréhension", "Hypotheses for understanding"),
            do=T(
                "Les participants proposent des hypothèses pour comprendre ce qui s’est joué, sous plusieurs angles "
                "(pédagogique, institutionnel, relationnel…). Le narrateur écoute en silence et prend des notes.",
                "Participants put forward hypotheses to understand what was at play, from several angles "
                "(teaching, institutional, relational…). The narrator listens in silence and takes notes.",
            ),
            dont=T(
                "Répondre ou se justifier (pour le narrateur) ; juger ou proposer des solutions toutes faites (pour le groupe).",
                "Replying or justifying (the narrator); judging or offering ready-made solutions (the group).",
            ),
            script=T(
                "« Formulez vos idées comme des hypothèses : “Je fais l’hypothèse que…”. Le narrateur reste silencieux. »",
                "“Phrase your ideas as hypotheses: ‘My hypothesis is that…’. The narrator stays silent.”",
            ),
            coach=T(
                "Pourquoi : c’est le cœur du GEASE : multiplier les lectures possibles de la situation (pédagogique, institutionnelle, relationnelle, psychologique…) pour sortir d’une explication unique ; le narrateur, silencieux, les reçoit sans avoir à se défendre. À dire : « Au conditionnel : “Je fais l’hypothèse que…”. Aucune n’est la bonne ; elles s’ajoutent. » À surveiller : le narrateur qui veut répondre (il aura la parole ensuite) ; les hypothèses qui jugent la personne. Piège : glisser vers les conseils et les solutions, ou vers une interprétation intime du narrateur.",
                "Why: this is the heart of GEASE: multiplying the possible readings of the situation (teaching, institutional, relational, psychological…) to move beyond a single explanation; the narrator, silent, receives them without having to defend themselves. What to say: “Tentatively: ‘My hypothesis is that…’. None is the right one; they add up.” Watch for: the narrator wanting to reply (they will speak next); hypotheses that judge the person. Pitfall: drifting towards advice and solutions, or towards an intimate interpretation of the narrator.",
            ),
            speaker="consultants",
            capture="interventions",
            minutes=20,
        ),
        Step(
            key="narrator-response",
            title=T("Réponse du narrateur", "The narrator's response"),
            do=T(
                "Le narrateur reprend la parole : ce qui l’a touché, ce qui éclaire la situation, ce qu’il retient. Il n’a pas à répondre à chaque hypothèse.",
                "The narrator speaks again: what struck them, what sheds light on the situation, what they keep. They need not answer each hypothesis.",
            ),
            dont=T(
                "Défendre ses hypothèses, ou presser le narrateur de répondre à chacune.",
                "Defending one's hypotheses, or pressing the narrator to answer each one.",
            ),
            script=T(
                "« Qu’est-ce qui résonne pour toi dans ce que tu as entendu ? »",
                "“What resonates for you in what you heard?”",
            ),
            coach=T(
                "Pourquoi : le narrateur reprend la parole après un long silence : il dit ce qui l’a touché, surpris, éclairé ; c’est là que la situation commence à se déplacer pour lui. À dire : « Tu n’as pas à répondre à chaque hypothèse : dis ce qui résonne. » À surveiller : un narrateur ému ou fatigué ; des participants qui relancent pour défendre leur hypothèse. Piège : faire de cette réponse un nouveau tour de discussion.",
                "Why: the narrator speaks again after a long silence: they say what touched, surprised or enlightened them; this is where the situation begins to shift for them. What to say: “You don't have to answer each hypothesis: say what resonates.” Watch for: a narrator who is moved or tired; participants pressing to defend their hypothesis. Pitfall: turning this response into a new round of discussion.",
            ),
            speaker="carrier",
            capture="synthesis",
            minutes=10,
        ),
        Step(
            key="analysis",
            title=T("Analyse et apports", "Analysis and input"),
            do=T(
                "Le groupe prend du recul sur la situation : l’animateur et les participants relient ce qui a émergé "
                "à des notions, des lectures ou des repères professionnels.",
                "The group steps back from the situation: the facilitator and participants link what emerged "
                "to concepts, readings or professional reference points.",
            ),
            dont=T(
                "Faire un cours magistral, ou revenir sur la personne du narrateur.",
                "Lecturing, or coming back to the narrator as a person.",
            ),
            script=T(
                "« Qu’est-ce que cette situation nous dit de notre métier ? Quels repères peuvent l’éclairer ? »",
                "“What does this situation tell us about our work? Which reference points can shed light on it?”",
            ),
            coach=T(
                "Pourquoi : le groupe prend de la distance avec le cas singulier : l’animateur et les participants relient ce qui a émergé à des notions, des auteurs, des repères du métier, pour que chacun en tire quelque chose pour sa propre pratique. À dire : « Qu’est-ce que cette situation nous apprend de notre métier ? » À surveiller : des apports brefs et reliés à ce qui s’est dit ; le narrateur n’est plus au centre. Piège : le cours magistral de l’animateur, ou un retour déguisé sur la personne du narrateur.",
                "Why: the group steps back from the single case: the facilitator and the participants link what emerged to concepts, authors and reference points of the profession, so that everyone draws something from it for their own practice. What to say: “What does this situation teach us about our work?” Watch for: brief contributions linked to what was said; the narrator is no longer at the centre. Pitfall: a lecture by the facilitator, or a disguised return to the narrator as a person.",
            ),
            speaker="group",
            capture="none",
            minutes=15,
        ),
        Step(
            key="review",
            title=T("Bilan de la séance", "Review of the session"),
            do=T(
                "Chacun dit comment il a vécu la séance et le fonctionnement du groupe, et ce qu’il emporte.",
                "Everyone says how they experienced the session and the way the group worked, and what they take away.",
            ),
            dont=T(
                "Rouvrir l’analyse de la situation.",
                "Reopening the analysis of the situation.",
            ),
            script=T(
                "« Comment as-tu vécu ce travail ? Qu’est-ce qui a aidé, qu’est-ce qui a gêné ? »",
                "“How did you experience this work? What helped, what got in the way?”",
            ),
            coach=T(
                "Pourquoi : le bilan porte sur le vécu de la séance et le fonctionnement du groupe (le respect du cadre, la place de chacun) ; c’est ainsi que le groupe apprend à analyser ensemble. À dire : « Comment as-tu vécu la séance ? Qu’est-ce qui a aidé, qu’est-ce qui a gêné ? » À surveiller : le narrateur, exposé toute la séance, a une place à part : on prend soin de lui ; le gardien du temps réserve ces minutes. Piège : rouvrir l’analyse de la situation, ou sauter le bilan quand la séance a débordé.",
                "Why: the review is about how the session was lived and how the group worked (keeping the frame, everyone's place); this is how the group learns to analyse together. What to say: “How did you experience the session? What helped, what got in the way?” Watch for: the narrator, exposed all session long, has a place of their own: take care of them; the timekeeper keeps these minutes free. Pitfall: reopening the analysis of the situation, or skipping the review when the session ran over.",
            ),
            speaker="each_member",
            capture="evaluation",
            minutes=10,
        ),
    ),
)
