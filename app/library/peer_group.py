"""The brief's nine-step peer-group protocol ("groupes de pairs", co-development)."""

from app.protocol import Protocol, Step, T

PROTOCOL = Protocol(
    id="peer-group-9",
    name=T("Groupe de pairs — codéveloppement (9 étapes)", "Peer group — co-development (9 steps)"),
    source=T(
        "Le protocole du programme « groupes de pairs » : neuf temps forts, d’après le codéveloppement professionnel.",
        "The peer-group programme's protocol: nine key moments, after professional co-development.",
    ),
    steps=(
        Step(
            key="pitches",
            title=T("Exposé des problématiques", "Members pitch their problems"),
            do=T(
                "Chacun présente en quelques phrases une situation professionnelle qu’il souhaite explorer.",
                "Each member presents, in a few sentences, a work situation they want to explore.",
            ),
            dont=T(
                "Poser des questions ou commenter pendant les présentations.",
                "Asking questions or commenting during the pitches.",
            ),
            script=T(
                "« Qui souhaite apporter une situation aujourd’hui ? Deux minutes chacun, sans être interrompu. »",
                "“Who would like to bring a situation today? Two minutes each, without interruption.”",
            ),
            coach=T(
                "Pourquoi : chacun dit en une phrase ce qui l’occupe, pour que le groupe choisisse en connaissance de cause. À dire : « Une ou deux phrases : la situation, et ce qui te pose problème. On ne commente pas. » À surveiller : les pitchs qui deviennent des exposés ; celui qui se censure. Piège : commencer à discuter d’un problème avant le choix.",
                "Why: each says in a sentence what is on their mind, so the group chooses knowingly. What to say: “One or two sentences: the situation, and what troubles you in it. No comments.” Watch for: pitches turning into accounts; someone holding back. Pitfall: discussing a problem before the choice.",
            ),
            speaker="each_member",
            capture="pitches",
            minutes=2,
            per_person=True,
            once_per_session=True,
        ),
        Step(
            key="choice",
            title=T("Choix consensuel d’une problématique", "Consensual choice of a problem"),
            do=T(
                "Le groupe choisit ensemble la situation à travailler : urgence, intérêt pour tous, maturité.",
                "The group chooses together the situation to work on: urgency, interest for all, readiness.",
            ),
            dont=T(
                "Commencer à traiter le fond (on choisit seulement), ou retenir une situation sans l’accord de son porteur.",
                "Starting on the substance (only choose), or picking a situation without its carrier's agreement.",
            ),
            script=T(
                "« Chacun peut voter pour une ou deux situations. Le porteur choisi est-il d’accord ? »",
                "“Everyone may vote for one or two situations. Does the chosen carrier agree?”",
            ),
            coach=T(
                "Pourquoi : un choix consensuel engage tout le groupe dans le problème retenu. À dire : « Laquelle nous semble la plus utile à travailler aujourd’hui ? Et toi qui l’as apportée, es-tu d’accord pour la travailler ? » À surveiller : l’urgence et la capacité du porteur à agir sur la situation ; l’animateur vérifie que le porteur choisi est d’accord. Piège : choisir le problème le plus spectaculaire plutôt que le plus utile.",
                "Why: a consensual choice commits the whole group to the problem chosen. What to say: “Which one seems most useful to work on today? And you who brought it, do you agree to work on it?” Watch for: urgency, and whether the carrier can act on the situation; the facilitator checks that the chosen carrier agrees. Pitfall: choosing the most striking problem rather than the most useful one.",
            ),
            speaker="group",
            capture="vote",
            minutes=5,
            once_per_session=True,
        ),
        Step(
            key="expose",
            title=T("Exposé par le porteur", "The carrier's exposé"),
            do=T(
                "Le porteur décrit la situation : contexte, enjeux, acteurs, ce qu’il a déjà essayé. Les consultants écoutent et prennent des notes.",
                "The carrier describes the situation: context, stakes, people involved, what was tried. Consultants listen and take notes.",
            ),
            dont=T(
                "Interrompre l’exposé, même pour une question : les questions viennent à l’étape suivante.",
                "Interrupting the exposé, even with a question: questions come in the next step.",
            ),
            script=T(
                "« Raconte-nous la situation comme tu la vis, avec ce qui est important pour toi. »",
                "“Tell us the situation as you live it, with what matters to you.”",
            ),
            coach=T(
                "Pourquoi : le porteur pose la situation comme il la vit ; le groupe apprend à écouter sans intervenir. À dire : « Nous t’écoutons ; gardez vos questions pour l’étape suivante. » À surveiller : les consultants qui coupent ou prennent des notes de solutions ; le secrétaire note l’exposé pour le porteur. Piège : un exposé trop long qui épuise le temps de l’exploration ; le gardien du temps le signale.",
                "Why: the carrier lays out the situation as they live it; the group learns to listen without stepping in. What to say: “We are listening; keep your questions for the next step.” Watch for: consultants interrupting or noting solutions; the secretary notes the account for the carrier. Pitfall: an account so long it eats the exploration's time; the timekeeper says so.",
            ),
            speaker="carrier",
            capture="notes",
            minutes=10,
        ),
        Step(
            key="exploration",
            title=T("Exploration par le groupe", "Exploration by the group"),
            do=T(
                "Les consultants posent des questions ouvertes pour comprendre ; le porteur répond.",
                "Consultants ask open questions to understand; the carrier answers.",
            ),
            dont=T(
                "Donner des conseils pendant l’exploration, ou glisser une solution dans une question (« As-tu pensé à… ? »).",
                "Giving advice during the exploration, or slipping a solution into a question (“Have you thought of…?”).",
            ),
            script=T(
                "« Qu’as-tu besoin de savoir pour comprendre la situation ? Une question à la fois. »",
                "“What do you need to know to understand the situation? One question at a time.”",
            ),
            coach=T(
                "Pourquoi : les questions ouvertes élargissent la compréhension, pour le groupe et pour le porteur. À dire, si un conseil arrive : « Peux-tu en faire une question ouverte ? » À surveiller : les conseils déguisés en questions (« As-tu pensé à… ? ») ; les questions de curiosité sans lien avec la demande. Piège : l’interrogatoire ; laisser une seule personne questionner.",
                "Why: open questions widen the understanding, the group's and the carrier's. What to say, if advice creeps in: “Can you turn that into an open question?” Watch for: advice disguised as questions (“Have you thought of…?”); curiosity unrelated to the problem. Pitfall: an interrogation; one person asking every question.",
            ),
            speaker="consultants",
            capture="questions",
            minutes=15,
        ),
        Step(
            key="reformulations",
            title=T("Reformulations", "Reformulations"),
            do=T(
                "Chaque consultant propose en une phrase sa reformulation du problème du porteur.",
                "Each consultant offers, in one sentence, their reformulation of the carrier's problem.",
            ),
            dont=T(
                "Débattre des reformulations des autres ; pour le porteur, les commenter avant de les avoir toutes entendues.",
                "Debating the others' reformulations; for the carrier, commenting on them before hearing them all.",
            ),
            script=T(
                "« Si j’ai bien compris, ton problème est de… »",
                "“If I understood well, your problem is to…”",
            ),
            coach=T(
                "Pourquoi : reformuler montre au porteur comment son problème est entendu et en ouvre d’autres lectures. À dire : « Une phrase chacun ; le porteur écoute toutes les reformulations avant de réagir. » À surveiller : des reformulations en une phrase, centrées sur le porteur. Piège : reformuler sa propre solution.",
                "Why: reformulating shows the carrier how the problem is heard and opens other readings of it. What to say: “One sentence each; the carrier hears every reformulation before reacting.” Watch for: one-sentence reformulations, centred on the carrier. Pitfall: reformulating one's own solution.",
            ),
            speaker="each_consultant",
            capture="reformulations",
            minutes=1,
            per_person=True,
        ),
        Step(
            key="contract",
            title=T("Choix d’une reformulation et demande", "Choice of a reformulation and request"),
            do=T(
                "Le porteur choisit la reformulation qui lui parle le plus et formule sa demande au groupe.",
                "The carrier picks the reformulation that speaks to them most and states a request to the group.",
            ),
            dont=T(
                "Argumenter pour une reformulation ou une demande à la place du porteur : c’est lui qui décide.",
                "Arguing for a reformulation or a request on the carrier's behalf: the carrier decides.",
            ),
            script=T(
                "« Qu’attends-tu du groupe : des avis, des conseils, des témoignages, des hypothèses, des ressources ? »",
                "“What do you expect from the group: opinions, advice, testimonies, hypotheses, resources?”",
            ),
            coach=T(
                "Pourquoi : le contrat dit ce que le porteur attend ; il cadre les interventions. À dire : « Laquelle te parle le plus ? Et qu’attends-tu de nous, exactement ? » À surveiller : une demande précise et réaliste. Piège : un groupe qui décide à la place du porteur.",
                "Why: the contract says what the carrier expects; it frames the contributions. What to say: “Which one speaks to you most? And what exactly do you expect from us?” Watch for: a precise, realistic request. Pitfall: the group deciding for the carrier.",
            ),
            speaker="carrier",
            capture="contract",
            minutes=5,
        ),
        Step(
            key="interventions",
            title=T("Écoute des interventions", "Listening to the contributions"),
            do=T(
                "Les consultants répondent à la demande du porteur, chacun à son tour ; le porteur écoute en silence et note ce qui le touche.",
                "Consultants answer the carrier's request, each in turn; the carrier listens silently and notes what strikes them.",
            ),
            dont=T(
                "Répondre aux interventions ou se justifier (pour le porteur) ; sortir de la demande du porteur (pour les consultants).",
                "Replying to the contributions or justifying oneself (the carrier); straying from the carrier's request (the consultants).",
            ),
            script=T(
                "« Restons dans la demande du porteur. Commencez par “À ta place…” ou “J’ai vécu…”. »",
                "“Stay with the carrier's request. Start with ‘In your place…’ or ‘I once…’.”",
            ),
            coach=T(
                "Pourquoi : le porteur reçoit ce qu’il a demandé, sous la forme demandée. À dire, au porteur qui veut répondre : « Note-le ; tu y reviendras dans ta synthèse. » À surveiller : le porteur qui se justifie ; les consultants qui débattent entre eux. Piège : sortir de la demande.",
                "Why: the carrier receives what they asked for, in the form they asked for. What to say, to a carrier who wants to reply: “Note it down; you will come back to it in your synthesis.” Watch for: the carrier justifying themselves; consultants debating among themselves. Pitfall: straying from the request.",
            ),
            speaker="consultants",
            capture="interventions",
            minutes=20,
        ),
        Step(
            key="carrier-synthesis",
            title=T("Synthèse du porteur", "The carrier's synthesis"),
            do=T(
                "Le porteur dit ce qu’il retient et bâtit son plan d’action : quoi, avec qui, pour quand.",
                "The carrier says what they keep and builds an action plan: what, with whom, by when.",
            ),
            dont=T(
                "Relancer le débat, ou dire au porteur ce qu’il devrait retenir : il reste libre de ses choix.",
                "Reopening the debate, or telling the carrier what to keep: the choices are theirs.",
            ),
            script=T(
                "« Qu’est-ce que tu retiens ? Quelle est ta première action, et pour quand ? »",
                "“What do you keep? What is your first action, and by when?”",
            ),
            coach=T(
                "Pourquoi : le porteur transforme ce qu’il a reçu en actions : quoi, avec qui, pour quand. À dire : « Qu’est-ce que tu gardes ? Quelle est ta première action, avec qui, pour quand ? » À surveiller : des actions concrètes et datées. Piège : un plan dicté par le groupe.",
                "Why: the carrier turns what they received into actions: what, with whom, by when. What to say: “What do you keep? What is your first action, with whom, by when?” Watch for: concrete, dated actions. Pitfall: a plan dictated by the group.",
            ),
            speaker="carrier",
            capture="synthesis",
            minutes=10,
        ),
        Step(
            key="learnings",
            title=T("Synthèse de chaque membre", "Each member's synthesis"),
            do=T(
                "Chacun dit ce qu’il retient pour sa propre pratique, en parlant de soi.",
                "Each member says what they take away for their own practice, speaking about themselves.",
            ),
            dont=T(
                "Revenir sur le problème du porteur ou lui donner un dernier conseil.",
                "Going back to the carrier's problem or giving them one last piece of advice.",
            ),
            script=T(
                "« Qu’est-ce que cette séance t’apprend pour ta propre pratique ? »",
                "“What does this round teach you for your own practice?”",
            ),
            coach=T(
                "Pourquoi : chacun dit ce qu’il apprend pour sa propre pratique ; c’est ce qui fait progresser tout le groupe. À dire : « Parle de toi et de ta pratique, pas du problème du porteur. » À surveiller : des apprentissages personnels, pas des conseils de plus au porteur. Piège : sauter ce tour faute de temps.",
                "Why: each says what they learn for their own practice; that is what makes the whole group progress. What to say: “Speak about yourself and your practice, not about the carrier's problem.” Watch for: personal learnings, not more advice to the carrier. Pitfall: skipping this round for lack of time.",
            ),
            speaker="each_member",
            capture="learnings",
            minutes=1.5,
            per_person=True,
        ),
    ),
)
