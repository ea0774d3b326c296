"""The summaries, history and shared-summary screens, rendered from a workspace."""

from __future__ import annotations

import re

import pytest

from app.summary import share
from app.summary.summaries import member_summaries, member_summary
from app.views import render
from app.views.context import View
from app.views.routes import Route
from support.halfday import half_day
from support.summary_outline import html_tags, html_tree
from test_summary import next_session


@pytest.fixture(scope="module")
def ws():
    return next_session(half_day()).ws


def screen(ws, screen_name: str, lang: str = "fr", **params: str) -> str:
    return render(View(ws=ws, route=Route(screen_name, tuple(params.items())), lang=lang))


def commands(page: str) -> list[dict]:
    return [attrs for tag, attrs in html_tags(page) if "data-command" in attrs]


def test_the_summaries_screen_offers_each_members_files_and_code(ws):
    page = screen(ws, "summaries", session="s-1")
    tree = html_tree(page)
    assert tree.find("h1").text() == "Synthèses — Cadres de santé — CHU Nord, jeudi 3 décembre 2026"
    rows = [li for li in tree.find("ul", "summary-list").elements()]
    assert [li.find("span", "who").text() for li in rows] == [
        "Sophie Garnier", "Karim Haddad", "Léa Fontaine", "Marc Olivier", "Inès Carvalho"
    ]
    assert rows[0].find("span", "tag").text() == "porteur du tour 1" and rows[1].find("span", "tag") is None
    sophie = [a for a in commands(page) if a.get("data-member-id") == "m-sophie"]
    assert [(a["data-command"], a.get("data-format")) for a in sophie] == [
        ("summary-download", "html"), ("summary-download", "md"), ("summary-print", None), ("summary-qr", None)
    ]
    assert all(a["data-session-id"] == "s-1" for a in sophie)
    assert sophie[0]["aria-label"] == "Page HTML — synthèse de Sophie Garnier"
    group = [a for a in commands(page) if a["data-command"] in ("summary-download", "summary-print") and "data-member-id" not in a]
    assert [a["aria-label"] for a in group] == [
        "Page HTML — compte rendu du groupe", "Markdown — compte rendu du groupe", "Imprimer / PDF — compte rendu du groupe",
    ]
    assert {"data-command": "summary-zip", "data-session-id": "s-1", "type": "button", "class": "primary"} in commands(page)
    assert [a for a in commands(page) if a["data-command"] == "summary-ics"] == [
        {"type": "button", "data-command": "summary-ics", "data-session-id": "s-1"}
    ]
    switches = [attrs for tag, attrs in html_tags(page) if attrs.get("data-action") == "update_group"]
    assert [(t["role"], t["aria-checked"], t.get("data-anonymous-summaries"), t.get("data-full-summaries")) for t in switches] == [
        ("switch", "false", "true", None), ("switch", "false", None, "true")
    ]


def nodes(node):
    """Every element under `node`, in document order."""
    for child in node.elements():
        yield child
        yield from nodes(child)


def test_each_summary_option_is_a_switch_that_says_its_state_and_what_turning_it_on_does():
    room = half_day()
    room.do({"type": "update_group", "id": "g-1", "anonymous_summaries": True})
    tree = html_tree(screen(room.ws, "summaries", session="s-1"))
    switches = [n for n in nodes(tree) if n.attrs.get("role") == "switch"]
    assert [(b.attrs["aria-checked"], b.find("span", "switch-label").text(), b.find("span", "switch-state").text()) for b in switches] == [
        ("true", "Ne pas nommer les auteurs des contributions", "Activé"),
        ("false", "Donner à chacun tous les tours en entier", "Désactivé"),
    ]
    hints = {n.attrs.get("id"): n.text() for n in nodes(tree)}
    described = [hints[b.attrs["aria-describedby"]] for b in switches]
    assert described[0].startswith("Activé : les synthèses ne disent pas qui a posé chaque question")
    assert "ne tiennent plus dans un code QR se donnent en fichier" in described[1]


def test_the_full_summaries_switch_says_which_codes_it_takes_away():
    room = half_day()
    assert "ne tient plus dans un code QR" not in screen(room.ws, "summaries", session="s-1")
    long = "".join(f"{n:04x}{n * 7919 % 65521:04x}" for n in range(600))  # 4.8 kB that do not compress away
    room.do({"type": "edit_entry", "id": "r-1-n1", "text": long})
    shareable = {m: share.shareable(s) for m, s in member_summaries(room.ws, "s-1", "fr").items()}
    assert shareable == {"m-sophie": False, "m-karim": True, "m-lea": True, "m-marc": True, "m-ines": True}
    room.do({"type": "update_group", "id": "g-1", "full_summaries": True})
    page = screen(room.ws, "summaries", session="s-1")
    # Sophie carried round 1: hers is too long either way; the four others lose theirs to the choice.
    assert not any(share.shareable(s) for s in member_summaries(room.ws, "s-1", "fr").values())
    assert "Avec ce choix, 4 synthèses ne tiennent plus dans un code QR : elles se donnent en fichier." in page


def test_a_summary_too_long_for_a_code_says_so_instead(ws):
    room = half_day()
    room.do({"type": "edit_entry", "id": "r-1-n1", "text": "".join(f"{n:04x}{n * 7919 % 65521:04x}" for n in range(400))})
    assert not share.shareable(member_summary(room.ws, "s-1", "m-sophie", "en"))
    page = screen(room.ws, "summaries", "en", session="s-1")
    assert not [a for a in commands(page) if a["data-command"] == "summary-qr" and a["data-member-id"] == "m-sophie"]
    assert "Too long for a QR code: hand over the file." in page
    assert [a for a in commands(page) if a["data-command"] == "summary-qr" and a["data-member-id"] == "m-karim"]


def test_without_a_next_date_the_screen_says_where_to_set_it():
    room = half_day()
    room.do({"type": "set_next_session", "session_id": "s-1", "date": "", "place": ""})
    page = screen(room.ws, "summaries", "en", session="s-1")
    assert "The next session's date is not set yet." in page and 'href="#/session?id=s-1"' in page
    assert not [a for a in commands(page) if a["data-command"] == "summary-ics"]


def test_an_unknown_session_gets_a_clear_page(ws):
    page = screen(ws, "summaries", session="nope")
    assert html_tree(page).find("h1").text() == "Cette séance n’existe pas, ou plus."


def test_the_qr_dialog_content():
    from app.markup import Markup
    from app.views.summaries import qr_dialog

    view = View(ws=half_day().ws, lang="en")
    markup = qr_dialog(view, "<Zoé>", Markup('<svg viewBox="0 0 10 10"></svg>'), "https://cercle.example.org/#/shared-summary?s=abc")
    tree = html_tree(markup)
    assert tree.find("h2").text() == "<Zoé>'s summary" and "&lt;Zoé&gt;" in markup
    assert tree.find("svg") is not None and tree.find("a").attrs["href"] == "https://cercle.example.org/#/shared-summary?s=abc"
    assert tree.find("form").attrs == {"method": "dialog"}
    assert tree.find("p", "error") is None  # an address a phone can reach: no warning
    local = html_tree(qr_dialog(view, "Zoé", Markup("<svg></svg>"), "http://127.0.0.1:8000/#/shared-summary?s=abc"))
    assert "a phone will not be able to open this link" in local.find("p", "error").text()


def test_the_history_shows_who_carried_what_and_the_open_actions(ws):
    page = screen(ws, "history", "en", group="g-1")
    tree = html_tree(page)
    assert tree.find("h1").text() == "History — Cadres de santé — CHU Nord"
    tables = [node for node in _all(tree, "table")]
    carried, members, still_open, trend = (_rows(t) for t in tables)
    assert carried == [
        ["Thursday 3 December 2026", "1", "Sophie Garnier", "Un cadre expérimenté conteste mes décisions en réunion", "2"],
        ["Thursday 3 December 2026", "2", "Léa Fontaine", "Dire non au calendrier du siège", "2"],
        ["Thursday 3 December 2026", "3", "Inès Carvalho", "Déléguer sans perdre la qualité", "2"],
    ]
    assert members == [
        ["Karim Haddad", "0", "never"], ["Marc Olivier", "0", "never"],
        ["Sophie Garnier", "1", "Thursday 3 December 2026"], ["Léa Fontaine", "1", "Thursday 3 December 2026"], ["Inès Carvalho", "1", "Thursday 3 December 2026"],
    ]
    # March's follow-up closed one of Sophie's and dropped one of Léa's: four remain open
    assert [(r[0], r[2], r[3]) for r in still_open] == [
        ("Inès Carvalho", "Friday 15 January 2027", "to do"), ("Sophie Garnier", "Monday 1 February 2027", "in progress"),
        ("Léa Fontaine", "Monday 1 February 2027", "to do"), ("Inès Carvalho", "Monday 1 February 2027", "to do"),
    ]
    assert still_open[1][1] == "Écrire avec l'équipe trois règles de réunion" and still_open[1][5] == "Deux règles sur trois écrites."
    assert still_open[1][4] == "Thursday 3 December 2026"
    assert trend == [["Thursday 3 December 2026", "4.4/5", "5", ""]]  # the evaluation's trend (app/views/trend.py); March's is not rated
    sessions = tree.find("ol", "sessions").elements()
    assert [li.find("a").text() for li in sessions] == ["Thursday 11 March 2027", "Thursday 3 December 2026"]
    assert 'href="#/summaries?session=s-1"' in page


def _all(node, tag):
    for child in node.elements():
        if child.tag == tag:
            yield child
        yield from _all(child, tag)


def _rows(table):
    body = table.find("tbody")
    return [[td.text() for td in tr.elements()] for tr in body.elements()]


def test_the_shared_summary_screen_shows_the_summary_and_stores_nothing(ws):
    summary = member_summary(ws, "s-1", "m-sophie", "fr")
    payload = share.encode(summary)
    page = screen(ws, "shared-summary", "en", z=payload)
    tree = html_tree(page)
    assert tree.find("h1").text() == "Synthèse de séance — Sophie Garnier"
    assert tree.find("article").attrs["lang"] == "fr"
    assert "Tu cherches comment transformer un rival en allié." in page
    assert [a["data-format"] for a in commands(page)] == ["html", "md"]
    assert all(a["data-command"] == "shared-download" for a in commands(page))
    # no intent on this screen can change the workspace or the device's storage
    assert "data-action" not in page and "data-draft" not in page and "aria-keyshortcuts" not in page
    assert "<form" not in page and "<input" not in page


@pytest.mark.parametrize("param, payload", [("z", ""), ("z", "garbage!"), ("z", "ABC123"), ("s", "eJwLSS0uAQAEXQH1")])
def test_a_broken_shared_link_gets_a_clear_message(ws, param, payload):
    page = screen(ws, "shared-summary", "en", **{param: payload})
    tree = html_tree(page)
    assert tree.find("h1").text() == "Unreadable summary"
    assert re.search(r"This link (is incomplete or damaged|does not hold a summary)", page)
    assert "data-action" not in page
