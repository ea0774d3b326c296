"""The vote at the choice step (app/voting.py): the mode, the votes and dots, revealing a
secret vote, a second vote between tied problems."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from app import voting
from app.actions.core import Action, ActionError, Id, NewId, Tx
from app.model import Pitch, Round, Session, Vote, VotingMode


def _choosing(tx: Tx, session: Session) -> Round:
    """The session's round at its choice step, else a refusal."""
    round_ = tx.rounds.get(session.current_round_id) if session.current_round_id else None
    if round_ is None or round_.deleted or session.protocol.steps[round_.step].capture != "vote":
        raise ActionError("error.vote.not_now")
    return round_


def _choosing_round(tx: Tx, round_id: str) -> tuple[Session, Round]:
    round_ = tx.live_round(round_id)
    session = tx.session_of(round_)
    if session.protocol.steps[round_.step].capture != "vote":
        raise ActionError("error.vote.not_now")
    return session, round_


class _Ballot(Action):
    """A member's vote or dot for a pitch, in the open ballot of the session whose choice it
    is (by default the one where the pitch was made): a pitch carried over from an earlier
    session is voted on afresh, like a new one."""

    pitch_id: Id
    member_id: Id
    session_id: str = ""

    def _open(self, tx: Tx, mode: str) -> tuple[Session, Round, list[Vote]]:
        """The session, its round, and this member's votes in the open ballot; refused
        unless the pitch can be voted on now, in this mode, by this member."""
        pitch: Pitch = tx.pitches.need(self.pitch_id)
        session = tx.sessions.need(self.session_id or pitch.session_id)
        if pitch.group_id != session.group_id or pitch.withdrawn:
            raise ActionError("error.pitch.unavailable")
        round_ = _choosing(tx, session)
        if pitch.round_id not in ("", round_.id):
            raise ActionError("error.pitch.unavailable")
        tx.attendee(session, self.member_id)
        if not voting.in_ballot(round_, pitch):
            raise ActionError("vote.error.not_in_runoff")
        if (session.voting == "dots") != (mode == "dots"):
            raise ActionError("vote.error.other_mode")
        if session.voting == "secret" and round_.revealed:
            raise ActionError("vote.error.revealed")
        mine = [v for v in voting.cast(tx.ws, session, round_) if v.member_id == self.member_id]
        return session, round_, mine

    def _add(self, tx: Tx, session: Session, round_: Round) -> None:
        vote = Vote(id=self.id, session_id=session.id, pitch_id=self.pitch_id, member_id=self.member_id, ballot=voting.ballot(round_))
        tx.votes.create(vote)


class ToggleVote(_Ballot):
    """One vote each: a member's vote goes to this pitch (from another, where it was), or,
    on this pitch already, is taken back; a secret vote is never taken back by a second
    press (nobody sees it was there), only moved."""

    type: Literal["toggle_vote"] = "toggle_vote"
    id: NewId

    def perform(self, tx: Tx) -> None:
        session, round_, mine = self._open(tx, "one")
        here = [v for v in mine if v.pitch_id == self.pitch_id]
        if here and session.voting == "secret":
            return
        for vote in mine:
            tx.votes.delete(vote.id)
        if not here:
            self._add(tx, session, round_)


class AddDot(_Ballot):
    """Dot voting: one more of the member's dots on this pitch, while they have some left."""

    type: Literal["add_dot"] = "add_dot"
    id: NewId

    def perform(self, tx: Tx) -> None:
        session, round_, mine = self._open(tx, "dots")
        if len(mine) >= session.dots:
            name = tx.members.need(self.member_id).name
            raise ActionError("vote.error.no_dots_left", name=name, count=session.dots)
        self._add(tx, session, round_)


class RemoveDot(_Ballot):
    """Dot voting: the member takes one of their dots back from this pitch."""

    type: Literal["remove_dot"] = "remove_dot"

    def perform(self, tx: Tx) -> None:
        _session, _round, mine = self._open(tx, "dots")
        here = [v for v in mine if v.pitch_id == self.pitch_id]
        if not here:
            raise ActionError("vote.error.no_dot")
        tx.votes.delete(here[-1].id)


class SetVoting(Action):
    """How the group votes: chosen at setup, changed at the choice step until a vote is cast."""

    type: Literal["set_voting"] = "set_voting"
    session_id: Id
    voting: VotingMode
    dots: int = Field(default=3, ge=2, le=3)

    def perform(self, tx: Tx) -> None:
        session = tx.sessions.need(self.session_id)
        if session.stage == "finished":
            raise ActionError("error.session.finished")
        if any(v.session_id == session.id and not v.deleted for v in tx.ws.votes.values()):
            raise ActionError("vote.error.already_cast")
        tx.sessions.update(session.id, voting=self.voting, dots=self.dots)


class RevealVotes(Action):
    """The animateur shows a secret vote's counts and who voted what."""

    type: Literal["reveal_votes"] = "reveal_votes"
    round_id: Id

    def perform(self, tx: Tx) -> None:
        session, round_ = _choosing_round(tx, self.round_id)
        if session.voting != "secret":
            raise ActionError("vote.error.not_secret")
        if round_.revealed:
            raise ActionError("vote.error.already_revealed")
        tx.rounds.update(round_.id, revealed=True)


class StartRunoff(Action):
    """A second vote between the problems tied at the top: its votes are its own, the first
    round's stay as they were (the summary says how the problem was chosen)."""

    type: Literal["start_runoff"] = "start_runoff"
    round_id: Id

    def perform(self, tx: Tx) -> None:
        session, round_ = _choosing_round(tx, self.round_id)
        if voting.hidden(session, round_):
            raise ActionError("vote.error.hidden")
        candidates = [p for p in voting.on_table(tx.ws, session, round_) if voting.in_ballot(round_, p)]
        tied = voting.tied(voting.cast(tx.ws, session, round_), candidates)
        if not tied:
            raise ActionError("vote.error.no_tie")
        tx.rounds.update(round_.id, ballot=round_.ballot + 1, runoff=tuple(p.id for p in tied), revealed=False)
