"""Intervision by the incident method: seven steps, the case-bringer stepping out for the analysis."""

from app.protocol import Protocol, Step, T

PROTOCOL = Protocol(
    id="intervision-incident",
    name=T("Intervision — méthode de l'incident", "Intervision — incident method"),
    source=T(
        "La méthode de l'incident des groupes d'intervision néerlandophones (Jeroen Hendriksen, Intervisie bij werkproblemen), en version courte de sept étapes.",
        "The incident method of Dutch intervision groups (Jeroen Hendriksen, Intervisie bij werkproblemen), in a short seven-step version.",
    ),
    steps=(
        Step(
            key="review",
            title=T("Retour sur les conseils précédents", "Review of the last advice"),
            do=T(
                "Ceux qui ont apporté un cas la dernière fois disent brièvement ce qu'ils ont fait des conseils reçus et ce que cela a donné.",
                "Those who brought a case last time say briefly what they did with the advice and how it turned out.",
            ),
            dont=T(
                "Rouvrir le cas précédent : un bref compte rendu suffit.",
                "Reopening the previous case: a short report is enough.",
            ),
            script=T(
                "« Qu'avez-vous fait des conseils reçus la dernière fois, et qu'est-ce que cela a donné ? »",
                "“What did you do with the advice you received last time, and how did it turn out?”",
            ),
            speaker="group",
            capture="followup",
            minutes=5,
            once_per_session=True,
        ),
        Step(
            key="cases",
            title=T("Inventaire des cas", "Inventory of cases"),
            do=T(
                "Chacun décrit en quelques phrases factuelles un incident concret de sa pratique sur lequel il aimerait des conseils.",
                "Each member describes in a few factual sentences a concrete incident from their work on which they would like advice.",
            ),
            dont=T(
                "Raconter le cas en détail, ou poser des questions et discuter à ce stade.",
                "Telling the case in detail, or asking questions and discussing at this stage.",
            ),
            script=T(
                "« Quel incident récent vous occupe ? L'essentiel en quelques phrases. »",
                "“Which recent incident is on your mind? The essentials in a few sentences.”",
            ),
            speaker="each_member",
            capture="pitches",
            minutes=10,
            once_per_session=True,
        ),
        Step(
            key="choice",
            title=T("Choix du cas", "Choice of a case"),
            do=T(
                "Le groupe choisit ensemble le cas à traiter : urgence, intérêt pour le groupe, possibilité d'agir.",
                "The group chooses together the case to work on: urgency, interest for the group, room for action.",
            ),
            dont=T(
                "Commencer à traiter le cas : on choisit seulement.",
                "Starting to work on the case: only choose.",
            ),
            script=T(
                "« Quel cas travaillons-nous maintenant ? La personne qui l'apporte est-elle d'accord ? »",
                "“Which case do we work on now? Does the person bringing it agree?”",
            ),
            speaker="group",
            capture="vote",
            minutes=5,
            once_per_session=True,
        ),
        Step(
            key="questions",
            title=T("Questions d'information", "Information questions"),
            do=T(
                "Le groupe pose des questions factuelles puis d'approfondissement ; celui qui apporte le cas répond.",
                "The group asks factual, then deepening questions; the case-bringer answers.",
            ),
            dont=T(
                "Donner un conseil, un jugement, une interprétation ou une suggestion dans cette étape.",
                "Giving advice, judgements, interpretations or suggestions in this step.",
            ),
            script=T(
                "« Des questions pour comprendre ce qui s'est passé : qui, quoi, quand, comment. »",
                "“Questions to understand what happened: who, what, when, how.”",
            ),
            speaker="consultants",
            capture="questions",
            minutes=15,
        ),
        Step(
            key="analysis",
            title=T("Analyse, hors de la présence du porteur", "Analysis, with the case-bringer out"),
            do=T(
                "Celui qui apporte le cas sort de la pièce ou se met à l'écart. Les autres échangent sur la façon dont ils "
                "voient la situation, ses causes possibles et son rôle, et préparent un conseil. On parle de lui avec respect, comme s'il était là.",
                "The case-bringer leaves the room or sits apart. The others discuss how they see the situation, "
                "its possible causes and the case-bringer's part in it, and prepare their advice. They speak of them respectfully, as if they were present.",
            ),
            dont=T(
                "Parler de la personne sans égards, ou rappeler le porteur pour lui poser des questions.",
                "Speaking of the person disrespectfully, or calling the case-bringer back with questions.",
            ),
            script=T(
                "« Comment voyez-vous la situation ? Qu'est-ce qui pourrait l'expliquer ? Quel conseil lui donneriez-vous ? »",
                "“How do you see the situation? What could explain it? What advice would you give?”",
            ),
            speaker="consultants",
            capture="none",
            minutes=10,
        ),
        Step(
            key="advice",
            title=T("Conseils, le porteur écoute", "Advice, the case-bringer listens"),
            do=T(
                "Le porteur revient. Chacun lui dit ce qu'il ferait à sa place ; il écoute et prend des notes.",
                "The case-bringer comes back. Each member says what they would do in their place; the case-bringer listens and takes notes.",
            ),
            dont=T(
                "Réagir ou se justifier (pour le porteur) : il le fera à l'étape suivante.",
                "Reacting or justifying (the case-bringer): that comes in the next step.",
            ),
            script=T(
                "« Commencez par “À ta place, je…”. Tu réagiras à l'étape suivante. »",
                "“Start with ‘In your place, I would…’. You will react in the next step.”",
            ),
            speaker="consultants",
            capture="interventions",
            minutes=10,
        ),
        Step(
            key="evaluation",
            title=T("Évaluation et suite", "Evaluation and next steps"),
            do=T(
                "Le porteur dit quels conseils lui sont utiles et comment il va s'en servir ; "
                "le groupe dit un mot de la façon dont s'est déroulée la séance.",
                "The case-bringer says which advice is useful and how they will put it to work; "
                "the group says a word about how the session went.",
            ),
            dont=T(
                "Relancer la discussion sur les conseils écartés.",
                "Restarting the discussion about advice that was set aside.",
            ),
            script=T(
                "« Qu'est-ce qui t'est utile, et que vas-tu en faire ? Tu nous le raconteras la prochaine fois. »",
                "“What is useful to you, and what will you do with it? You can tell us about it next time.”",
            ),
            speaker="carrier",
            capture="synthesis",
            minutes=10,
        ),
    ),
)
