"""The Presencing Institute's case clinic (Theory U): one case giver, three or four coaches."""

from app.protocol import Protocol, Step, T

PROTOCOL = Protocol(
    id="case-clinic",
    name=T("Case clinic — Presencing Institute (4 à 5 pairs)", "Case clinic — Presencing Institute (4–5 peers)"),
    source=T(
        "La « case clinic » du Presencing Institute (Otto Scharmer, Théorie U), pour des groupes de 4 à 5 pairs, environ 70 minutes.",
        "The Presencing Institute's case clinic (Otto Scharmer, Theory U), for groups of 4–5 peers, about 70 minutes.",
    ),
    fewest_members=4,
    most_members=5,
    steps=(
        Step(
            key="roles",
            title=T("Rôles", "Roles"),
            do=T(
                "Le groupe confirme qui apporte le cas (le porteur), qui sont les coachs et qui tient le temps "
                "(un coach peut s'en charger).",
                "The group confirms who brings the case (the case giver), who the coaches are and who keeps time "
                "(one of the coaches may do it).",
            ),
            dont=T(
                "Commencer à parler du cas.",
                "Starting to talk about the case.",
            ),
            script=T(
                "« Qui apporte un cas aujourd'hui ? Qui tient le temps ? »",
                "“Who is bringing a case today? Who keeps time?”",
            ),
            speaker="group",
            capture="none",
            minutes=2,
        ),
        Step(
            key="intention",
            title=T("Exposé d'intention", "Intention statement"),
            do=T(
                "Le porteur présente sa situation actuelle, la façon dont d'autres pourraient la voir, l'avenir qu'il veut "
                "créer, ce qu'il doit apprendre ou lâcher, et l'aide qu'il attend. Les coachs écoutent profondément "
                "et peuvent poser des questions de clarification.",
                "The case giver presents the current situation, how others might see it, the future they want to create, "
                "what they need to learn or let go of, and where they need help. The coaches listen deeply "
                "and may ask clarifying questions.",
            ),
            dont=T(
                "Donner des conseils ou chercher à « réparer » le problème (pour les coachs).",
                "Giving advice or trying to “fix” the problem (the coaches).",
            ),
            script=T(
                "« Quel défi rencontres-tu ? Quel avenir cherches-tu à créer ? Où as-tu besoin d'aide ? »",
                "“What challenge are you facing? What future are you trying to create? Where do you need help?”",
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
                "qui saisissent l'essentiel de ce qui a été entendu.",
                "Everyone sits in silence and lets come the images, metaphors, feelings and gestures "
                "that capture the essence of what was heard.",
            ),
            dont=T(
                "Parler ou chercher une solution : on reste à l'écoute de ce qui émerge.",
                "Speaking or looking for solutions: stay attentive to what comes up.",
            ),
            script=T(
                "« Trois minutes de silence. Quelle image, quel ressenti vous viennent ? »",
                "“Three minutes of silence. What image, what feeling comes up for you?”",
            ),
            speaker="group",
            capture="none",
            minutes=3,
        ),
        Step(
            key="mirroring",
            title=T("Miroir", "Mirroring"),
            do=T(
                "Chaque coach partage brièvement les images, métaphores, sentiments et gestes qui lui sont venus ; "
                "puis le porteur dit ce que ces retours lui font.",
                "Each coach briefly shares the images, metaphors, feelings and gestures that came up; "
                "then the case giver reflects on what they heard.",
            ),
            dont=T(
                "Analyser ou conseiller : on offre ce qui est venu, tel quel.",
                "Analysing or advising: offer what came up, as it is.",
            ),
            script=T(
                "« “Je vois…, je sens…, je ressens…”. Le porteur réagira quand tous les coachs auront parlé. »",
                "“‘I see…, I sense…, I feel…’. The case giver will respond once every coach has spoken.”",
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
                "en s'appuyant sur les idées des uns et des autres.",
                "The case giver and coaches explore together how these images open new perspectives on the case, "
                "building on each other's ideas.",
            ),
            dont=T(
                "Chercher à tout prix à résoudre le problème, au lieu de rester au service du porteur.",
                "Pushing to resolve the problem at all costs, instead of staying in service of the case giver.",
            ),
            script=T(
                "« Qu'est-ce que ces images nous montrent de la situation ? Construisons sur ce qui vient d'être dit. »",
                "“What do these images show us about the situation? Let's build on what was just said.”",
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
                "et la suite ; chacun remercie les autres.",
                "The coaches share closing remarks, then the case giver says how they now see the situation "
                "and the way forward; everyone thanks the others.",
            ),
            dont=T(
                "Rouvrir le dialogue : le porteur a le dernier mot.",
                "Reopening the dialogue: the case giver has the last word.",
            ),
            script=T(
                "« Comment vois-tu ta situation maintenant, et quel est ton prochain pas ? »",
                "“How do you see your situation now, and what is your next step?”",
            ),
            speaker="group",
            capture="synthesis",
            minutes=10,
        ),
    ),
)
