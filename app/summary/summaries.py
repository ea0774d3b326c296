"""What each person takes home from a session: the structure of the summaries.

Only the members present at the session get a summary (its attendance, app/model.py): one
excused, absent or who joined the group later gets none. A member's summary holds the
session's frame (date, group, protocol), each round briefly (its carrier, the problem, the
chosen reformulation), their own learnings and their own problem still waiting; the rounds they
carried come in full (the problem as pitched, the request, every contribution, their
synthesis and action plan), and so do all rounds when the group chose fuller summaries. The
group's summary, for the facilitator, holds everything: who was present, excused or absent,
agenda, rounds, evaluation, action plans, follow-ups and the parking lot.

Summaries are built in one language (the protocol's step titles are resolved here) and are
plain data: the renderers (summary_markdown, summary_html) only lay them out, and a member's
summary travels as it is in a shared link (app/summary/share.py). Contributions marked out of frame
never enter them; names are left out of contributions when the group chose anonymous
summaries.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from app import voting
from app.i18n import translator
from app.model import ActionItem, Entry, Round, Session, VotingMode, Workspace, by_carrier, tabled
from app.protocol import CARRIER_ONLY, ENTRY_CAPTURE, named

# What a carrier's round shows, step by step; the group's summary adds the learnings.
ROUND_KINDS = ("note", "question", "reformulation", "intervention", "synthesis")
GROUP_ROUND_KINDS = ROUND_KINDS + ("learning",)
# Kinds whose author is the carrier: never labelled with a name.


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Said(Frozen):
    """One contribution: who said it ("" when anonymous or the carrier's own) and what."""

    who: str = ""
    text: str
    help_type: str = ""  # interventions: the kind of help it offers ("conseils"...)
    rating: int | None = None  # evaluations


class Section(Frozen):
    """The contributions of one protocol step, under that step's title."""

    kind: str
    title: str
    said: tuple[Said, ...]


class Commitment(Frozen):
    """An action of a carrier's plan, with its follow-up when it was reviewed."""

    owner: str
    text: str
    due: str = ""
    with_whom: str = ""
    status: str = "open"
    comment: str = ""
    decided: str = ""  # the date of the session where it was decided


class RoundSummary(Frozen):
    number: int
    carrier: str
    problem: str = ""  # the pitch's title
    roles: tuple[tuple[str, str], ...] = ()  # (role, who held it) for the roles held per round
    full: bool = False  # False: only carrier, problem and chosen reformulation
    problem_text: str = ""
    reformulation: Said | None = None
    request_types: tuple[str, ...] = ()
    request: str = ""
    sections: tuple[Section, ...] = ()
    actions: tuple[Commitment, ...] = ()


class Frame(Frozen):
    """The session's frame, shared by every summary of it."""

    language: str
    group: str
    date: str
    place: str = ""
    protocol: str
    anonymous: bool = False
    next_date: str = ""
    next_place: str = ""
    roles: tuple[tuple[str, str], ...] = ()  # (role, who held it), in the protocol's order


class Learning(Frozen):
    round: int
    text: str


class AgendaItem(Frozen):
    member: str
    title: str
    votes: int | None = 0  # in the session's vote (dots counted one by one); None: a secret vote never revealed
    second: int | None = None  # in the last second vote between tied problems, if it was in one and it was shown
    round: int = 0  # the round that examined it, 0 if none did
    pitched: str = ""  # the date it was pitched


class MemberSummary(Frozen):
    kind: Literal["member"] = "member"
    frame: Frame
    member: str
    carried: tuple[int, ...] = ()  # the numbers of the rounds this member carried
    rounds: tuple[RoundSummary, ...] = ()
    learnings: tuple[Learning, ...] = ()
    followups: tuple[Commitment, ...] = ()
    waiting: tuple[AgendaItem, ...] = ()  # their own problems no round has examined yet
    still_open: tuple[Commitment, ...] = ()  # their actions from earlier sessions, still open


class GroupSummary(Frozen):
    kind: Literal["group"] = "group"
    frame: Frame
    members: tuple[str, ...]  # those present
    excused: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    voting: VotingMode = "one"  # how the group voted (app/voting.py)
    dots: int = 3
    rounds: tuple[RoundSummary, ...] = ()
    evaluation: tuple[Said, ...] = ()
    actions: tuple[Commitment, ...] = ()
    followups: tuple[Commitment, ...] = ()
    parking_lot: tuple[AgendaItem, ...] = ()

    @property
    def average_rating(self) -> float | None:
        ratings = [s.rating for s in self.evaluation if s.rating is not None]
        return round(sum(ratings) / len(ratings), 1) if ratings else None


Summary = MemberSummary | GroupSummary


# Building -------------------------------------------------------------------------------


class _Reader:
    """The workspace seen from one session, in one language. What the session said is
    gathered by round once: a group's ten years of entries are read once per summary
    screen, not once per member and round."""

    def __init__(self, ws: Workspace, session_id: str, language: str) -> None:
        self.ws = ws
        self.session: Session = ws.sessions[session_id]
        self.group = ws.groups[self.session.group_id]
        self.language = language
        self.rounds = [r for r in ws.rounds_of(session_id) if r.carrier_id]
        self.by_round: dict[str, list[Entry]] = {r.id: [] for r in self.rounds}
        for entry in ws.entries.values():
            if entry.session_id == session_id and entry.round_id in self.by_round and not entry.deleted and not entry.out_of_frame:
                self.by_round[entry.round_id].append(entry)
        for entries in self.by_round.values():
            entries.sort(key=lambda e: (e.created, e.id))

    def name(self, member_id: str) -> str:
        # Members removed since still have their name in the sessions they took part in.
        member = self.ws.members.get(member_id)
        return member.name if member else ""

    def who(self, entry: Entry) -> str:
        if entry.kind in CARRIER_ONLY or self.group.anonymous_summaries:
            return ""
        return self.name(entry.author_id)

    def said(self, entry: Entry) -> Said:
        return Said(who=self.who(entry), text=entry.text, help_type=entry.help_type, rating=entry.rating)

    def frame(self) -> Frame:
        s = self.session
        return Frame(
            language=self.language,
            group=self.group.name,
            date=s.date,
            place=s.place,
            protocol=named(s.protocol, translator(self.language), self.language),
            anonymous=self.group.anonymous_summaries,
            next_date=s.next_date,
            next_place=s.next_place,
            roles=tuple((r.name(self.language), self.name(s.roles[r.key])) for r in s.protocol.roles if r.key in s.roles),
        )

    def sections(self, round_: Round, kinds: tuple[str, ...]) -> tuple[Section, ...]:
        """Per protocol step capturing one of `kinds`, what was said there (in frame)."""
        steps = self.session.protocol.steps
        keys = {s.key for s in steps}
        entries = [e for e in self.by_round[round_.id] if e.kind in kinds]
        found = []
        for step in steps:
            kind = next((k for k in kinds if ENTRY_CAPTURE[k] == step.capture), None)
            if kind is None:
                continue
            first = next(s.key for s in steps if s.capture == step.capture) == step.key
            said = tuple(
                self.said(e)
                for e in entries
                if e.kind == kind and (e.step == step.key or (first and e.step not in keys))
            )
            if said:
                found.append(Section(kind=kind, title=step.title(self.language), said=said))
        return tuple(found)

    def commitment(self, item: ActionItem) -> Commitment:
        round_ = self.ws.rounds.get(item.round_id)
        session = self.ws.sessions.get(round_.session_id) if round_ else None
        return Commitment(
            owner=self.name(item.owner_id),
            text=item.text,
            due=item.due,
            with_whom=item.with_whom,
            status=item.status,
            comment=item.comment,
            decided=session.date if session else "",
        )

    def round(self, round_: Round, *, full: bool, kinds: tuple[str, ...] = ROUND_KINDS) -> RoundSummary:
        pitch = self.ws.pitches.get(round_.pitch_id)
        chosen = self.ws.entries.get(round_.reformulation_id)
        if chosen is not None and (chosen.deleted or chosen.out_of_frame):
            chosen = None
        brief = RoundSummary(
            number=round_.number,
            carrier=self.name(round_.carrier_id),
            problem=pitch.title if pitch else "",
            roles=tuple((r.name(self.language), self.name(round_.roles[r.key])) for r in self.session.protocol.round_roles if r.key in round_.roles),
            reformulation=self.said(chosen) if chosen else None,
        )
        if not full:
            return brief
        return brief.model_copy(
            update={
                "full": True,
                "problem_text": pitch.text if pitch else "",
                "request_types": round_.request_types,
                "request": round_.request,
                "sections": self.sections(round_, kinds),
                "actions": tuple(self.commitment(a) for a in self.ws.action_items_of(round_.id)),
            }
        )

    def followups(self) -> list[ActionItem]:
        return by_carrier(self.ws.followed_up_in(self.session.id), self.ws.members)

    def parked(self, member_id: str = "") -> tuple[AgendaItem, ...]:
        """The parking lot as it stood after this session (later pitches are not its
        business); only the problems of `member_id` if given."""
        dates = {s.id: s.date for s in self.ws.sessions.values()}
        return tuple(
            AgendaItem(member=self.name(p.member_id), title=p.title, pitched=dates.get(p.session_id, ""))
            for p in self.ws.parking_lot(self.group.id)
            if dates.get(p.session_id, "") <= self.session.date and tabled(p, self.session) and (not member_id or p.member_id == member_id)
        )

    def still_open(self, member_id: str) -> tuple[Commitment, ...]:
        """`member_id`'s actions decided at the group's sessions before this one and still
        open or in progress, those this session reviewed aside (they are its follow-up)."""
        reviewed = {a.id for a in self.followups()}
        found = [self.commitment(a) for a in self.ws.open_action_items(self.group.id, before_session=self.session.id)
                 if a.owner_id == member_id and a.id not in reviewed]
        return tuple(c for c in found if c.decided and c.decided <= self.session.date)

    def attendance(self, presence: str) -> tuple[str, ...]:
        """The names of those with this presence, in the group's order; members removed
        since keep their place and name."""
        found = [m for m in self.ws.members.values() if self.session.attendance.get(m.id) == presence]
        return tuple(m.name for m in sorted(found, key=lambda m: (m.order, m.name, m.id)))


def member_summary(ws: Workspace, session_id: str, member_id: str, language: str) -> MemberSummary:
    return _member_summary(_Reader(ws, session_id, language), member_id)


def _member_summary(read: _Reader, member_id: str) -> MemberSummary:
    full = read.group.full_summaries
    learnings = [
        Learning(round=r.number, text=e.text)
        for r in read.rounds
        for e in read.by_round[r.id]
        if e.kind == "learning" and e.author_id == member_id
    ]
    return MemberSummary(
        frame=read.frame(),
        member=read.name(member_id),
        carried=tuple(r.number for r in read.rounds if r.carrier_id == member_id),
        rounds=tuple(read.round(r, full=full or r.carrier_id == member_id) for r in read.rounds),
        learnings=tuple(learnings),
        followups=tuple(read.commitment(a) for a in read.followups() if full or a.owner_id == member_id),
        waiting=read.parked(member_id),
        still_open=read.still_open(member_id),
    )


def member_summaries(ws: Workspace, session_id: str, language: str) -> dict[str, MemberSummary]:
    """Every member present at the session, by member id, in the group's order."""
    read = _Reader(ws, session_id, language)
    return {m.id: _member_summary(read, m.id) for m in ws.attendees(read.session)}


def _second_vote(ws: Workspace, rounds: list[Round], pitch_id: str) -> int | None:
    """A problem's votes in the last second vote it was in, None if it was in none."""
    for round_ in reversed(rounds):
        if pitch_id in round_.runoff:
            if voting.hidden(ws.sessions[round_.session_id], round_):
                return None  # a secret vote the room never saw: the summary does not tell it either
            key = voting.ballot(round_)
            return sum(v.ballot == key for v in ws.votes_for(pitch_id, round_.session_id))
    return None


def group_summary(ws: Workspace, session_id: str, language: str) -> GroupSummary:
    read = _Reader(ws, session_id, language)
    session = read.session
    numbers = {r.id: r.number for r in read.rounds}
    # The agenda: what was on the table, carried over from earlier sessions or new, with
    # this session's votes (a pitch carried over starts each session with none).
    dates = {s.id: s.date for s in ws.sessions.values()}
    agenda = [
        AgendaItem(
            member=read.name(p.member_id),
            title=p.title,
            votes=None if read.rounds and voting.hidden(session, read.rounds[0]) else sum(v.ballot == "" for v in ws.votes_for(p.id, session.id)),
            second=_second_vote(ws, read.rounds, p.id),
            round=numbers.get(p.round_id, 0),
            pitched=dates.get(p.session_id, ""),
        )
        for p in ws.carried_over(session.id) + ws.pitches_of(session.id)
        if not p.withdrawn
    ]
    rounds = tuple(read.round(r, full=True, kinds=GROUP_ROUND_KINDS) for r in read.rounds)
    return GroupSummary(
        frame=read.frame(),
        members=read.attendance("present"),
        excused=read.attendance("excused"),
        absent=read.attendance("absent"),
        agenda=tuple(agenda),
        voting=session.voting,
        dots=session.dots,
        rounds=rounds,
        evaluation=tuple(
            read.said(e) for e in ws.session_entries(session.id, "evaluation") if not e.out_of_frame
        ),
        actions=tuple(a for r in rounds for a in r.actions),
        followups=tuple(read.commitment(a) for a in read.followups()),
        parking_lot=read.parked(),
    )
