"""Sessions whose group record was lost (its stored entry could not be read, and was set
aside): every other screen starts from a group, so they are shown here, on the home screen,
under "unreadable group", with what was said in them. Importing a file that holds the
group puts them back under it."""

from __future__ import annotations

from app.markup import Markup, h
from app.model import Session
from app.views.context import View


def sessions(view: View) -> list[Session]:
    ws = view.ws
    found = [s for s in ws.sessions.values() if not s.deleted and s.group_id not in ws.groups]
    return sorted(found, key=lambda s: (s.date, s.id), reverse=True)


def panel(view: View) -> Markup | None:
    found = sessions(view)
    if not found:
        return None
    _ = view._
    return h(
        "section",
        {"class": "panel orphans", "aria-labelledby": "unreadable-group"},
        h("h2", {"id": "unreadable-group"}, _("storage.orphans.title")),
        h("p", {"class": "hint"}, _("storage.orphans.text")),
        [_session(view, session) for session in found],
    )


def _session(view: View, session: Session) -> Markup:
    _ = view._
    ws = view.ws
    title = view.date(session.date) + (f" · {session.place}" if session.place else "")
    rounds = [
        h(
            "li",
            {},
            h("strong", {}, _("storage.orphans.round", number=r.number)),
            h("p", {}, r.request) if r.request else None,
            _entries(view, ws.entries_of(r.id)),
        )
        for r in ws.rounds_of(session.id)
    ]
    closing = [e for e in ws.entries.values() if e.session_id == session.id and not e.round_id and not e.deleted]
    return h(
        "article",
        {"class": "orphan", "aria-labelledby": f"orphan-{session.id}"},
        h("h3", {"id": f"orphan-{session.id}"}, title),
        h("ul", {}, rounds) if rounds else None,
        _entries(view, sorted(closing, key=lambda e: (e.created, e.id))),
    )


def _entries(view: View, entries) -> Markup | None:
    _ = view._
    if not entries:
        return None
    return h(
        "ul",
        {"class": "entries"},
        [
            h(
                "li",
                {},
                h("span", {"class": "hint"}, _("storage.orphans.kind", kind=_(f"ui.entry.{e.kind}.label"))),
                e.text,
                " " if e.out_of_frame else None,
                h("span", {"class": "tag off"}, _("ui.entry.out_of_frame")) if e.out_of_frame else None,
            )
            for e in entries
        ],
    )
