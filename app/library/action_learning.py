"""Action learning after Revans: one member's "airtime" in a set, seven steps."""

from app.protocol import Protocol, Step, T

PROTOCOL = Protocol(
    id="action-learning",
    name=T("Action learning — temps de parole (Revans)", "Action learning — airtime (Revans)"),
    source=T(
        "L’action learning de Reg Revans, sous la forme d’un « temps de parole » (airtime) par membre du set, telle que la décrivent ses praticiens.",
        "Reg Revans's action learning, in the form of one member's airtime in the set, as its practitioners describe it.",
    ),
    steps=(
        Step(
            key="report-back",
            title=T("Retour sur les actions", "Report-back on actions"),
            do=T(
                "Le présentateur (le porteur) dit ce qu’il a fait des actions décidées lors de la dernière rencontre "
                "et ce qu’il en a appris.",
                "The presenter (the carrier) says what became of the actions agreed at the last meeting "
                "and what they learned from them.",
            ),
            dont=T(
                "Juger ce qui a été fait ou non : on écoute et on apprend.",
                "Judging what was or was not done: listen and learn.",
            ),
            script=T(
                "« Où en es-tu des actions que tu t’étais fixées la dernière fois ? Qu’en as-tu appris ? »",
                "“Where are you with the actions you set yourself last time? What did you learn?”",
            ),
            coach=T(
                "Pourquoi : l’action learning apprend de l’action et de la réflexion sur l’action (Revans) : revenir sur ce qui a été fait, ou pas, depuis la dernière rencontre transforme l’expérience en apprentissage et rend l’engagement réel. À dire : « Qu’as-tu fait, que s’est-il passé, qu’en as-tu appris ? » À surveiller : un compte rendu sans jugement : une action non faite est une information, pas une faute. Piège : plonger dans le problème du jour avant d’avoir tiré la leçon de ce qui a été tenté.",
                "Why: action learning learns from action and from reflection on action (Revans): going back over what was done, or not, since the last meeting turns experience into learning and makes the commitment real. What to say: “What did you do, what happened, what did you learn?” Watch for: a report without judgement: an action not taken is information, not a failing. Pitfall: diving into today's issue before drawing the lesson from what was tried.",
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
                "« Deux minutes pour nous dire sur quoi tu veux avancer aujourd’hui. »",
                "“Two minutes to tell us what you want to move forward on today.”",
            ),
            coach=T(
                "Pourquoi : le présentateur apporte un problème, une question sans réponse toute faite, sur lequel il peut agir ; deux minutes suffisent pour donner au set la matière de ses questions. À dire : « Sur quoi veux-tu avancer aujourd’hui, et qu’est-ce qui est en jeu pour toi ? » À surveiller : un problème qui appartient vraiment au présentateur ; le gardien du temps tient les deux minutes. Piège : une énigme technique, qui attend la réponse d’un expert (Revans parle de « puzzle »), plutôt qu’un problème qui demande réflexion.",
                "Why: the presenter brings a problem, a question with no ready-made answer, on which they can act; two minutes are enough to give the set the material for its questions. What to say: “What do you want to move forward on today, and what is at stake for you?” Watch for: an issue that truly belongs to the presenter; the timekeeper holds the two minutes. Pitfall: a technical puzzle awaiting an expert's answer (Revans's “puzzle”), rather than a problem that calls for reflection.",
            ),
            speaker="carrier",
            capture="notes",
            minutes=2,
        ),
        Step(
            key="clarify",
            title=T("Questions de clarification", "Clarifying questions"),
            do=T(
                "Les membres du set posent des questions pour comprendre la situation ; le présentateur répond.",
                "Set members ask questions to understand the situation; the presenter answers.",
            ),
            dont=T(
                "Déguiser des conseils en questions (« As-tu pensé à… ? »).",
                "Disguising advice as questions (“Have you thought of…?”).",
            ),
            script=T(
                "« Qu’avez-vous besoin de savoir pour bien comprendre ? »",
                "“What do you need to know to understand well?”",
            ),
            coach=T(
                "Pourquoi : comprendre les faits avant de questionner plus loin ; des questions courtes et claires évitent de partir sur de fausses pistes. À dire : « Une question d’information, courte, une à la fois. » À surveiller : les conseils déguisés (« As-tu pensé à… ? »), les questions qui servent la curiosité de celui qui les pose. Piège : s’attarder dans les détails et manquer le temps des questions qui aident.",
                "Why: understanding the facts before questioning further; short, clear questions avoid setting off on the wrong track. What to say: “One information question, short, one at a time.” Watch for: disguised advice (“Have you thought of…?”), questions that serve the asker's curiosity. Pitfall: lingering over details and losing the time for the helping questions.",
            ),
            speaker="consultants",
            capture="questions",
            minutes=10,
        ),
        Step(
            key="helping-questions",
            title=T("Questions qui aident", "Helping questions"),
            do=T(
                "Les membres posent des questions ouvertes qui font réfléchir le présentateur : hypothèses, options, "
                "obstacles, ce qu’il pourrait faire ensuite. Une question à la fois ; le silence est permis.",
                "Members ask open questions that make the presenter think: assumptions, options, obstacles, "
                "what they could do next. One question at a time; silence is allowed.",
            ),
            dont=T(
                "Donner son avis ou une solution : les réponses appartiennent au présentateur.",
                "Giving opinions or solutions: the answers belong to the presenter.",
            ),
            script=T(
                "« Posez des questions dont vous ne connaissez pas la réponse. Laissez-lui le temps de réfléchir. »",
                "“Ask questions you don't know the answer to. Give them time to think.”",
            ),
            coach=T(
                "Pourquoi : Revans met le questionnement au-dessus du savoir tout fait : les questions ouvertes (« Qu’est-ce qui t’en empêche ? », « Que se passerait-il si… ? ») aident le présentateur à trouver ses propres réponses, celles qu’il mettra en œuvre. À dire : « Une question dont vous ne connaissez pas la réponse. » Puis laisser durer le silence. À surveiller : le rythme (une question, le temps d’y répondre) ; le présentateur qui répond vite pour faire plaisir. Piège : enchaîner les questions pour remplir le silence, ou glisser une solution dans la question.",
                "Why: Revans puts questioning above ready-made knowledge: open questions (“What stops you?”, “What would happen if…?”) help the presenter find their own answers, the ones they will act on. What to say: “A question you don't know the answer to.” Then let the silence last. Watch for: the pace (one question, time to answer it); a presenter answering quickly to please. Pitfall: firing questions to fill the silence, or slipping a solution into a question.",
            ),
            speaker="consultants",
            capture="questions",
            minutes=15,
        ),
        Step(
            key="summary",
            title=T("Résumé du présentateur", "The presenter's summary"),
            do=T(
                "Le présentateur résume où il en est : ce que les questions lui ont fait voir de nouveau.",
                "The presenter sums up where they are now: what the questions helped them see anew.",
            ),
            dont=T(
                "Commenter ou corriger le résumé du présentateur.",
                "Commenting on or correcting the presenter's summary.",
            ),
            script=T(
                "« Où en es-tu maintenant ? Qu’est-ce qui a bougé ? »",
                "“Where are you now? What has shifted?”",
            ),
            coach=T(
                "Pourquoi : en disant où il en est, le présentateur mesure ce qui a bougé, et le set vérifie qu’il a suivi sa pensée à lui. À dire : « Qu’est-ce qui est plus clair maintenant ? Qu’est-ce qui reste ouvert ? » À surveiller : le secrétaire note ce résumé pour le présentateur. Piège : le corriger ou le compléter : c’est son résumé.",
                "Why: by saying where they are, the presenter takes stock of what has shifted, and the set checks that it followed the presenter's own thinking. What to say: “What is clearer now? What is still open?” Watch for: the secretary notes this summary for the presenter. Pitfall: correcting or completing it: it is the presenter's summary.",
            ),
            speaker="carrier",
            capture="none",
            minutes=2,
        ),
        Step(
            key="resources",
            title=T("Ressources", "Resources"),
            do=T(
                "Les membres proposent des ressources concrètes : contacts, lectures, informations, expériences.",
                "Members offer concrete resources: contacts, reading, information, experience.",
            ),
            dont=T(
                "Prescrire au lieu d’offrir : le présentateur prend ou laisse.",
                "Prescribing instead of offering: the presenter takes or leaves.",
            ),
            script=T(
                "« Qu’avez-vous à offrir : un contact, un document, une expérience ? »",
                "“What can you offer: a contact, a document, an experience?”",
            ),
            coach=T(
                "Pourquoi : la réflexion faite, le set met à disposition ce qu’il a : contacts, lectures, informations, expériences ; c’est une offre, que le présentateur prend ou laisse. À dire : « Qu’avez-vous de concret à offrir ? » À surveiller : des offres brèves et précises, qu’on peut suivre. Piège : que la ressource devienne le conseil qui n’a pas été donné pendant les questions.",
                "Why: once the thinking is done, the set makes available what it has: contacts, reading, information, experience; it is an offer, which the presenter takes or leaves. What to say: “What concrete thing can you offer?” Watch for: short, precise offers that can be followed up. Pitfall: the resource becoming the advice that was held back during the questions.",
            ),
            speaker="consultants",
            capture="interventions",
            minutes=5,
        ),
        Step(
            key="action",
            title=T("Actions", "Actions"),
            do=T(
                "Le présentateur dit les actions qu’il s’engage à mener d’ici la prochaine rencontre.",
                "The presenter states the actions they commit to take before the next meeting.",
            ),
            dont=T(
                "Choisir les actions à la place du présentateur.",
                "Choosing the actions on the presenter's behalf.",
            ),
            script=T(
                "« Que vas-tu faire d’ici la prochaine fois ? Nous t’en redemanderons des nouvelles. »",
                "“What will you do before next time? We will ask you how it went.”",
            ),
            coach=T(
                "Pourquoi : pas d’action learning sans action : le présentateur s’engage devant le set sur ce qu’il fera d’ici la prochaine rencontre, et on lui en redemandera des nouvelles. À dire : « Quelle action, pour quand ? Comment sauras-tu qu’elle est faite ? » L’animateur vérifie qu’elle est notée. À surveiller : des actions au pouvoir du présentateur. Piège : des intentions vagues (« réfléchir à… »), ou des actions choisies par le set.",
                "Why: no action learning without action: the presenter commits before the set to what they will do before the next meeting, and will be asked how it went. What to say: “Which action, by when? How will you know it is done?” The facilitator checks it is written down. Watch for: actions within the presenter's power. Pitfall: vague intentions (“think about…”), or actions chosen by the set.",
            ),
            speaker="carrier",
            capture="synthesis",
            minutes=2,
        ),
    ),
)
