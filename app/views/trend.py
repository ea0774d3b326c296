"""The evaluation's trend across the group's sessions, on its history page: per session, the
average rating, how many rated, and the change from the session before. A table (read by
screen readers as one), no chart."""

from __future__ import annotations

from app.markup import Markup, h
from app.model import Session
from app.views.context import View
from app.views.routes import route
from app.views.parts import link, panel

ANCHOR = "history-trend"


def averages(view: View, sessions: list[Session]) -> list[tuple[Session, float, int]]:
    """The sessions (in the order given) that have ratings, each with its average and count:
    one pass over the entries, as ten years of history make per-session lookups add up."""
    ratings: dict[str, list[int]] = {s.id: [] for s in sessions}
    for e in view.ws.entries.values():
        if e.kind == "evaluation" and e.rating is not None and not e.deleted and e.session_id in ratings:
            ratings[e.session_id].append(e.rating)
    return [(s, sum(ratings[s.id]) / len(ratings[s.id]), len(ratings[s.id])) for s in sessions if ratings[s.id]]


def section(view: View, sessions: list[Session]) -> Markup:
    """Newest first, as the rest of the history; `sessions` oldest first."""
    _ = view._
    rows = []
    previous: float | None = None
    for session, average, count in averages(view, sessions):
        change = "" if previous is None else _("trend.change", delta=("+" if average >= previous else "−") + view.number(abs(round(average - previous, 1))))
        rows.append(
            h(
                "tr",
                {},
                h("th", {"scope": "row"}, link(route("session", id=session.id), view.date(session.date))),
                h("td", {}, _("trend.average", average=view.number(round(average, 1)))),
                h("td", {}, str(count)),
                h("td", {}, change),
            )
        )
        previous = average
    heads = [_("trend.col.session"), _("trend.col.average"), _("trend.col.count"), _("trend.col.change")]
    table = h(
        "table",
        {"class": "plan trend", "aria-labelledby": ANCHOR},
        h("thead", {}, h("tr", {}, [h("th", {"scope": "col"}, text) for text in heads])),
        h("tbody", {}, list(reversed(rows))),
    )
    return panel(ANCHOR, _("trend.title"), table if rows else h("p", {"class": "empty"}, _("trend.none")))
