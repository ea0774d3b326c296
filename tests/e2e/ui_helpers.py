"""Helpers shared by the UI end-to-end tests: a workspace made in Python (tests/support/room.py)
put in the page's localStorage before the app starts, and small waits."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typing import TYPE_CHECKING

from app.model import COLLECTIONS, Workspace

if TYPE_CHECKING:
    from support.room import Room

PREFIX = "cercle."
ROOT = Path(__file__).resolve().parents[2]


def storage_items(ws: Workspace) -> dict[str, str]:
    """The localStorage items app/web/storage.py reads: app/sync/shards.py's layout once the
    storage uses it, else the first layout (one key per collection, and `local`)."""
    if "shards" in (ROOT / "app" / "web" / "storage.py").read_text(encoding="utf-8"):
        from app.sync import shards

        return shards.items(ws)
    items = {PREFIX + name: json.dumps({k: r.model_dump(mode="json") for k, r in ws.collection(name).items()}) for name in COLLECTIONS}
    items[PREFIX + "local"] = ws.local.model_dump_json(exclude={"undo", "redo"})
    return items


def seed(page, ws: Workspace) -> None:
    """Before any script of the page runs (and only on the first load), store `ws`."""
    script = "(items => { if (!localStorage.getItem('cercle.seeded')) { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); localStorage.setItem('cercle.seeded', '1'); } })(%s)"
    page.add_init_script(script % json.dumps(storage_items(ws)))


def open_seeded(app, ws: Workspace, path: str = "") -> None:
    """The app on the projector's 1280x720, opened at `path` on `ws` stored, pydantic up."""
    app.page.set_viewport_size({"width": 1280, "height": 720})
    seed(app.page, ws)
    app.open(path)
    app.wait_until_checked()


def french(text: str) -> str:
    """A French title as the app writes it (tests/test_typography.py): typographic
    apostrophe, a narrow no-break space before ; : ? ! and inside « »."""
    text = text.replace("'", "\u2019").replace("« ", "«\u202f").replace(" »", "\u202f»")
    return re.sub(r" ([;:?!])", "\u202f\\1", text)


def title_is(page, text: str) -> None:
    """Wait until the screen's title (h1) reads `text`, as the app writes it in French."""
    page.wait_for_function("t => document.querySelector('h1').textContent === t", arg=french(text))


def role_holder(page, role: str) -> str:
    """Who holds `role` in the setup form's menu of that name."""
    return page.get_by_label(role, exact=True).evaluate("s => s.options[s.selectedIndex].text")


def card(page, letter: str):
    """A problem's card at the choice step, by its letter."""
    return page.locator(".pitch", has=page.locator(".letter", has_text=letter))


def dotted(card, text: str):
    """A member's dots button on a card, by what it shows ("Bruno ●●")."""
    return card.locator(f'button[data-action="add_dot"]:text-is("{text}")')


def open_session(page) -> None:
    """From the setup screen: the session opened, its charter acknowledged."""
    page.get_by_role("button", name="Ouvrir la séance").click()
    page.get_by_role("button", name="Le groupe valide la charte").click()


BREAK_ENDS = """() => { const t = JSON.parse(document.querySelector('.break [data-timer]').dataset.timer);
  const d = new Date(t.started_at + t.budget_ms); return `${d.getHours()}\u00a0h\u00a0${String(d.getMinutes()).padStart(2, '0')}`; }"""


def break_ends(page) -> str:
    """When the room is back from the break on screen, as the page's clock writes it ("10 h 40")."""
    return page.evaluate(BREAK_ENDS)


def seconds(clock_text: str) -> int:
    """"12:34" -> 754; "+01:02" (overtime) -> -62."""
    match = re.fullmatch(r"(\+?)(\d+):(\d\d)", clock_text.strip())
    assert match, clock_text
    value = int(match.group(2)) * 60 + int(match.group(3))
    return -value if match.group(1) else value


PEOPLE = ["Amélie Durand", "Bruno Lefèvre", "Chloé Martin", "David N'Diaye", "Émilie Rousseau"]
SITUATIONS = [
    ("Recadrer un agent sans casser la relation", "Un infirmier expérimenté refuse les nouvelles transmissions écrites."),
    ("Un planning qui ne tient jamais", "Chaque semaine, trois absences imprévues et des heures supplémentaires."),
    ("Arriver dans une équipe en conflit", "Deux clans depuis la fusion des services ; je suis la nouvelle cadre."),
    ("Déléguer sans tout vérifier", "Je relis tout le travail de mes adjoints et je n'avance plus."),
    ("Dire non à sa hiérarchie", "La direction me demande d'ouvrir huit lits sans personnel supplémentaire."),
]


def showcase(now: int) -> Room:
    """A group with a session of every stage, every capture filled with plausible text:
    what the screenshots and the accessibility checks look at."""
    from support.room import Room

    room = Room(now=now - 3_600_000)
    members = [{"id": f"m-{i}", "name": name} for i, name in enumerate(PEOPLE)]
    room.do({"type": "create_group", "id": "g-1", "name": "Cadres de santé — Île-de-France", "kind": "cross", "members": members})
    _full_round(room, "s-0", "2026-09-15", carrier=2, finish=True)
    room.do({"type": "finish_session", "session_id": "s-0"})
    room.do({"type": "set_next_session", "session_id": "s-0", "date": "2026-12-15", "place": "Salle Pasteur"})
    _full_round(room, "s-1", "2026-12-01", carrier=4, finish=False)
    for stage in ("followup", "between", "evaluation", "charter"):
        sid = f"s-{stage}"
        room.do({"type": "start_session", "id": sid, "group_id": "g-1", "date": "2026-11-20", "place": "Salle Pasteur"})
        if stage == "charter":
            continue
        room.do({"type": "acknowledge_charter", "session_id": sid, "date": "2026-11-20"})
        if stage == "followup":
            continue
        room.do({"type": "finish_followup", "session_id": sid})
        if stage == "between":
            room.do({"type": "start_break", "session_id": sid, "minutes": 10})
        else:
            room.do({"type": "start_evaluation", "session_id": sid})
            room.do({"type": "add_entry", "session_id": sid, "kind": "evaluation", "author_id": "m-0", "rating": 5, "text": "Très riche, bon rythme."})
            room.do({"type": "add_entry", "session_id": sid, "kind": "evaluation", "author_id": "m-3", "rating": 4, "text": "Un peu court pour les interventions."})
    room.do({"type": "set_preferences", "language": "fr"})
    return room


def _full_round(room, sid: str, date: str, *, carrier: int, finish: bool) -> None:
    room.do({"type": "start_session", "id": sid, "group_id": "g-1", "date": date, "place": "Salle Pasteur"})
    room.do({"type": "acknowledge_charter", "session_id": sid, "date": date})
    if room.ws.sessions[sid].stage == "followup":
        room.do({"type": "finish_followup", "session_id": sid})
    rid = f"r-{sid}"
    room.do({"type": "start_round", "session_id": sid, "id": rid})
    # a member whose problem still waits from an earlier session updates it rather than pitch again
    pending = {p.member_id: p.id for p in room.ws.carried_over(sid) if not (p.round_id or p.withdrawn)}
    pitch = {}
    for i, (title, text) in enumerate(SITUATIONS):
        pitch[i] = pending.get(f"m-{i}", f"p-{sid}-{i}")
        if pitch[i] in pending.values():
            room.do({"type": "edit_pitch", "id": pitch[i], "title": title, "text": text})
        else:
            room.do({"type": "add_pitch", "id": pitch[i], "session_id": sid, "member_id": f"m-{i}", "title": title, "text": text})
    room.do({"type": "next_step", "round_id": rid})
    for voter in (0, 1, 3):
        room.do({"type": "toggle_vote", "pitch_id": pitch[carrier], "member_id": f"m-{voter}", "session_id": sid})
    room.do({"type": "toggle_vote", "pitch_id": pitch[0], "member_id": "m-4", "session_id": sid})
    room.do({"type": "choose_pitch", "round_id": rid, "pitch_id": pitch[carrier]})
    c = f"m-{carrier}"
    others = [f"m-{i}" for i in range(5) if i != carrier]
    room.do({"type": "add_entry", "session_id": sid, "round_id": rid, "kind": "note", "author_id": c, "text": "Fusion il y a six mois ; deux équipes aux habitudes opposées ; la direction attend des résultats rapides."})
    for author, text in zip(others, ["Qui t'a nommée, et avec quelle mission ?", "Que se passe-t-il aux transmissions ?", "Qu'as-tu déjà essayé ?"]):
        room.do({"type": "add_entry", "session_id": sid, "round_id": rid, "kind": "question", "author_id": author, "text": text})
    first_question = room.ws.entries_of(rid, "question")[0].id
    room.do({"type": "edit_entry", "id": first_question, "answered": True})
    for author, text in zip(others, ["Comment trouver ta place sans prendre parti ?", "Comment faire une seule équipe de deux ?", "Comment tenir face à l'urgence de la direction ?", "Comment te protéger toi ?"]):
        room.do({"type": "add_entry", "id": f"ref-{sid}-{author}", "session_id": sid, "round_id": rid, "kind": "reformulation", "author_id": author, "text": text})
    room.do({"type": "choose_reformulation", "round_id": rid, "entry_id": f"ref-{sid}-{others[1]}"})
    room.do({"type": "set_contract", "round_id": rid, "request_types": ["conseils", "temoignages"], "request": "Des idées concrètes pour les deux premiers mois."})
    for author, kind, text in zip(others, ["temoignages", "conseils", "conseils"], ["J'ai vécu une fusion : les rituels communs ont tout changé.", "Rencontre chaque agent seul avant toute réunion.", "Nomme un binôme mixte sur un projet visible."]):
        room.do({"type": "add_entry", "session_id": sid, "round_id": rid, "kind": "intervention", "author_id": author, "help_type": kind, "text": text})
    room.do({"type": "add_entry", "session_id": sid, "round_id": rid, "kind": "intervention", "author_id": others[3], "help_type": "avis", "text": "Et ta vie de couple, ça va ?"})
    room.do({"type": "mark_out_of_frame", "id": room.ws.entries_of(rid, "intervention")[-1].id})
    room.do({"type": "add_entry", "session_id": sid, "round_id": rid, "kind": "synthesis", "author_id": c, "text": "Je commence par écouter chacun, et je crée un rituel commun."})
    room.do({"type": "add_action_item", "id": f"a-{sid}-1", "round_id": rid, "text": "Entretiens individuels avec les douze agents", "due": "2027-01-15"})
    room.do({"type": "add_action_item", "id": f"a-{sid}-2", "round_id": rid, "text": "Un café des transmissions le lundi", "due": "2027-02-01"})
    for i in range(5):
        room.do({"type": "add_entry", "session_id": sid, "round_id": rid, "kind": "learning", "author_id": f"m-{i}", "text": "Écouter avant de décider ; je le retiens pour mon service."})
    if finish:
        room.do({"type": "finish_round", "round_id": rid})
    else:
        room.do({"type": "go_to_step", "round_id": rid, "step": 6})


def with_a_conflict(now: int) -> Workspace:
    """The showcase, its intervention "Rencontre chaque agent…" corrected on the laptop and,
    apart, on a tablet that had the same file; then the tablet's file merged in."""
    from app.sync.merge import merge
    from support.room import Room

    laptop = showcase(now)
    tablet = Room(laptop.ws, device="d-tablet", now=laptop.now)
    entry = next(e for e in laptop.ws.entries_of("r-s-1", "intervention") if e.text.startswith("Rencontre"))
    laptop.do({"type": "edit_entry", "id": entry.id, "text": "Rencontre chaque agent seul, avant toute réunion."})
    tablet.do({"type": "edit_entry", "id": entry.id, "text": "Rencontre chaque agent, un par un, avant la réunion."}, after_s=3)
    return merge(laptop.ws, tablet.ws)
