"""Issue 18, item 3: real voting at the choice step. The mode (one vote each, dots, secret),
the refusals, ties settled by a pick or by a second vote, problems carried over voted on
like new ones, the screen that never re-sorts, and the keyboard's keys on it."""

from __future__ import annotations

import re

import pytest

from app import voting
from app.actions import ActionError
from app.views import render
from app.views.context import View
from app.views.routes import route
from support.room import Room

EIGHT = ("Alice", "Bruno", "Chloé", "David", "Émilie", "Farid", "Gaëlle", "Hugo")
TITLES = ("Recadrer un agent", "Un planning intenable", "Une équipe en conflit", "Déléguer")


def choosing(mode: str = "one", dots: int = 3, names=EIGHT[:5], pitches: int = 4) -> Room:
    """Session s-1 at its choice step, round r-1, with `pitches` problems p-0..."""
    room = Room()
    room.group(names)
    room.session(voting=mode, dots=dots)
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    for i in range(pitches):
        room.do({"type": "add_pitch", "id": f"p-{i}", "session_id": "s-1", "member_id": f"m-{i}", "title": TITLES[i % 4] + ("" if i < 4 else f" {i}")})
    room.do({"type": "next_step", "round_id": "r-1"})
    return room


def vote(room: Room, pitch: str, member: str, kind: str = "toggle_vote") -> None:
    room.do({"type": kind, "pitch_id": f"p-{pitch}", "member_id": f"m-{member}"})


def tally(room: Room) -> dict[str, int]:
    session = room.ws.sessions["s-1"]
    counts = voting.counts(voting.cast(room.ws, session, room.current_round()))
    return {p: n for p, n in counts.items() if n}


def refused(room: Room, action: dict) -> str:
    with pytest.raises(ActionError) as caught:
        room.do(action)
    return caught.value.key


def show(room: Room, **params: str) -> str:
    return render(View(ws=room.ws, route=route("session", id="s-1", **params), lang="fr", now=room.now, today="2026-12-01"))


def test_a_session_votes_one_vote_each_by_default_and_a_second_vote_moves_it():
    room = choosing()
    assert room.ws.sessions["s-1"].voting == "one"
    vote(room, "0", "1")
    vote(room, "2", "1")
    assert tally(room) == {"p-2": 1}
    vote(room, "2", "1")  # pressed again: taken back
    assert tally(room) == {}


def test_dots_a_member_spreads_or_stacks_them_but_never_exceeds_their_number():
    room = choosing("dots", dots=3)
    vote(room, "0", "1", "add_dot")
    vote(room, "0", "1", "add_dot")
    vote(room, "2", "1", "add_dot")
    assert tally(room) == {"p-0": 2, "p-2": 1}
    assert refused(room, {"type": "add_dot", "pitch_id": "p-3", "member_id": "m-1"}) == "vote.error.no_dots_left"
    vote(room, "0", "1", "remove_dot")
    vote(room, "3", "1", "add_dot")
    assert tally(room) == {"p-0": 1, "p-2": 1, "p-3": 1}
    assert refused(room, {"type": "remove_dot", "pitch_id": "p-1", "member_id": "m-1"}) == "vote.error.no_dot"
    # one vote each is not how this session votes
    assert refused(room, {"type": "toggle_vote", "pitch_id": "p-1", "member_id": "m-2"}) == "vote.error.other_mode"


def test_two_dots_each_is_configurable():
    room = choosing("dots", dots=2)
    vote(room, "0", "1", "add_dot")
    vote(room, "0", "1", "add_dot")
    assert refused(room, {"type": "add_dot", "pitch_id": "p-0", "member_id": "m-1"}) == "vote.error.no_dots_left"


def test_the_mode_changes_at_the_choice_step_until_a_vote_is_cast():
    room = choosing()
    room.do({"type": "set_voting", "session_id": "s-1", "voting": "dots", "dots": 2})
    assert (room.ws.sessions["s-1"].voting, room.ws.sessions["s-1"].dots) == ("dots", 2)
    vote(room, "0", "1", "add_dot")
    assert refused(room, {"type": "set_voting", "session_id": "s-1", "voting": "one"}) == "vote.error.already_cast"
    with pytest.raises(Exception):  # four dots is not a choice
        room.do({"type": "set_voting", "session_id": "s-1", "voting": "dots", "dots": 4})


def test_a_secret_vote_hides_counts_and_voters_until_revealed_then_takes_no_more():
    room = choosing("secret")
    vote(room, "0", "1")
    vote(room, "0", "2")
    vote(room, "0", "1")  # a second press never takes a secret vote back: nobody saw it
    vote(room, "3", "3")
    page = show(room)
    assert "?" in page and 'aria-pressed="true"' not in page.split('class="pitches"')[1].split('</ol>')[0]
    assert "3 personnes sur 5 ont voté" in page
    assert "Bruno, Chloé, David" in page  # who voted, not what
    assert refused(room, {"type": "start_runoff", "round_id": "r-1"}) == "vote.error.hidden"
    room.do({"type": "reveal_votes", "round_id": "r-1"})
    assert tally(room) == {"p-0": 2, "p-3": 1}
    page = show(room)
    assert 'aria-label="2 voix"' in page and "ont voté" not in page
    assert refused(room, {"type": "toggle_vote", "pitch_id": "p-1", "member_id": "m-4"}) == "vote.error.revealed"
    assert refused(room, {"type": "reveal_votes", "round_id": "r-1"}) == "vote.error.already_revealed"


def test_only_a_secret_vote_is_revealed():
    assert refused(choosing(), {"type": "reveal_votes", "round_id": "r-1"}) == "vote.error.not_secret"


def test_a_tie_is_shown_as_a_tie_and_the_animateur_may_pick_one():
    room = choosing()
    vote(room, "0", "0")
    vote(room, "0", "1")
    vote(room, "2", "2")
    vote(room, "2", "3")
    vote(room, "1", "4")
    page = show(room)
    assert "Égalité entre A, C :" in page
    cards = page.split('class="pitches"')[1].split("</ol>")[0].split("<li")[1:]
    assert ["égalité" in c for c in cards] == [True, False, True, False]
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-2"})
    assert room.current_round().carrier_id == "m-2"
    assert "Égalité" not in show(room)


def test_a_second_vote_between_the_tied_problems_has_its_own_votes():
    room = choosing()
    for pitch, member in (("0", "0"), ("0", "1"), ("2", "2"), ("2", "3"), ("1", "4")):
        vote(room, pitch, member)
    room.do({"type": "start_runoff", "round_id": "r-1"})
    assert room.current_round().runoff == ("p-0", "p-2")
    assert tally(room) == {}  # the first round's votes stay, in their own ballot
    assert len([v for v in room.ws.votes.values() if v.ballot == ""]) == 5
    assert refused(room, {"type": "toggle_vote", "pitch_id": "p-1", "member_id": "m-4"}) == "vote.error.not_in_runoff"
    for member in ("0", "1", "4"):
        vote(room, "2", member)
    vote(room, "0", "2")
    assert tally(room) == {"p-2": 3, "p-0": 1}
    assert "Second vote n° 2" in show(room)
    assert refused(room, {"type": "start_runoff", "round_id": "r-1"}) == "vote.error.no_tie"


def test_problems_carried_over_vote_like_new_ones_in_every_mode():
    room = choosing("dots", dots=2)
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-0"})
    room.do({"type": "finish_round", "round_id": "r-1"})
    room.do({"type": "finish_session", "session_id": "s-1"})
    room.session("s-2", "2027-03-01", voting="dots", dots=2)
    room.do({"type": "start_round", "session_id": "s-2", "id": "r-2"})
    room.do({"type": "next_step", "round_id": "r-2"})
    room.do({"type": "add_dot", "pitch_id": "p-1", "member_id": "m-0", "session_id": "s-2"})
    room.do({"type": "add_dot", "pitch_id": "p-1", "member_id": "m-0", "session_id": "s-2"})
    assert [v.session_id for v in room.ws.votes_for("p-1", "s-2")] == ["s-2", "s-2"]
    page = render(View(ws=room.ws, route=route("session", id="s-2"), lang="fr", now=room.now, today="2027-03-01"))
    card = page[page.index(TITLES[1]):]
    assert "Alice ●●" in card[: card.index("</li>")]


def test_the_cards_keep_their_order_while_votes_are_cast():
    room = choosing("dots", pitches=4)

    def order() -> list[str]:
        page = show(room)
        return sorted(TITLES, key=page.index)

    before = order()
    for member in "0123":
        vote(room, "3", member, "add_dot")
    assert order() == before == list(TITLES)


def test_a_digit_picks_who_votes_and_a_letter_casts_their_vote_on_a_card():
    room = choosing(names=EIGHT, pitches=8)
    page = show(room)
    keys = re.findall(r'<a href="[^"]*voter=m-(\d)[^"]*" class="voter" aria-keyshortcuts="(\d)"', page)
    assert keys == [(str(n), str(n + 1)) for n in range(8)]
    page = show(room, voter="m-2")
    # Chloé's button on each card carries the card's letter, nobody else's does
    lettered = re.findall(r'data-action="toggle_vote" aria-pressed="false" aria-keyshortcuts="([A-H])"[^>]*data-pitch-id="p-(\d)" data-member-id="m-(\d)"', page)
    assert lettered == [(letter, str(n), "2") for n, letter in enumerate("ABCDEFGH")]


def test_the_dots_remove_key_is_shift_and_the_letter():
    room = choosing("dots")
    vote(room, "1", "2", "add_dot")
    page = show(room, voter="m-2")
    assert re.search(r'data-action="remove_dot" aria-keyshortcuts="Shift\+B"[^>]*data-pitch-id="p-1" data-member-id="m-2"', page)
    assert "Bruno" in page and "Chloé ●" in page


def test_setup_offers_the_voting_mode():
    room = Room()
    room.group()
    page = render(View(ws=room.ws, route=route("setup", group="g-1"), lang="fr", now=room.now, today="2026-12-01"))
    assert 'name="voting"' in page and 'name="dots"' in page


def test_the_presentation_window_shows_counts_and_ties_but_a_secret_vote_only_once_revealed():
    room = choosing("secret")
    vote(room, "0", "1")
    vote(room, "2", "2")
    wall = render(View(ws=room.ws, route=route("presentation", id="s-1"), lang="fr", now=room.now, today="2026-12-01"))
    assert "2 personnes sur 5 ont voté" in wall and "1 voix" not in wall and "égalité" not in wall
    room.do({"type": "reveal_votes", "round_id": "r-1"})
    wall = render(View(ws=room.ws, route=route("presentation", id="s-1"), lang="fr", now=room.now, today="2026-12-01"))
    assert wall.count("1 voix") == 2 and wall.count("égalité") == 2 and "ont voté" not in wall


def test_the_group_summary_says_how_the_group_voted_and_a_second_votes_counts():
    from app.summary.summaries import group_summary
    from app.summary.render import markdown

    room = choosing("dots", dots=2)
    for pitch, member in (("0", "0"), ("0", "1"), ("2", "2"), ("2", "3")):
        vote(room, pitch, member, "add_dot")
    room.do({"type": "start_runoff", "round_id": "r-1"})
    for member in ("0", "1", "2"):
        vote(room, "2", member, "add_dot")
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-2"})
    text = markdown(group_summary(room.ws, "s-1", "fr"))
    assert "Vote\u202f: 2 gommettes chacun" in text
    line = next(x for x in text.splitlines() if TITLES[2] in x)
    assert "2 voix" in line and "second vote\u202f: 3 voix" in line
    assert "second vote" not in next(x for x in text.splitlines() if TITLES[1] in x)


def test_a_file_written_before_the_voting_modes_reads_as_one_vote_each():
    from pathlib import Path

    from app.sync import file_format

    fixture = Path(__file__).parent / "fixtures" / "cercle-v2.json"
    assert '"voting"' not in fixture.read_text(encoding="utf-8")
    ws = file_format.load(fixture.read_bytes())
    assert ws.sessions and {(s.voting, s.dots) for s in ws.sessions.values()} == {("one", 3)}
    assert {v.ballot for v in ws.votes.values()} <= {""} and not any(r.runoff or r.ballot or r.revealed for r in ws.rounds.values())


def test_a_secret_vote_never_revealed_stays_out_of_the_summary():
    """The room never saw its counts: the group's summary, which every member takes home,
    does not tell them either; once revealed, it does."""
    from app.summary.render import markdown
    from app.summary.summaries import group_summary

    room = choosing("secret")
    vote(room, "0", "1")
    vote(room, "0", "2")
    vote(room, "3", "3")
    room.do({"type": "choose_pitch", "round_id": "r-1", "pitch_id": "p-0"})
    line = next(x for x in markdown(group_summary(room.ws, "s-1", "fr")).splitlines() if TITLES[0] in x)
    assert "voix" not in line
    room.do({"type": "reveal_votes", "round_id": "r-1"})
    line = next(x for x in markdown(group_summary(room.ws, "s-1", "fr")).splitlines() if TITLES[0] in x)
    assert "2 voix" in line
