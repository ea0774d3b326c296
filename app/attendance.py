"""Attendance of the sessions stored before it was recorded: who was part of them.

A session stored before attendance existed (its `attendance` is empty: since then every
session records at least two members present, app/actions/sessions.py) gets on reading,
as present, every member of its group who either

- took part in it: carried one of its rounds, pitched, voted or said something in it (an
  entry, its evaluation included), or owns an action decided in one of its rounds; or
- was a member when it began: their record was created no later than the session's (its
  `created` stamp, or its `stamp` for records older than `created`), and not removed
  before then (a removal is a tombstone, stamped when it was made).

Nobody is excused or absent: nothing older says so. A member who joined during the session
and said nothing, or joined later, is not part of it and sees nothing of it, which is the
charter's promise ("what is said in the group stays in the group"). Nothing is stamped:
every device reading the same records finds the same attendance, and the first change to
the session stores it.

A session needs `MIN_PRESENT` present to run a round. Each action keeps to it, but a merge
decides each member's presence apart (app/paths.py): two devices each marking a different
member absent can leave fewer. The merge keeps both corrections, as each was right where it
was made; the session's screens say what is short and how to fix it (`short`), starting a
round waits for it, and a correction towards the minimum is accepted.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.model import Member, Session, Workspace

MIN_PRESENT = 2  # a carrier and someone to consult


def present(attendance: Mapping[str, str]) -> int:
    return sum(p == "present" for p in attendance.values())


def short(session: Session) -> int:
    """How many more members the session needs marked present to run a round (0 once it
    has `MIN_PRESENT`; a session stored before attendance existed is settled on reading)."""
    return max(0, MIN_PRESENT - present(session.attendance)) if session.attendance else 0


def settle(ws: Workspace) -> Workspace:
    """`ws` with an attendance for each session that has none (the rule above)."""
    missing = {s.id: s for s in ws.sessions.values() if not s.attendance}
    if not missing:
        return ws
    took_part = _contributors(ws, set(missing))
    sessions = dict(ws.sessions)
    for session in missing.values():
        began = session.created or session.stamp
        members = [m for m in ws.members.values() if m.group_id == session.group_id]
        ids = {m.id for m in members if m.id in took_part[session.id] or _member_then(m, began)}
        if ids:
            sessions[session.id] = session.model_copy(update={"attendance": dict.fromkeys(sorted(ids), "present")})
    return ws.model_copy(update={"sessions": sessions})


def _member_then(member: Member, began: str) -> bool:
    joined = member.created or member.stamp
    return joined <= began and not (member.deleted and member.stamp <= began)


def _contributors(ws: Workspace, sessions: set[str]) -> dict[str, set[str]]:
    """Per session, the members who carried, pitched, voted or said something in it, or own
    an action decided there: one pass over each collection."""
    found: dict[str, set[str]] = {s: set() for s in sessions}
    rounds = {r.id: r.session_id for r in ws.rounds.values() if r.session_id in sessions and not r.deleted}
    for r in ws.rounds.values():
        if r.id in rounds and r.carrier_id:
            found[r.session_id].add(r.carrier_id)
    for collection, who in (("pitches", "member_id"), ("votes", "member_id"), ("entries", "author_id")):
        for record in ws.collection(collection).values():
            if record.session_id in sessions and not record.deleted and getattr(record, who):
                found[record.session_id].add(getattr(record, who))
    for item in ws.action_items.values():
        if item.round_id in rounds and not item.deleted:
            found[rounds[item.round_id]].add(item.owner_id)
    return found

