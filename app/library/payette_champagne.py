"""Codéveloppement professionnel, after Payette & Champagne: six steps around one client."""

from app.protocol import Protocol, Step, T

PROTOCOL = Protocol(
    id="codev-payette-champagne",
    name=T("Codéveloppement — Payette et Champagne (6 étapes)", "Co-development — Payette & Champagne (6 steps)"),
    source=T(
        "Adrien Payette et Claude Champagne, Le groupe de codéveloppement professionnel (Presses de l'Université du Québec, 1997).",
        "Adrien Payette and Claude Champagne, Le groupe de codéveloppement professionnel (Presses de l'Université du Québec, 1997).",
    ),
    steps=(
        Step(
            key="expose",
            title=T("Exposé du client", "The client's presentation"),
            do=T(
                "Le client (le porteur) présente son problème, sa préoccupation ou son projet : contexte, enjeux, "
                "personnes concernées, ce qu'il a déjà tenté. Les consultants écoutent et notent leurs questions pour l'étape suivante.",
                "The client (the carrier) presents their problem, concern or project: context, stakes, "
                "people involved, what they have already tried. Consultants listen and note their questions for the next step.",
            ),
            dont=T(
                "Interrompre le client, même pour une question.",
                "Interrupting the client, even with a question.",
            ),
            script=T(
                "« Présente-nous ta situation telle que tu la vis. Nous t'écoutons sans t'interrompre. »",
                "“Present your situation as you experience it. We will listen without interrupting.”",
            ),
            speaker="carrier",
            capture="notes",
            minutes=10,
        ),
        Step(
            key="clarification",
            title=T("Questions de clarification", "Clarifying questions"),
            do=T(
                "Les consultants posent des questions d'information pour bien comprendre la situation ; le client répond.",
                "Consultants ask information questions to understand the situation well; the client answers.",
            ),
            dont=T(
                "Donner des conseils, des interprétations ou des jugements, même sous forme de question.",
                "Giving advice, interpretations or judgements, even phrased as questions.",
            ),
            script=T(
                "« Quelles informations vous manquent pour comprendre ? Des questions courtes, une à la fois. »",
                "“What information do you need in order to understand? Short questions, one at a time.”",
            ),
            speaker="consultants",
            capture="questions",
            minutes=15,
        ),
        Step(
            key="contract",
            title=T("Contrat de consultation", "Consultation contract"),
            do=T(
                "Le client précise ce sur quoi il veut travailler et ce qu'il attend des consultants : "
                "avis, idées, témoignages, hypothèses, ressources. Les consultants peuvent l'aider à préciser sa demande.",
                "The client states what they want to work on and what they expect from the consultants: "
                "opinions, ideas, testimonies, hypotheses, resources. Consultants may help them sharpen the request.",
            ),
            dont=T(
                "Redéfinir le problème à la place du client.",
                "Redefining the problem on the client's behalf.",
            ),
            script=T(
                "« Sur quoi veux-tu que nous travaillions, et qu'attends-tu de nous exactement ? »",
                "“What do you want us to work on, and what exactly do you expect from us?”",
            ),
            speaker="carrier",
            capture="notes",
            minutes=5,
        ),
        Step(
            key="consultation",
            title=T("Consultation", "Consultation"),
            do=T(
                "Les consultants partagent réactions, commentaires, suggestions et expériences, "
                "dans le cadre du contrat ; le client écoute et note ce qui lui est utile.",
                "Consultants share reactions, comments, suggestions and experiences within the contract; "
                "the client listens and notes what is useful.",
            ),
            dont=T(
                "Se justifier ou débattre (pour le client) ; imposer sa solution (pour les consultants).",
                "Justifying or debating (the client); imposing one's own solution (the consultants).",
            ),
            script=T(
                "« Restons dans la demande du client. Chacun parle en son nom : “À ta place…”, “Dans mon expérience…”. »",
                "“Let's stay with the client's request. Speak for yourself: ‘In your place…’, ‘In my experience…’.”",
            ),
            speaker="consultants",
            capture="interventions",
            minutes=25,
        ),
        Step(
            key="action-plan",
            title=T("Synthèse et plan d'action", "Synthesis and action plan"),
            do=T(
                "Le client dit ce qu'il retient de la consultation et formule son plan d'action : quoi, avec qui, pour quand.",
                "The client says what they keep from the consultation and sets out an action plan: what, with whom, by when.",
            ),
            dont=T(
                "Rouvrir la consultation, ou juger ce que le client retient : il en reste seul juge.",
                "Reopening the consultation, or judging what the client keeps: the client alone decides.",
            ),
            script=T(
                "« Qu'est-ce que tu retiens ? Quelles actions vas-tu mener, et quand nous en reparleras-tu ? »",
                "“What do you keep? Which actions will you take, and when will you tell us how it went?”",
            ),
            speaker="carrier",
            capture="synthesis",
            minutes=15,
        ),
        Step(
            key="learnings",
            title=T("Apprentissages et régulation", "Learnings and review"),
            do=T(
                "Chacun, client compris, dit ce qu'il a appris pour sa propre pratique ; "
                "le groupe dit aussi un mot de son fonctionnement pendant la séance.",
                "Everyone, the client included, says what they learned for their own practice; "
                "the group also reviews briefly how it worked during the round.",
            ),
            dont=T(
                "Revenir sur le problème du client au lieu de parler de ses propres apprentissages.",
                "Going back to the client's problem instead of talking about one's own learning.",
            ),
            script=T(
                "« Qu'est-ce que cette consultation t'apprend pour ta pratique ? Et comment avons-nous travaillé ensemble ? »",
                "“What does this consultation teach you for your practice? And how did we work together?”",
            ),
            speaker="each_member",
            capture="learnings",
            minutes=15,
        ),
    ),
)
