"""Codéveloppement professionnel, after Payette & Champagne: six steps around one client."""

from app.protocol import Protocol, Step, T

PROTOCOL = Protocol(
    id="codev-payette-champagne",
    name=T("Codéveloppement — Payette et Champagne (6 étapes)", "Co-development — Payette & Champagne (6 steps)"),
    source=T(
        "Adrien Payette et Claude Champagne, Le groupe de codéveloppement professionnel (Presses de l’Université du Québec, 1997).",
        "Adrien Payette and Claude Champagne, Le groupe de codéveloppement professionnel (Presses de l'Université du Québec, 1997).",
    ),
    steps=(
        Step(
            key="expose",
            title=T("Exposé du client", "The client's presentation"),
            do=T(
                "Le client (le porteur) présente son problème, sa préoccupation ou son projet : contexte, enjeux, "
                "personnes concernées, ce qu’il a déjà tenté. Les consultants écoutent et notent leurs questions pour l’étape suivante.",
                "The client (the carrier) presents their problem, concern or project: context, stakes, "
                "people involved, what they have already tried. Consultants listen and note their questions for the next step.",
            ),
            dont=T(
                "Interrompre le client, même pour une question.",
                "Interrupting the client, even with a question.",
            ),
            script=T(
                "« Présente-nous ta situation telle que tu la vis. Nous t’écoutons sans t’interrompre. »",
                "“Present your situation as you experience it. We will listen without interrupting.”",
            ),
            coach=T(
                "Pourquoi : le client pose son problème tel qu’il le vit ; en l’écoutant sans l’interrompre, les consultants commencent à comprendre, et le client, en le disant, l’entend déjà autrement. À dire : « Prends le temps de dire ce qui te préoccupe ; nous gardons nos questions pour après. » À surveiller : un exposé qui reste général ou s’attarde sur l’historique ; des consultants qui notent déjà des solutions au lieu de leurs questions ; le secrétaire prend les notes du client. Piège : laisser l’exposé manger le temps de la clarification ; s’il s’étire, le gardien du temps le signale et le client dit en une phrase ce qu’il attend.",
                "Why: the client lays out the problem as they live it; by listening without interrupting, the consultants begin to understand, and the client, by saying it, already hears it differently. What to say: “Take the time to say what concerns you; we keep our questions for afterwards.” Watch for: an account that stays general or dwells on the history; consultants already noting solutions instead of their questions; the secretary takes the client's notes. Pitfall: letting the account eat the clarification's time; if it drags on, the timekeeper says so and the client states in one sentence what they expect.",
            ),
            speaker="carrier",
            capture="notes",
            minutes=10,
        ),
        Step(
            key="clarification",
            title=T("Questions de clarification", "Clarifying questions"),
            do=T(
                "Les consultants posent des questions d’information pour bien comprendre la situation ; le client répond.",
                "Consultants ask information questions to understand the situation well; the client answers.",
            ),
            dont=T(
                "Donner des conseils, des interprétations ou des jugements, même sous forme de question.",
                "Giving advice, interpretations or judgements, even phrased as questions.",
            ),
            script=T(
                "« Quelles informations vous manquent pour comprendre ? Des questions courtes, une à la fois. »",
                "“What information do you need in order to understand? Short questions, one at a time.”",
            ),
            coach=T(
                "Pourquoi : les questions d’information donnent au groupe une image juste de la situation avant tout avis, et aident souvent le client à voir ce qu’il n’avait pas dit. À dire, si une question cache une suggestion : « Peux-tu la reformuler pour demander une information ? » À surveiller : les questions fermées en rafale, la curiosité sans lien avec le problème, un client qui se justifie. Piège : passer au conseil parce qu’on croit avoir compris ; mieux vaut une question de plus qu’un avis trop tôt.",
                "Why: information questions give the group an accurate picture of the situation before any opinion, and often help the client see what they had left unsaid. What to say, if a question hides a suggestion: “Can you rephrase it to ask for information?” Watch for: volleys of closed questions, curiosity unrelated to the problem, a client justifying themselves. Pitfall: moving to advice because one thinks one has understood; better one more question than an opinion too soon.",
            ),
            speaker="consultants",
            capture="questions",
            minutes=15,
        ),
        Step(
            key="contract",
            title=T("Contrat de consultation", "Consultation contract"),
            do=T(
                "Le client précise ce sur quoi il veut travailler et ce qu’il attend des consultants : "
                "avis, idées, témoignages, hypothèses, ressources. Les consultants peuvent l’aider à préciser sa demande.",
                "The client states what they want to work on and what they expect from the consultants: "
                "opinions, ideas, testimonies, hypotheses, resources. Consultants may help them sharpen the request.",
            ),
            dont=T(
                "Redéfinir le problème à la place du client.",
                "Redefining the problem on the client's behalf.",
            ),
            script=T(
                "« Sur quoi veux-tu que nous travaillions, et qu’attends-tu de nous exactement ? »",
                "“What do you want us to work on, and what exactly do you expect from us?”",
            ),
            coach=T(
                "Pourquoi : chez Payette et Champagne, le contrat est le pivot de la consultation : le client dit sur quoi il veut travailler et sous quelle forme il veut être aidé, et la consultation s’y tiendra. À dire : « Ta demande, en une phrase : tu veux des idées, des témoignages, des hypothèses, des ressources ? » À surveiller : une demande précise, à la portée du client ; le problème a souvent changé depuis l’exposé, c’est normal. Piège : un contrat flou (« tout ce qui peut m’aider »), ou écrit par les consultants à la place du client.",
                "Why: for Payette and Champagne the contract is the pivot of the consultation: the client says what they want to work on and in what form they want help, and the consultation will keep to it. What to say: “Your request, in one sentence: do you want ideas, testimonies, hypotheses, resources?” Watch for: a precise request, within the client's reach; the problem has often shifted since the presentation, which is normal. Pitfall: a vague contract (“anything that might help”), or one written by the consultants on the client's behalf.",
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
                "dans le cadre du contrat ; le client écoute et note ce qui lui est utile.",
                "Consultants share reactions, comments, suggestions and experiences within the contract; "
                "the client listens and notes what is useful.",
            ),
            dont=T(
                "Se justifier ou débattre (pour le client) ; imposer sa solution (pour les consultants).",
                "Justifying or debating (the client); imposing one's own solution (the consultants).",
            ),
            script=T(
                "« Restons dans la demande du client. Chacun parle en son nom : “À ta place…”, “Dans mon expérience…”. »",
                "“Let's stay with the client's request. Speak for yourself: ‘In your place…’, ‘In my experience…’.”",
            ),
            coach=T(
                "Pourquoi : les consultants offrent au client ce qu’il a demandé : réactions, idées, expériences ; c’est en écoutant sans répondre qu’il peut toutes les accueillir. À dire : « Restons dans le contrat. » Si le client commence à expliquer pourquoi une idée ne marchera pas : « Note-la ; tu feras le tri à l’étape suivante. » À surveiller : l’équilibre des prises de parole ; chacun parle en son nom ; les idées restent dans la demande. Piège : le débat entre consultants, ou la surenchère autour de la solution « évidente ».",
                "Why: the consultants offer the client what they asked for: reactions, ideas, experiences; by listening without replying, the client can take them all in. What to say: “Let's stay within the contract.” If the client starts explaining why an idea will not work: “Note it down; you will sort them in the next step.” Watch for: a balance of who speaks; each speaking for themselves; ideas that stay within the request. Pitfall: consultants debating each other, or outbidding one another on the “obvious” solution.",
            ),
            speaker="consultants",
            capture="interventions",
            minutes=25,
        ),
        Step(
            key="action-plan",
            title=T("Synthèse et plan d’action", "Synthesis and action plan"),
            do=T(
                "Le client dit ce qu’il retient de la consultation et formule son plan d’action : quoi, avec qui, pour quand.",
                "The client says what they keep from the consultation and sets out an action plan: what, with whom, by when.",
            ),
            dont=T(
                "Rouvrir la consultation, ou juger ce que le client retient : il en reste seul juge.",
                "Reopening the consultation, or judging what the client keeps: the client alone decides.",
            ),
            script=T(
                "« Qu’est-ce que tu retiens ? Quelles actions vas-tu mener, et quand nous en reparleras-tu ? »",
                "“What do you keep? Which actions will you take, and when will you tell us how it went?”",
            ),
            coach=T(
                "Pourquoi : le client transforme ce qu’il a entendu en décisions qui lui appartiennent ; c’est ce plan que le groupe suivra à la prochaine séance. À dire : « Qu’est-ce que tu retiens, et quelle est ta première action : quoi, avec qui, pour quand ? » À surveiller : des actions concrètes, datées, à la portée du client ; son droit de ne pas tout retenir. Piège : un plan dicté par les consultants, ou remplacé faute de temps par un remerciement général.",
                "Why: the client turns what they heard into decisions of their own; this is the plan the group will follow up at the next session. What to say: “What do you keep, and what is your first action: what, with whom, by when?” Watch for: concrete, dated actions within the client's reach; their right not to keep everything. Pitfall: a plan dictated by the consultants, or replaced for lack of time by a general thank-you.",
            ),
            speaker="carrier",
            capture="synthesis",
            minutes=15,
        ),
        Step(
            key="learnings",
            title=T("Apprentissages et régulation", "Learnings and review"),
            do=T(
                "Chacun, client compris, dit ce qu’il a appris pour sa propre pratique ; "
                "le groupe dit aussi un mot de son fonctionnement pendant la séance.",
                "Everyone, the client included, says what they learned for their own practice; "
                "the group also reviews briefly how it worked during the round.",
            ),
            dont=T(
                "Revenir sur le problème du client au lieu de parler de ses propres apprentissages.",
                "Going back to the client's problem instead of talking about one's own learning.",
            ),
            script=T(
                "« Qu’est-ce que cette consultation t’apprend pour ta pratique ? Et comment avons-nous travaillé ensemble ? »",
                "“What does this consultation teach you for your practice? And how did we work together?”",
            ),
            coach=T(
                "Pourquoi : le codéveloppement est un lieu d’apprentissage pour tous, pas seulement pour le client ; ce tour, et le mot sur le fonctionnement du groupe, font progresser chacun et le groupe. À dire : « Parle de toi : qu’est-ce que tu emportes pour ta pratique ? Et que changeons-nous la prochaine fois ? » À surveiller : des apprentissages à la première personne, pas un dernier conseil au client ; l’animateur note ce que le groupe veut changer. Piège : écourter ce temps quand la séance a débordé ; c’est lui qui fait durer le groupe.",
                "Why: co-development is a place of learning for everyone, not only for the client; this round, and the word on how the group worked, make each member and the group progress. What to say: “Speak about yourself: what do you take away for your practice? And what do we change next time?” Watch for: learnings in the first person, not one last piece of advice to the client; the facilitator notes what the group wants to change. Pitfall: cutting this time short when the session ran over; it is what keeps the group going.",
            ),
            speaker="each_member",
            capture="learnings",
            minutes=15,
        ),
    ),
)
