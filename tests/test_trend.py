"""The evaluation's trend across sessions, on the group's history page."""

from __future__ import annotations

from support.room import Room
from test_views import show


def evaluated(room: Room, sid: str, date: str, ratings: dict[str, int]) -> None:
    room.session(sid, date)
    room.do({"type": "start_evaluation", "session_id": sid})
    for member, rating in ratings.items():
        room.do({"type": "add_entry", "session_id": sid, "kind": "evaluation", "author_id": member, "rating": rating, "text": "…"})
    room.do({"type": "finish_session", "session_id": sid})


def rows(page: str) -> list[str]:
    table = page[page.index('class="plan trend"') :].split("</table>")[0]
    return [row.split("</tr>")[0] for row in table.split("<tbody>")[1].split("<tr>")[1:]]


def test_the_history_shows_each_sessions_average_newest_first_with_its_change():
    room = Room()
    room.group()
    evaluated(room, "s-1", "2026-09-01", {"m-0": 3, "m-1": 4})
    evaluated(room, "s-2", "2026-10-01", {"m-0": 4, "m-1": 5, "m-2": 5})
    room.session("s-3", "2026-11-01")  # not evaluated: not in the table
    page = show(room, "history", group="g-1")
    assert "Évaluations au fil des séances" in page
    found = rows(page)
    assert len(found) == 2
    assert ">jeudi 1er octobre 2026</a></th>" in found[0] and ">mardi 1er septembre 2026</a></th>" in found[1]
    assert "<td>4,7/5</td><td>3</td><td>+1,2 depuis la précédente</td>" in found[0]
    assert "<td>3,5/5</td><td>2</td><td></td>" in found[1]


def test_a_deleted_rating_leaves_the_average_and_no_rating_says_so():
    room = Room()
    room.group()
    page = show(room, "history", group="g-1")
    assert "Aucune séance n’a encore été évaluée." in page
    evaluated(room, "s-1", "2026-09-01", {"m-0": 2, "m-1": 4})
    gone = next(e.id for e in room.ws.entries.values() if e.rating == 2)
    room.do({"type": "delete_entry", "id": gone})
    assert "<td>4/5</td><td>1</td>" in rows(show(room, "history", group="g-1"))[0]
