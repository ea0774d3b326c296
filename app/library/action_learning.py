"""Action learning after Revans: one member's "airtime" in a set, seven steps."""

from app.protocol import Protocol, Step, T

PROTOCOL = Protocol(
    id="action-learning",
    name=T("Action learning — temps de parole (Revans)", "Action learning — airtime (Revans)"),
    source=T(
        "L'action learning de Reg Revans, sous la forme d'un « temps de parole » (airtime) par membre du set, telle que la décrivent ses praticiens.",
        "Reg Revans's action learning, in the form of one member's airtime in the set, as its practitioners describe it.",
    ),
    steps=(
        Step(
            key="report-back",
            title=T("Retour sur les actions", "Report-back on actions"),
            do=T(
                "Le présentateur (le porteur) dit ce qu'il a fait des actions décidées lors de la dernière rencontre "
                "et ce qu'il en a appris.",
                "The presenter (the carrier) says what became of the actions agreed at the last meeting "
                "and what they learned from them.",
            ),
            dont=T(
                "Juger ce qui a été fait ou non : on écoute et on apprend.",
                "Judging what was or was not done: listen and learn.",
            ),
            script=T(
                "« Où en es-tu des actions que tu t'étais fixées la dernière fois ? Qu'en as-tu appris ? »",
                "“Where are you with the actions you set yourself last time? What did you learn?”",
            ),
            speaker="carrier",
            capture="followup",
            minutes=5,
        ),
        Step(
            key="present",
            title=T("Présentation de la question", "Presenting the issue"),
            do=T(
                "Le présentateur expose brièvement le problème de travail sur lequel il veut avancer, sans être interrompu.",
                "The presenter briefly sets out the work issue they want to move forward on, without interruption.",
            ),
            dont=T(
                "Interrompre le présentateur, ou commencer à proposer des solutions.",
                "Interrupting the presenter, or starting to offer solutions.",
            ),
            script=T(
                "« Deux minutes pour nous dire sur quoi tu veux avancer aujourd'hui. »",
                "“Two minutes to tell us what you want to move forward on today.”",
            ),
            speaker="carrier",
            capture="notes",
            minutes=2,
        ),
        Step(
            key="clarify",
            title=T("Questions de clarification", "Clarifying questions"),
            do=T(
                "Les membres du set posent des questions pour comprendre la situation ; le présentateur répond.",
                "Set members ask questions to understand the situation; the presenter answers.",
            ),
            dont=T(
                "Déguiser des conseils en questions (« As-tu pensé à… ? »).",
                "Disguising advice as questions (“Have you thought of…?”).",
            ),
            script=T(
                "« Qu'avez-vous besoin de savoir pour bien comprendre ? »",
                "“What do you need to know to understand well?”",
            ),
            speaker="consultants",
            capture="questions",
            minutes=10,
        ),
        Step(
            key="helping-questions",
            title=T("Questions qui aident", "Helping questions"),
            do=T(
                "Les membres posent des questions ouvertes qui font réfléchir le présentateur : hypothèses, options, "
                "obstacles, ce qu'il pourrait faire ensuite. Une question à la fois ; le silence est permis.",
                "Members ask open questions that make the presenter think: assumptions, options, obstacles, "
                "what they could do next. One question at a time; silence is allowed.",
            ),
            dont=T(
                "Donner son avis ou une solution : les réponses appartiennent au présentateur.",
                "Giving opinions or solutions: the answers belong to the presenter.",
            ),
            script=T(
                "« Posez des questions dont vous ne connaissez pas la réponse. Laissez-lui le temps de réfléchir. »",
                "“Ask questions you don't know the answer to. Give them time to think.”",
            ),
            speaker="consultants",
            capture="questions",
            minutes=15,
        ),
        Step(
            key="summary",
            title=T("Résumé du présentateur", "The presenter's summary"),
            do=T(
                "Le présentateur résume où il en est : ce que les questions lui ont fait voir de nouveau.",
                "The presenter sums up where they are now: what the questions helped them see anew.",
            ),
            dont=T(
                "Commenter ou corriger le résumé du présentateur.",
                "Commenting on or correcting the presenter's summary.",
            ),
            script=T(
                "« Où en es-tu maintenant ? Qu'est-ce qui a bougé ? »",
                "“Where are you now? What has shifted?”",
            ),
            speaker="carrier",
            capture="none",
            minutes=2,
        ),
        Step(
            key="resources",
            title=T("Ressources", "Resources"),
            do=T(
                "Les membres proposent des ressources concrètes : contacts, lectures, informations, expériences.",
                "Members offer concrete resources: contacts, reading, information, experience.",
            ),
            dont=T(
                "Prescrire au lieu d'offrir : le présentateur prend ou laisse.",
                "Prescribing instead of offering: the presenter takes or leaves.",
            ),
            script=T(
                "« Qu'avez-vous à offrir : un contact, un document, une expérience ? »",
                "“What can you offer: a contact, a document, an experience?”",
            ),
            speaker="consultants",
            capture="interventions",
            minutes=5,
        ),
        Step(
            key="action",
            title=T("Actions", "Actions"),
            do=T(
                "Le présentateur dit les actions qu'il s'engage à mener d'ici la prochaine rencontre.",
                "The presenter states the actions they commit to take before the next meeting.",
            ),
            dont=T(
                "Choisir les actions à la place du présentateur.",
                "Choosing the actions on the presenter's behalf.",
            ),
            script=T(
                "« Que vas-tu faire d'ici la prochaine fois ? Nous t'en redemanderons des nouvelles. »",
                "“What will you do before next time? We will ask you how it went.”",
            ),
            speaker="carrier",
            capture="synthesis",
            minutes=2,
        ),
    ),
)
