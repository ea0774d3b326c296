"""The choice step's vote: which ballot is open, its counts, and the ties to decide.

A session votes one way (`Session.voting`): one vote each, N dots each (`Session.dots`, a
member may put several on one problem), or a secret vote, one vote each, whose counts and
voters stay hidden until the animateur reveals them (`Round.revealed`). The session's vote
is ballot "" (its votes carry over to the session's next round, as before); a tie may be
settled by a second vote between the tied problems, ballot "<round id>/<n>", whose votes
are its own (`Round.ballot` counts them, `Round.runoff` names the tied problems).
"""

from __future__ import annotations

from collections import Counter

from app.model import Pitch, Round, Session, Vote, Workspace


def ballot(round_: Round) -> str:
    """The key of the ballot a round's choice step votes in now."""
    return f"{round_.id}/{round_.ballot}" if round_.ballot else ""


def cast(ws: Workspace, session: Session, round_: Round) -> list[Vote]:
    """The votes (or dots) cast in the round's open ballot, oldest first."""
    key = ballot(round_)
    found = [v for v in ws.votes.values() if v.session_id == session.id and v.ballot == key and not v.deleted]
    return sorted(found, key=lambda v: (v.created, v.id))


def allowance(session: Session) -> int:
    """How many votes each member has in a ballot."""
    return session.dots if session.voting == "dots" else 1


def counts(votes: list[Vote]) -> Counter[str]:
    return Counter(v.pitch_id for v in votes)


def hidden(session: Session, round_: Round) -> bool:
    """Whether the screens keep the counts and who voted what to themselves."""
    return session.voting == "secret" and not round_.revealed


def in_ballot(round_: Round, pitch: Pitch) -> bool:
    """Whether a problem is voted on in the open ballot (a second vote takes the tied ones)."""
    return not round_.runoff or pitch.id in round_.runoff


def tied(votes: list[Vote], candidates: list[Pitch]) -> list[Pitch]:
    """The problems that share the most votes, when two or more do (in their order)."""
    tally = counts(votes)
    top = max((tally[p.id] for p in candidates), default=0)
    leaders = [p for p in candidates if top and tally[p.id] == top]
    return leaders if len(leaders) > 1 else []


def on_table(ws: Workspace, session: Session, round_: Round) -> list[Pitch]:
    """The problems the round may choose from, in the order they were pitched (those carried
    over from earlier sessions first): a card never moves while the room votes. Withdrawn
    ones stay in place, to be put back."""
    return [p for p in ws.carried_over(session.id) + ws.pitches_of(session.id) if p.round_id in ("", round_.id)]
