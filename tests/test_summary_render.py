"""The summaries as a reader sees them: Markdown and standalone HTML, French and English,
read back field by field; hostile text stays text."""

from __future__ import annotations

import re

import pytest

from app.dates import long_date
from app.summary.summaries import group_summary, member_summary
from app.summary.render import POLICY, markdown, md_text, standalone
from support.halfday import half_day
from support.room import Room
from support.summary_outline import html_outline, html_tags, markdown_outline
from test_summary import next_session

COLON = {"fr": "\u202f: ", "en": ": "}
LABELS = {
    "fr": {
        "title": "Synthèse de séance — Sophie Garnier", "group": "Groupe", "date": "Date", "place": "Lieu",
        "protocol": "Protocole", "protocol_name": "Groupe de pairs — codéveloppement (9 étapes), version 1",
        "facilitator": "Animateur·rice", "timekeeper": "Gardien·ne du temps", "secretary": "Secrétaire",
        "day": "jeudi 3 décembre 2026", "yours": "Tour 1 — votre question", "problem": "Problématique",
        "expose": "Exposé par le porteur", "exploration": "Exploration par le groupe", "reformulations": "Reformulations",
        "chosen": "Reformulation retenue", "request": "Demande au groupe", "wanted": "Attendu",
        "kinds": "conseils, témoignages", "advice": "conseils", "testimony": "témoignages",
        "interventions": "Écoute des interventions", "synthesis": "Synthèse du porteur", "plan": "Plan d’action",
        "due1": "pour le vendredi 15 janvier 2027", "due2": "pour le lundi 1er février 2027",
        "round2": "Tour 2 — Léa Fontaine", "round3": "Tour 3 — Inès Carvalho", "learnings": "Mes apprentissages",
        "round": "Tour", "next": "Prochaine séance", "next_day": "jeudi 11 mars 2027",
        "footer": "Confidentiel : ce document appartient à son destinataire et ne se diffuse pas hors du groupe. Établi avec Cercle.",
    },
    "en": {
        "title": "Session summary — Sophie Garnier", "group": "Group", "date": "Date", "place": "Place",
        "protocol": "Protocol", "protocol_name": "Peer group — co-development (9 steps), version 1",
        "facilitator": "Facilitator", "timekeeper": "Timekeeper", "secretary": "Secretary",
        "day": "Thursday 3 December 2026", "yours": "Round 1 — your question", "problem": "Problem",
        "expose": "The carrier's exposé", "exploration": "Exploration by the group", "reformulations": "Reformulations",
        "chosen": "Chosen reformulation", "request": "Request to the group", "wanted": "Wanted",
        "kinds": "advice, testimonies", "advice": "advice", "testimony": "testimonies",
        "interventions": "Listening to the contributions", "synthesis": "The carrier's synthesis", "plan": "Action plan",
        "due1": "by Friday 15 January 2027", "due2": "by Monday 1 February 2027",
        "round2": "Round 2 — Léa Fontaine", "round3": "Round 3 — Inès Carvalho", "learnings": "My learnings",
        "round": "Round", "next": "Next session", "next_day": "Thursday 11 March 2027",
        "footer": "Confidential: this document belongs to its recipient and is not shared outside the group. Made with Cercle.",
    },
}
CHOSEN = "Tu cherches comment transformer un rival en allié."
LEARNING = "Je pose trop vite des solutions ; les questions ouvrent davantage."


def sophie_expected(L: dict[str, str]) -> list[tuple]:
    def entry(lead, text, tags=""):
        return ("entry", lead, text, tags, "")

    return [
        ("h1", L["title"]),
        entry(L["group"], "Cadres de santé — CHU Nord"),
        entry(L["date"], L["day"]),
        entry(L["place"], "Salle Pasteur"),
        entry(L["protocol"], L["protocol_name"]),
        entry(L["facilitator"], "Sophie Garnier"),  # the session's roles, the rotation's first
        entry(L["timekeeper"], "Karim Haddad"),
        entry(L["secretary"], "Léa Fontaine"),
        ("h2", L["yours"]),
        entry(L["problem"], "Un cadre expérimenté conteste mes décisions en réunion"),
        ("p", "Depuis ma prise de poste, il me coupe la parole devant l'équipe."),
        ("h3", L["expose"]),
        entry("", "Je suis arrivée il y a six mois ; il était candidat au poste. Il conteste chaque décision en réunion "
              "et l'équipe attend de voir qui l'emporte. J'ai tenté un entretien, sans effet."),
        ("h3", L["exploration"]),
        entry("Karim Haddad", "Qu'a-t-il dit exactement lors de la dernière réunion ?"),
        entry("Léa Fontaine", "Comment ta directrice voit-elle la situation ?"),
        entry("Marc Olivier", "Que se passerait-il si tu ne faisais rien ?"),
        entry("Inès Carvalho", "Sur quoi êtes-vous d'accord, lui et toi ?"),
        ("h3", L["reformulations"]),
        entry("Karim Haddad", "Ton problème est de poser ton autorité sans humilier un collègue expérimenté."),
        entry("Léa Fontaine", CHOSEN),
        entry("Marc Olivier", "Tu te demandes comment faire trancher l'équipe sans conflit ouvert."),
        entry("Inès Carvalho", "L'enjeu est de rester légitime alors qu'il connaît mieux le service que toi."),
        ("h3", L["chosen"]),
        ("quote", CHOSEN, "Léa Fontaine"),
        ("h3", L["request"]),
        entry(L["wanted"], L["kinds"]),
        ("p", "Comment faire de lui un allié ? J'attends des conseils concrets et vos expériences."),
        ("h3", L["interventions"]),
        entry("Karim Haddad", "À ta place, je lui confierais une mission visible qui reconnaît son expertise.", L["advice"]),
        entry("Léa Fontaine", "J'ai vécu la même chose : un entretien avec la DRH en tiers a tout changé.", L["testimony"]),
        entry("Marc Olivier", "Pose une règle de fonctionnement en réunion, pour tout le monde, pas contre lui.", L["advice"]),
        entry("Inès Carvalho", "Mon adjoint a mis un an à m'accepter ; le tournant a été un projet commun.", L["testimony"]),
        ("h3", L["synthesis"]),
        entry("", "Je retiens la mission d'expertise et la règle commune en réunion."),
        ("h3", L["plan"]),
        entry("", "Proposer à mon collègue de piloter le projet qualité", L["due1"]),
        entry("", "Écrire avec l'équipe trois règles de réunion", L["due2"]),
        ("h2", L["round2"]),
        entry(L["problem"], "Dire non au calendrier du siège"),
        entry(L["chosen"], CHOSEN + " (Karim Haddad)"),
        ("h2", L["round3"]),
        entry(L["problem"], "Déléguer sans perdre la qualité"),
        entry(L["chosen"], CHOSEN + " (Karim Haddad)"),
        ("h2", L["learnings"]),
        entry(f"{L['round']} 1", LEARNING),
        entry(f"{L['round']} 2", LEARNING),
        entry(f"{L['round']} 3", LEARNING),
        ("h2", L["next"]),
        entry(L["date"], L["next_day"]),
        entry(L["place"], "Salle Pasteur"),
        ("footer", L["footer"]),
    ]


@pytest.fixture(scope="module")
def day() -> Room:
    return half_day()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_carriers_summary_field_by_field_in_both_formats(day, language):
    summary = member_summary(day.ws, "s-1", "m-sophie", language)
    expected = sophie_expected(LABELS[language])
    assert markdown_outline(markdown(summary), COLON[language]) == expected
    assert html_outline(standalone(summary)) == expected


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_group_summary_reads_the_same_in_both_formats(day, language):
    summary = group_summary(day.ws, "s-1", language)
    outline = html_outline(standalone(summary))
    assert markdown_outline(markdown(summary), COLON[language]) == outline
    headings = [x[1] for x in outline if x[0] == "h2"]
    if language == "fr":
        assert headings == [
            "Ordre du jour", "Tour 1 — Sophie Garnier", "Tour 2 — Léa Fontaine", "Tour 3 — Inès Carvalho",
            "Évaluation de la séance", "Plans d’action", "Problématiques en attente", "Prochaine séance",
        ]
        assert ("entry", "Sophie Garnier", "Un cadre expérimenté conteste mes décisions en réunion",
                "3 voix · examinée au tour 1", "") in outline
        assert ("entry", "Karim Haddad", "Fusionner deux services de nuit", "0 voix · en attente", "") in outline
        assert ("p", "Note moyenne\u202f: 4,4/5") in outline
        assert ("entry", "Karim Haddad", "Fusionner deux services de nuit", "proposée le jeudi 3 décembre 2026", "") in outline
        assert ("h3", "Synthèse de chaque membre") in outline
    else:
        assert headings == [
            "Agenda", "Round 1 — Sophie Garnier", "Round 2 — Léa Fontaine", "Round 3 — Inès Carvalho",
            "Evaluation of the session", "Action plans", "Problems waiting", "Next session",
        ]
        assert ("entry", "Léa Fontaine", "Dire non au calendrier du siège", "1 vote · examined in round 2", "") in outline
        assert ("p", "Average rating: 4.4/5") in outline
    ratings = [x[3] for x in outline if x[0] == "entry" and x[2].startswith("Cadre clair")]
    assert ratings == ["4/5", "5/5", "4/5", "5/5", "4/5"]
    assert ("entry", "Inès Carvalho", "Écrire avec l'équipe trois règles de réunion",
            LABELS[language]["due2"], "") in outline


def test_follow_ups_read_with_their_status_comment_and_date():
    room = next_session(half_day())
    summary = member_summary(room.ws, "s-2", "m-sophie", "fr")
    outline = html_outline(standalone(summary))
    assert markdown_outline(markdown(summary), COLON["fr"]) == outline
    start = outline.index(("h2", "Suivi des plans d’action"))
    assert outline[start + 1 : start + 3] == [
        ("entry", "", "Proposer à mon collègue de piloter le projet qualité",
         "fait · décidé le jeudi 3 décembre 2026 · pour le vendredi 15 janvier 2027",
         "Commentaire\u202f: Il a accepté, premier comité en février."),
        ("entry", "", "Écrire avec l'équipe trois règles de réunion",
         "en cours · décidé le jeudi 3 décembre 2026 · pour le lundi 1er février 2027",
         "Commentaire\u202f: Deux règles sur trois écrites."),
    ]
    group = html_outline(standalone(group_summary(room.ws, "s-2", "en")))
    dropped = [x for x in group if x[0] == "entry" and x[3].startswith("dropped")]
    assert [x[1] for x in dropped] == ["Léa Fontaine"] and dropped[0][4] == "Comment: Le siège a changé d'avis."


def test_anonymous_summaries_say_so_and_name_no_contributor():
    room = half_day()
    room.do({"type": "update_group", "id": "g-1", "anonymous_summaries": True})
    outline = html_outline(standalone(member_summary(room.ws, "s-1", "m-sophie", "fr")))
    assert ("p", "À la demande du groupe, les contributions ne sont pas attribuées.") in outline
    assert ("quote", CHOSEN, "") in outline
    said = outline[outline.index(("h3", "Exploration par le groupe")) + 1]
    assert said == ("entry", "", "Qu'a-t-il dit exactement lors de la dernière réunion ?", "", "")


HOSTILE = {
    "name": '<script>alert("nom")</script>',
    "title": "<img src=x onerror=alert(1)> & \"quotes\" 'single'",
    "text": "</p><iframe src=//evil.example></iframe>\n# not a heading\n- not a list\n1. not numbered\n`code` *bold* _it_ [link](http://evil.example) ![img](x.png) | pipe \\ backslash",
    "unicode": "Zoé\u200d\u202eevil\u202c 🙂 e\u0301 \U0001f469\u200d\U0001f4bb \ufeff",
}


def hostile_room() -> Room:
    room = Room()
    members = [{"id": f"m-{i}", "name": n} for i, n in enumerate([HOSTILE["name"], "Bob", "Chloé", HOSTILE["unicode"]])]
    room.do({"type": "create_group", "id": "g-1", "name": "Group \"<b>\" & co", "members": members})
    room.do({"type": "start_session", "id": "s-1", "group_id": "g-1", "date": "2026-12-01", "place": "<svg onload=alert(1)>"})
    room.do({"type": "acknowledge_charter", "session_id": "s-1", "date": "2026-12-01"})
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    room.do({"type": "add_pitch", "id": "p-1", "session_id": "s-1", "member_id": "m-0", "title": HOSTILE["title"], "text": HOSTILE["text"]})
    room.do({"type": "next_step", "round_id": "r-1"})
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-1"})
    for n, kind in enumerate(["question", "reformulation", "intervention"]):
        room.do({"type": "add_entry", "id": f"e-{n}", "session_id": "s-1", "round_id": "r-1", "kind": kind, "author_id": "m-3", "text": HOSTILE["text"]})
    room.do({"type": "choose_reformulation", "round_id": "r-1", "entry_id": "e-1"})
    room.do({"type": "set_contract", "round_id": "r-1", "request_types": ["avis"], "request": HOSTILE["title"]})
    room.do({"type": "add_action_item", "id": "a-1", "round_id": "r-1", "text": HOSTILE["name"]})
    room.do({"type": "add_entry", "id": "l-1", "session_id": "s-1", "round_id": "r-1", "kind": "learning", "author_id": "m-0", "text": HOSTILE["unicode"]})
    room.do({"type": "set_next_session", "session_id": "s-1", "date": "2027-01-05", "place": HOSTILE["text"]})
    return room


@pytest.mark.parametrize("who", ["m-0", "m-3", "group"])
def test_hostile_text_stays_text_in_the_html(who):
    ws = hostile_room().ws
    summary = group_summary(ws, "s-1", "fr") if who == "group" else member_summary(ws, "s-1", who, "fr")
    page = standalone(summary)
    tags = html_tags(page)
    assert {tag for tag, _ in tags} <= {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3",
                                          "p", "dl", "div", "dt", "dd", "ul", "li", "strong", "span", "br", "blockquote", "footer"}
    assert not [name for _, attrs in tags for name in attrs if name.startswith("on")]
    assert ("meta", {"http-equiv": "Content-Security-Policy", "content": POLICY}) in tags
    assert "<script" not in page.lower() and "<img" not in page and "<iframe" not in page and "<svg" not in page
    # ...and every piece of it reads back exactly as typed
    text = repr(html_outline(page))
    for value in HOSTILE.values():
        for line in value.strip().split("\n"):
            assert repr(line.strip())[1:-1] in text
    assert markdown_outline(markdown(summary), COLON["fr"]) == html_outline(page)


def test_markdown_escapes_what_would_become_markup():
    assert md_text('<script>alert("x")</script>') == '\\<script\\>alert("x")\\</script\\>'
    assert md_text("# title\n- item\n+ more\n1. first\n12) twelfth") == "\\# title\n\\- item\n\\+ more\n1\\. first\n12\\) twelfth"
    assert md_text("*a* _b_ `c` [d](e) ![f](g) a|b ~x~ & \\") == "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) !\\[f\\](g) a\\|b \\~x\\~ \\& \\\\"
    page = markdown(member_summary(hostile_room().ws, "s-1", "m-3", "fr"))
    assert "<" not in page.replace("\\<", "") and "\n# not" not in page and "\n- not" not in page


def test_the_page_is_standalone_and_printable():
    page = standalone(member_summary(half_day().ws, "s-1", "m-karim", "fr"))
    assert page.startswith("<!doctype html>\n<html lang=\"fr\">")
    assert "@page{size:A4" in page and "@media print" in page
    assert not re.search(r"""(src|href)=|url\(|@import""", page)  # nothing to fetch, so it opens offline


@pytest.mark.parametrize(
    "iso, fr, en",
    [
        ("2026-12-01", "mardi 1er décembre 2026", "Tuesday 1 December 2026"),
        ("2027-03-11", "jeudi 11 mars 2027", "Thursday 11 March 2027"),
        ("2028-02-29", "mardi 29 février 2028", "Tuesday 29 February 2028"),
        ("not a date", "not a date", "not a date"),
        ("", "", ""),
    ],
)
def test_dates_are_written_out_in_each_language(iso, fr, en):
    assert (long_date(iso, "fr"), long_date(iso, "en")) == (fr, en)
