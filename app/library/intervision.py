"""Intervision by the incident method: seven steps, the case-bringer stepping out for the analysis."""

from app.protocol import Protocol, Step, T

PROTOCOL = Protocol(
    id="intervision-incident",
    name=T("Intervision — méthode de l’incident", "Intervision — incident method"),
    source=T(
        "La méthode de l’incident des groupes d’intervision néerlandophones (Jeroen Hendriksen, Intervisie bij werkproblemen), en version courte de sept étapes.",
        "The incident method of Dutch intervision groups (Jeroen Hendriksen, Intervisie bij werkproblemen), in a short seven-step version.",
    ),
    steps=(
        Step(
            key="review",
            title=T("Retour sur les conseils précédents", "Review of the last advice"),
            do=T(
                "Ceux qui ont apporté un cas la dernière fois disent brièvement ce qu’ils ont fait des conseils reçus et ce que cela a donné.",
                "Those who brought a case last time say briefly what they did with the advice and how it turned out.",
            ),
            dont=T(
                "Rouvrir le cas précédent : un bref compte rendu suffit.",
                "Reopening the previous case: a short report is enough.",
            ),
            script=T(
                "« Qu’avez-vous fait des conseils reçus la dernière fois, et qu’est-ce que cela a donné ? »",
                "“What did you do with the advice you received last time, and how did it turn out?”",
            ),
            coach=T(
                "Pourquoi : l’intervision tient dans la durée si les conseils reçus ont des suites ; entendre ce qu’ils ont donné montre au groupe la valeur de son travail et clôt le cas précédent. À dire : « En deux minutes : qu’as-tu fait, et qu’est-ce que cela a donné ? » À surveiller : un compte rendu bref ; le gardien du temps y veille. Piège : rouvrir le cas précédent et y passer la séance.",
                "Why: intervision lasts when the advice received has consequences; hearing how it turned out shows the group the worth of its work and closes the previous case. What to say: “In two minutes: what did you do, and how did it turn out?” Watch for: a short report; the timekeeper sees to it. Pitfall: reopening the previous case and spending the session on it.",
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
                "« Quel incident récent vous occupe ? L’essentiel en quelques phrases. »",
                "“Which recent incident is on your mind? The essentials in a few sentences.”",
            ),
            coach=T(
                "Pourquoi : la méthode de l’incident part d’un incident concret et récent, où celui qui l’apporte était lui-même impliqué ; l’inventaire donne au groupe de quoi choisir. À dire : « Un incident, pas un problème général : ce qui s’est passé, où, avec qui, en quelques phrases. » À surveiller : des faits plutôt que des interprétations ; chacun peut dire qu’il n’a rien à apporter. Piège : commencer à questionner ou à discuter un cas pendant l’inventaire.",
                "Why: the incident method starts from a concrete, recent incident in which the person bringing it was involved; the inventory gives the group something to choose from. What to say: “An incident, not a general problem: what happened, where, with whom, in a few sentences.” Watch for: facts rather than interpretations; anyone may say they have nothing to bring. Pitfall: starting to question or discuss a case during the inventory.",
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
                "Le groupe choisit ensemble le cas à traiter : urgence, intérêt pour le groupe, possibilité d’agir.",
                "The group chooses together the case to work on: urgency, interest for the group, room for action.",
            ),
            dont=T(
                "Commencer à traiter le cas : on choisit seulement.",
                "Starting to work on the case: only choose.",
            ),
            script=T(
                "« Quel cas travaillons-nous maintenant ? La personne qui l’apporte est-elle d’accord ? »",
                "“Which case do we work on now? Does the person bringing it agree?”",
            ),
            coach=T(
                "Pourquoi : choisir ensemble, avec l’accord de celui qui l’apporte, le cas dont le groupe apprendra le plus et sur lequel on peut encore agir. À dire : « Lequel presse ? Sur lequel peut-on encore agir ? Es-tu d’accord pour qu’on le travaille ? » À surveiller : un porteur qui accepte par politesse. Piège : choisir l’incident le plus spectaculaire plutôt que le plus utile.",
                "Why: choosing together, with the agreement of the person bringing it, the case the group will learn most from and on which there is still room for action. What to say: “Which one is pressing? On which can we still act? Do you agree to work on it?” Watch for: a case-bringer agreeing out of politeness. Pitfall: choosing the most striking incident rather than the most useful one.",
            ),
            speaker="group",
            capture="vote",
            minutes=5,
            once_per_session=True,
        ),
        Step(
            key="questions",
            title=T("Questions d’information", "Information questions"),
            do=T(
                "Le groupe pose des questions factuelles puis d’approfondissement ; celui qui apporte le cas répond.",
                "The group asks factual, then deepening questions; the case-bringer answers.",
            ),
            dont=T(
                "Donner un conseil, un jugement, une interprétation ou une suggestion dans cette étape.",
                "Giving advice, judgements, interpretations or suggestions in this step.",
            ),
            script=T(
                "« Des questions pour comprendre ce qui s’est passé : qui, quoi, quand, comment. »",
                "“Questions to understand what happened: who, what, when, how.”",
            ),
            coach=T(
                "Pourquoi : les questions factuelles (qui, quoi, quand, comment), puis d’approfondissement (ce que le porteur pensait, ressentait, voulait), donnent au groupe de quoi analyser en son absence : c’est la dernière fois qu’il peut l’interroger. À dire : « Avez-vous tout ce qu’il faut pour comprendre, puisque vous allez en parler sans lui ? » À surveiller : les jugements ou les conseils glissés dans les questions. Piège : passer trop vite à l’analyse et devoir rappeler le porteur.",
                "Why: factual questions (who, what, when, how), then deepening ones (what the case-bringer thought, felt, wanted), give the group what it needs to analyse in their absence: this is the last time it can ask them. What to say: “Do you have all you need to understand, since you will discuss it without them?” Watch for: judgements or advice slipped into the questions. Pitfall: moving to the analysis too soon and having to call the case-bringer back.",
            ),
            speaker="consultants",
            capture="questions",
            minutes=15,
        ),
        Step(
            key="analysis",
            title=T("Analyse, hors de la présence du porteur", "Analysis, with the case-bringer out"),
            do=T(
                "Celui qui apporte le cas sort de la pièce ou se met à l’écart. Les autres échangent sur la façon dont ils "
                "voient la situation, ses causes possibles et son rôle, et préparent un conseil. On parle de lui avec respect, comme s’il était là.",
                "The case-bringer leaves the room or sits apart. The others discuss how they see the situation, "
                "its possible causes and the case-bringer's part in it, and prepare their advice. They speak of them respectfully, as if they were present.",
            ),
            dont=T(
                "Parler de la personne sans égards, ou rappeler le porteur pour lui poser des questions.",
                "Speaking of the person disrespectfully, or calling the case-bringer back with questions.",
            ),
            script=T(
                "« Comment voyez-vous la situation ? Qu’est-ce qui pourrait l’expliquer ? Quel conseil lui donneriez-vous ? »",
                "“How do you see the situation? What could explain it? What advice would you give?”",
            ),
            coach=T(
                "Pourquoi : le porteur à l’écart, le groupe peut dire librement ce qu’il voit, y compris la part du porteur dans la situation, et le porteur entendra ensuite un avis déjà mûri. À dire : « Parlons du porteur comme s’il était dans la pièce. Qu’est-ce qui se joue, et que lui conseillerions-nous ? » À surveiller : le ton, le respect ; l’animateur ramène l’échange vers un conseil. Piège : le commérage, ou une analyse qui n’aboutit à aucun conseil.",
                "Why: with the case-bringer apart, the group can say freely what it sees, including the case-bringer's own part in the situation, and the case-bringer will then hear advice that has matured. What to say: “Let's speak of them as if they were in the room. What is going on, and what would we advise?” Watch for: tone and respect; the facilitator brings the exchange back to advice. Pitfall: gossip, or an analysis that leads to no advice.",
            ),
            speaker="consultants",
            capture="none",
            minutes=10,
        ),
        Step(
            key="advice",
            title=T("Conseils, le porteur écoute", "Advice, the case-bringer listens"),
            do=T(
                "Le porteur revient. Chacun lui dit ce qu’il ferait à sa place ; il écoute et prend des notes.",
                "The case-bringer comes back. Each member says what they would do in their place; the case-bringer listens and takes notes.",
            ),
            dont=T(
                "Réagir ou se justifier (pour le porteur) : il le fera à l’étape suivante.",
                "Reacting or justifying (the case-bringer): that comes in the next step.",
            ),
            script=T(
                "« Commencez par “À ta place, je…”. Tu réagiras à l’étape suivante. »",
                "“Start with ‘In your place, I would…’. You will react in the next step.”",
            ),
            coach=T(
                "Pourquoi : chacun dit ce qu’il ferait à la place du porteur, à partir de ce que le groupe a compris ; le porteur écoute sans répondre pour entendre toute la palette avant de trier. À dire : « Commencez par “À ta place, je…” : un conseil concret chacun. » À surveiller : le porteur qui réagit ou se justifie ; le secrétaire note les conseils pour lui. Piège : des conseils vagues (« il faudrait communiquer ») ou un débat entre conseillers.",
                "Why: each says what they would do in the case-bringer's place, starting from what the group understood; the case-bringer listens without replying, to hear the whole range before sorting. What to say: “Start with ‘In your place, I would…’: one concrete piece of advice each.” Watch for: the case-bringer reacting or justifying; the secretary notes the advice for them. Pitfall: vague advice (“you should communicate”) or a debate between advisers.",
            ),
            speaker="consultants",
            capture="interventions",
            minutes=10,
        ),
        Step(
            key="evaluation",
            title=T("Évaluation et suite", "Evaluation and next steps"),
            do=T(
                "Le porteur dit quels conseils lui sont utiles et comment il va s’en servir ; "
                "le groupe dit un mot de la façon dont s’est déroulée la séance.",
                "The case-bringer says which advice is useful and how they will put it to work; "
                "the group says a word about how the session went.",
            ),
            dont=T(
                "Relancer la discussion sur les conseils écartés.",
                "Restarting the discussion about advice that was set aside.",
            ),
            script=T(
                "« Qu’est-ce qui t’est utile, et que vas-tu en faire ? Tu nous le raconteras la prochaine fois. »",
                "“What is useful to you, and what will you do with it? You can tell us about it next time.”",
            ),
            coach=T(
                "Pourquoi : le porteur dit ce qu’il retient et comment il va s’en servir ; il en rendra compte à la séance suivante, ce qui boucle la méthode. Un mot sur la séance aide le groupe à régler son fonctionnement. À dire : « Qu’est-ce qui t’est utile ? Que vas-tu en faire, et quand ? » À surveiller : le porteur reste libre d’écarter un conseil sans se justifier. Piège : rouvrir la discussion sur les conseils écartés.",
                "Why: the case-bringer says what they keep and how they will use it; they will report on it at the next session, which closes the method's loop. A word about the session helps the group tune how it works. What to say: “What is useful to you? What will you do with it, and when?” Watch for: the case-bringer remains free to set advice aside without justifying it. Pitfall: reopening the discussion about the advice set aside.",
            ),
            speaker="carrier",
            capture="synthesis",
            minutes=10,
        ),
    ),
)
