"""What "the app accepts a workspace" means, as a test can check it: every screen renders
(as tests/test_views*.py render them), every file the summaries screen hands out is made,
and every action either applies or is refused with an ActionError.

tests/test_restore_properties.py runs this on whatever restore accepts.
"""

from __future__ import annotations

from typing import Any, Iterator

from app.summary import calendar, share
from app.actions import ActionError, apply, parse
from app.model import Workspace
from app.summary.summaries import group_summary, member_summaries
from app.summary.files import archive
from app.views import render
from app.views.context import View
from app.views.routes import Route

NOW = 1_780_000_000_000  # a morning in 2026, epoch ms
LANGUAGES = ("fr", "en")


def routes(ws: Workspace) -> Iterator[Route]:
    yield Route("home")
    yield Route("transfer")
    for group_id in ws.groups:
        yield Route("group", (("id", group_id),))
        yield Route("setup", (("group", group_id),))
        yield Route("history", (("group", group_id),))
        yield Route("transfer", (("delete", group_id),))
    for session_id in ws.sessions:
        for screen in ("session", "presentation"):
            yield Route(screen, (("id", session_id),))
        yield Route("summaries", (("session", session_id),))


def render_all(ws: Workspace, languages: tuple[str, ...] = LANGUAGES) -> None:
    for route in routes(ws):
        for language in languages:
            render(View(ws=ws, route=route, lang=language, now=NOW, today="2026-12-01"))


def files_all(ws: Workspace) -> None:
    """The files a summaries screen offers, for every session it shows: live, of a group this
    device holds (the others are refused in words: app/web/commands/summaries.py `_session`)."""
    for session in ws.live("sessions"):
        if session.group_id not in ws.groups:
            continue
        for summary in member_summaries(ws, session.id, "fr").values():
            share.encode(summary)
        group_summary(ws, session.id, "en")
        archive(ws, session.id, "fr")
        calendar.next_session(ws, session.id, now_ms=NOW, language="fr")


def actions(ws: Workspace) -> Iterator[dict[str, Any]]:
    """Actions a person could make from the screens, aimed at every record."""
    yield {"type": "undo"}
    yield {"type": "redo"}
    for group_id in ws.groups:
        yield {"type": "update_group", "id": group_id, "name": "Renommé"}
        yield {"type": "add_member", "group_id": group_id, "name": "Nouvelle"}
        yield {"type": "start_session", "group_id": group_id, "date": "2026-12-01"}
    for member_id in ws.members:
        yield {"type": "rename_member", "id": member_id, "name": "Autre"}
        yield {"type": "remove_member", "id": member_id}
    for session in ws.sessions.values():
        sid = session.id
        yield {"type": "acknowledge_charter", "session_id": sid, "date": "2026-12-01"}
        yield {"type": "finish_followup", "session_id": sid}
        yield {"type": "start_round", "session_id": sid}
        yield {"type": "start_break", "session_id": sid}
        yield {"type": "start_evaluation", "session_id": sid}
        yield {"type": "set_next_session", "session_id": sid, "date": "2027-03-11"}
        yield {"type": "finish_session", "session_id": sid}
        yield {"type": "add_entry", "session_id": sid, "kind": "evaluation", "text": "Bien", "rating": 4}
    for round_ in ws.rounds.values():
        rid = round_.id
        for kind in ("next_step", "previous_step", "pause_timer", "resume_timer", "extend_timer", "next_speaker",
                     "finish_round"):
            yield {"type": kind, "round_id": rid}
        for step in (0, 1, 2, 5, 8):
            yield {"type": "go_to_step", "round_id": rid, "step": step}
        yield {"type": "add_entry", "session_id": round_.session_id, "round_id": rid, "kind": "note", "text": "Note"}
        yield {"type": "set_contract", "round_id": rid, "request_types": ["conseils"], "request": "Aidez-moi"}
        yield {"type": "add_action_item", "round_id": rid, "text": "Agir", "due": "2027-01-15"}
    for entry in ws.entries.values():
        yield {"type": "edit_entry", "id": entry.id, "text": "Corrigé", "answered": True}
        yield {"type": "mark_out_of_frame", "id": entry.id}
        yield {"type": "delete_entry", "id": entry.id}
        if entry.round_id:
            yield {"type": "choose_reformulation", "round_id": entry.round_id, "entry_id": entry.id}
    for pitch in ws.pitches.values():
        yield {"type": "edit_pitch", "id": pitch.id, "title": "Autre"}
        yield {"type": "withdraw_pitch", "id": pitch.id}
        yield {"type": "toggle_vote", "pitch_id": pitch.id, "member_id": pitch.member_id}
        if pitch.round_id:
            yield {"type": "choose_pitch", "round_id": pitch.round_id, "pitch_id": pitch.id}
    for item in ws.action_items.values():
        yield {"type": "edit_action_item", "id": item.id, "text": "Autre", "due": "2027-02-01"}
        for session_id in ws.sessions:
            yield {"type": "update_action_item", "id": item.id, "session_id": session_id, "status": "done"}
    for name in ("groups", "sessions", "rounds", "entries"):
        for record in ws.collection(name).values():
            if record.conflicts:
                yield {"type": "resolve_conflict", "collection": name, "id": record.id}


def act(ws: Workspace, action: dict[str, Any]) -> None:
    """The action applies, and the sessions still render after it, or it is refused in words:
    an ActionError, or data the action's model refuses (the shell says "ui.error.invalid",
    app/web/app.py), such as an empty id taken from a record that has lost its owner."""
    from pydantic import ValidationError

    try:
        after = apply(ws, parse(action), now=NOW, device="d-test")
    except (ActionError, ValidationError):
        return
    for session_id in after.sessions:
        render(View(ws=after, route=Route("session", (("id", session_id),)), lang="fr", now=NOW, today="2026-12-01"))


def act_all(ws: Workspace) -> None:
    for action in actions(ws):
        act(ws, action)


def exercise(ws: Workspace) -> None:
    render_all(ws)
    files_all(ws)
    act_all(ws)
