"""The Presencing Institute's case clinic (Theory U): one case giver, three or four coaches."""

from app.protocol import TIMEKEEPER, Protocol, Step, T

PROTOCOL = Protocol(
    id="case-clinic",
    name=T("Case clinic — Presencing Institute (4 à 5 pairs)", "Case clinic — Presencing Institute (4–5 peers)"),
    source=T(
        "La « case clinic » du Presencing Institute (Otto Scharmer, Théorie U), pour des groupes de 4 à 5 pairs, environ 70 minutes.",
        "The Presencing Institute's case clinic (Otto Scharmer, Theory U), for groups of 4–5 peers, about 70 minutes.",
    ),
    fewest_members=4,
    most_members=5,
    roles=(TIMEKEEPER,),  # the case giver and the coaches are the round's, not the session's
    steps=(
        Step(
            key="roles",
            title=T("Rôles", "Roles"),
            do=T(
                "Le groupe confirme qui apporte le cas (le porteur), qui sont les coachs et qui est gardien du temps "
                "(un coach peut s’en charger).",
                "The group confirms who brings the case (the case giver), who the coaches are and who is the timekeeper "
                "(one of the coaches may be).",
            ),
            dont=T(
                "Commencer à parler du cas.",
                "Starting to talk about the case.",
            ),
            script=T(
                "« Qui apporte un cas aujourd’hui ? Qui est gardien du temps ? »",
                "“Who is bringing a case today? Who is the timekeeper?”",
            ),
            coach=T(
                "Pourquoi : dans la case clinic, les rôles sont simples et tenus strictement : un porteur du cas, trois ou quatre coachs (ses pairs) et un gardien du temps (souvent l’un des coachs), car c’est le rythme de la méthode qui porte l’écoute. À dire : « Qui apporte un défi actuel, où il est lui-même acteur et veut faire advenir quelque chose de neuf ? Qui est gardien du temps ? » À surveiller : un cas réel et personnel, pas un problème de l’organisation en général. Piège : parler du cas avant que les rôles soient clairs.",
                "Why: in the case clinic the roles are simple and strictly kept: one case giver, three or four coaches (their peers) and a timekeeper (often one of the coaches), because the method's rhythm is what carries the listening. What to say: “Who brings a current challenge, in which they are an actor and want to bring about something new? Who is the timekeeper?” Watch for: a real, personal case, not a problem of the organisation in general. Pitfall: talking about the case before the roles are clear.",
            ),
            speaker="group",
            capture="none",
            minutes=2,
        ),
        Step(
            key="intention",
            title=T("Exposé d’intention", "Intention statement"),
            do=T(
                "Le porteur présente sa situation actuelle, la façon dont d’autres pourraient la voir, l’avenir qu’il veut "
                "créer, ce qu’il doit apprendre ou lâcher, et l’aide qu’il attend. Les coachs écoutent profondément "
                "et peuvent poser des questions de clarification.",
                "The case giver presents the current situation, how others might see it, the future they want to create, "
                "what they need to learn or let go of, and where they need help. The coaches listen deeply "
                "and may ask clarifying questions.",
            ),
            dont=T(
                "Donner des conseils ou chercher à « réparer » le problème (pour les coachs).",
                "Giving advice or trying to “fix” the problem (the coaches).",
            ),
            script=T(
                "« Quel défi rencontres-tu ? Quel avenir cherches-tu à créer ? Où as-tu besoin d’aide ? »",
                "“What challenge are you facing? What future are you trying to create? Where do you need help?”",
            ),
            coach=T(
                "Pourquoi : le porteur ne décrit pas seulement un problème : il dit l’avenir qu’il veut créer, ce qu’il doit apprendre ou lâcher, et où il a besoin d’aide ; les coachs écoutent sans juger ni chercher la solution (l’esprit, le cœur et la volonté ouverts, dit Scharmer). À dire : « Écoutez sans préparer de réponse ; ne questionnez que pour clarifier. » À surveiller : des coachs qui notent des solutions ; le gardien du temps laisse au porteur ses quinze minutes. Piège : des questions de clarification qui sont déjà des conseils.",
                "Why: the case giver does not only describe a problem: they say the future they want to create, what they need to learn or let go of, and where they need help; the coaches listen without judging or looking for the solution (with an open mind, heart and will, as Scharmer puts it). What to say: “Listen without preparing an answer; ask only to clarify.” Watch for: coaches noting solutions; the timekeeper gives the case giver their fifteen minutes. Pitfall: clarifying questions that are already advice.",
            ),
            speaker="carrier",
            capture="notes",
            minutes=15,
        ),
        Step(
            key="stillness",
            title=T("Silence", "Stillness"),
            do=T(
                "Tout le monde reste en silence et laisse venir les images, métaphores, sentiments et gestes "
                "qui saisissent l’essentiel de ce qui a été entendu.",
                "Everyone sits in silence and lets come the images, metaphors, feelings and gestures "
                "that capture the essence of what was heard.",
            ),
            dont=T(
                "Parler ou chercher une solution : on reste à l’écoute de ce qui émerge.",
                "Speaking or looking for solutions: stay attentive to what comes up.",
            ),
            script=T(
                "« Trois minutes de silence. Quelle image, quel ressenti vous viennent ? »",
                "“Three minutes of silence. What image, what feeling comes up for you?”",
            ),
            coach=T(
                "Pourquoi : trois minutes de silence laissent venir ce que l’analyse ne donne pas : une image, un sentiment, un geste qui saisit l’essentiel ; on passe de l’écoute des faits à l’écoute de ce qui émerge. À dire : « Trois minutes de silence. Notez l’image, le sentiment ou le geste qui vient. » À surveiller : le gardien du temps tient vraiment les trois minutes, même si le silence gêne. Piège : abréger le silence, ou l’occuper à préparer des conseils.",
                "Why: three minutes of silence let come what analysis does not give: an image, a feeling, a gesture that captures the essence; the listening shifts from the facts to what is emerging. What to say: “Three minutes of silence. Note the image, feeling or gesture that comes.” Watch for: the timekeeper truly holds the three minutes, even if the silence feels awkward. Pitfall: cutting the silence short, or using it to prepare advice.",
            ),
            speaker="group",
            capture="none",
            minutes=3,
        ),
        Step(
            key="mirroring",
            title=T("Miroir", "Mirroring"),
            do=T(
                "Chaque coach partage brièvement les images, métaphores, sentiments et gestes qui lui sont venus ; "
                "puis le porteur dit ce que ces retours lui font.",
                "Each coach briefly shares the images, metaphors, feelings and gestures that came up; "
                "then the case giver reflects on what they heard.",
            ),
            dont=T(
                "Analyser ou conseiller : on offre ce qui est venu, tel quel.",
                "Analysing or advising: offer what came up, as it is.",
            ),
            script=T(
                "« “Je vois…, je sens…, je ressens…”. Le porteur réagira quand tous les coachs auront parlé. »",
                "“‘I see…, I sense…, I feel…’. The case giver will respond once every coach has spoken.”",
            ),
            coach=T(
                "Pourquoi : chaque coach rend au porteur, tel quel, ce que son récit a fait naître : image, métaphore, sentiment, geste ; ces miroirs lui montrent sa situation sous un jour qu’il ne voyait pas. À dire : « Une image, un sentiment, un geste, sans l’expliquer. Le porteur réagira quand tous auront parlé. » À surveiller : des miroirs courts, non analysés ; le porteur qui écoute d’abord jusqu’au bout. Piège : déguiser un conseil en image, ou interpréter l’image à la place du porteur.",
                "Why: each coach gives back to the case giver, as it is, what their account brought up: an image, a metaphor, a feeling, a gesture; these mirrors show the situation in a light the case giver could not see. What to say: “An image, a feeling, a gesture, without explaining it. The case giver will respond once everyone has spoken.” Watch for: short mirrors, not analysed; the case giver listening to the end first. Pitfall: disguising advice as an image, or interpreting the image on the case giver's behalf.",
            ),
            speaker="each_consultant",
            capture="reformulations",
            minutes=10,
        ),
        Step(
            key="dialogue",
            title=T("Dialogue génératif", "Generative dialogue"),
            do=T(
                "Porteur et coachs explorent ensemble comment ces images ouvrent de nouvelles perspectives sur le cas, "
                "en s’appuyant sur les idées des uns et des autres.",
                "The case giver and coaches explore together how these images open new perspectives on the case, "
                "building on each other's ideas.",
            ),
            dont=T(
                "Chercher à tout prix à résoudre le problème, au lieu de rester au service du porteur.",
                "Pushing to resolve the problem at all costs, instead of staying in service of the case giver.",
            ),
            script=T(
                "« Qu’est-ce que ces images nous montrent de la situation ? Construisons sur ce qui vient d’être dit. »",
                "“What do these images show us about the situation? Let's build on what was just said.”",
            ),
            coach=T(
                "Pourquoi : porteur et coachs s’appuient sur les images et sur les réactions du porteur pour ouvrir de nouvelles perspectives ; c’est un dialogue génératif, au service du porteur, pas un atelier de résolution. À dire : « Construisons sur ce qui vient d’être dit : qu’est-ce qui s’ouvre ? » À surveiller : le porteur reste au centre ; les coachs laissent de la place au silence. Piège : retomber dans le conseil rapide ou dans le débat entre coachs.",
                "Why: the case giver and coaches build on the images and on the case giver's reactions to open new perspectives; it is a generative dialogue, in service of the case giver, not a problem-solving workshop. What to say: “Let's build on what was just said: what is opening up?” Watch for: the case giver stays at the centre; the coaches leave room for silence. Pitfall: falling back into quick advice or a debate between coaches.",
            ),
            speaker="group",
            capture="interventions",
            minutes=20,
        ),
        Step(
            key="closing",
            title=T("Clôture", "Closing remarks"),
            do=T(
                "Les coachs partagent un dernier mot, puis le porteur dit comment il voit maintenant sa situation "
                "et la suite ; chacun remercie les autres.",
                "The coaches share closing remarks, then the case giver says how they now see the situation "
                "and the way forward; everyone thanks the others.",
            ),
            dont=T(
                "Rouvrir le dialogue : le porteur a le dernier mot.",
                "Reopening the dialogue: the case giver has the last word.",
            ),
            script=T(
                "« Comment vois-tu ta situation maintenant, et quel est ton prochain pas ? »",
                "“How do you see your situation now, and what is your next step?”",
            ),
            coach=T(
                "Pourquoi : chaque coach dit en quelques mots ce qu’il retient et ce qu’il offre au porteur, puis le porteur dit comment il voit maintenant sa situation et la suite ; les remerciements ferment le cercle. À dire : « Comment vois-tu ta situation maintenant ? Quel est ton prochain pas ? » À surveiller : le gardien du temps réserve ces dix minutes ; le porteur a le dernier mot. Piège : rouvrir le dialogue, ou conclure sans que le porteur ait nommé un pas concret.",
                "Why: each coach says in a few words what they keep and what they offer the case giver, then the case giver says how they now see the situation and the way forward; thanks close the circle. What to say: “How do you see your situation now? What is your next step?” Watch for: the timekeeper keeps these ten minutes free; the case giver has the last word. Pitfall: reopening the dialogue, or closing without the case giver naming a concrete step.",
            ),
            speaker="group",
            capture="synthesis",
            minutes=10,
        ),
    ),
)
