"""What an import would delete on this device, each deletion named (issue 16, item 9): a
file may carry the tombstone of a whole group or session, which no action here makes, and
a count in a table ("1 updated") hid that. The preview says "Supprime le groupe « X » et
ses 6 séances", "Supprime 3 contributions de la séance du …", and the import then waits for
a confirmation of its own (app/views/transfer.py).

Names come from what this device holds: a deletion empties the text a person wrote."""

from __future__ import annotations

from collections import Counter

from app.markup import Markup, h
from app.sync.merge import Preview
from app.model import Record, Workspace
from app.views.context import View

IN_SESSION = ("rounds", "pitches", "votes", "entries", "action_items")
IN_GROUP = ("members", "protocols")


def _session_of(ws: Workspace, name: str, record: Record) -> str:
    if name == "action_items":
        round_ = ws.rounds.get(record.round_id)
        return round_.session_id if round_ is not None else ""
    return record.session_id


def _group_name(ws: Workspace, group_id: str) -> str:
    group = ws.groups.get(group_id)
    return group.name if group is not None else "—"


def lines(view: View, seen: Preview) -> list[str]:
    """One sentence per group or session deleted (with what it holds), then per session or
    group whose records are deleted (how many of each kind)."""
    ws = view.ws
    gone = {name: set(ids) for name, ids in seen.deletions.items()}
    groups = sorted((ws.groups[i] for i in gone.get("groups", ())), key=lambda g: (g.name.casefold(), g.id))
    found = [view.plural("bounds.deletion.group", len(ws.sessions_of(g.id)), name=g.name) for g in groups]
    lost_groups = gone.get("groups", set())
    sessions = sorted((ws.sessions[i] for i in gone.get("sessions", ()) if ws.sessions[i].group_id not in lost_groups),
                      key=lambda s: (s.date, s.id))
    found += [view._("bounds.deletion.session", date=view.date(s.date), group=_group_name(ws, s.group_id)) for s in sessions]
    lost_sessions = gone.get("sessions", set()) | {s.id for s in ws.sessions.values() if s.group_id in lost_groups}
    counts: Counter[tuple[str, str, str]] = Counter()  # (owner's collection, owner, collection)
    for name in (*IN_SESSION, *IN_GROUP):
        for record_id in gone.get(name, ()):
            record = ws.collection(name)[record_id]
            owner = ("groups", record.group_id) if name in IN_GROUP else ("sessions", _session_of(ws, name, record))
            if owner[1] not in (lost_groups if name in IN_GROUP else lost_sessions):
                counts[(*owner, name)] += 1
    for (owner_kind, owner, name), n in sorted(counts.items(), key=lambda item: _place(ws, *item[0][:2])):
        what = view.plural(f"bounds.count.{name}", n)
        session = ws.sessions.get(owner) if owner_kind == "sessions" else None
        if session is not None:
            found.append(view._("bounds.deletion.in_session", count=what, date=view.date(session.date),
                                group=_group_name(ws, session.group_id)))
        elif owner_kind == "groups" and owner in ws.groups:
            found.append(view._("bounds.deletion.in_group", count=what, group=_group_name(ws, owner)))
        else:
            found.append(view._("bounds.deletion.loose", count=what))
    return found


def _place(ws: Workspace, owner_kind: str, owner: str) -> tuple[str, str]:
    session = ws.sessions.get(owner) if owner_kind == "sessions" else None
    return (session.date, owner) if session is not None else ("~", owner)  # sessions by date, then groups


def named(view: View, seen: Preview) -> Markup | None:
    """The deletions, in a list under their heading; None when the file deletes nothing."""
    found = lines(view, seen)
    if not found:
        return None
    return h("section", {"class": "panel alert deletions", "aria-labelledby": "incoming-deletions"},
             h("h3", {"id": "incoming-deletions"}, view._("bounds.deletion.title")),
             h("ul", {}, [h("li", {}, line) for line in found]),
             h("p", {}, view._("bounds.deletion.confirm_text")))
