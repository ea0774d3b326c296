"""How a summary reads: its headings, fields and lists, translated, in order.

The layout is decided once here as a few plain blocks; summary_render turns the same blocks
into Markdown and into a standalone HTML page, so the two formats never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.dates import long_date
from app.i18n import Translate, translator
from app.summary.summaries import Commitment, GroupSummary, MemberSummary, RoundSummary, Summary


def one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Heading:
    level: int
    text: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", one_line(self.text))


@dataclass(frozen=True)
class Fields:
    """Labels and short values, each on one line."""

    pairs: tuple[tuple[str, str], ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "pairs", tuple((one_line(k), one_line(v)) for k, v in self.pairs))


@dataclass(frozen=True)
class Paragraph:
    text: str
    quiet: bool = False  # a remark about the summary itself, not content


@dataclass(frozen=True)
class Quote:
    text: str
    who: str = ""


@dataclass(frozen=True)
class Item:
    text: str
    who: str = ""
    tags: tuple[str, ...] = ()
    detail: str = ""


@dataclass(frozen=True)
class Items:
    items: tuple[Item, ...]


Block = Heading | Fields | Paragraph | Quote | Items


@dataclass(frozen=True)
class Document:
    language: str
    title: str
    blocks: tuple[Block, ...]
    footer: str
    colon: str  # " : " in French, ": " in English


class _Writer:
    def __init__(self, summary: Summary) -> None:
        self.summary = summary
        self.language = summary.frame.language
        self._: Translate = translator(self.language)
        self.blocks: list[Block] = []

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def date(self, iso: str) -> str:
        return long_date(iso, self.language)

    def label(self, prefix: str, key: str) -> str:
        """A translated label for a data value (a request type, a status); a value the
        catalog does not know (a group's own request type) shows as it is."""
        text = self._(f"{prefix}.{key}")
        return key if text == f"{prefix}.{key}" else text

    def frame(self, extra: tuple[tuple[str, str], ...] = ()) -> None:
        f, _ = self.summary.frame, self._
        pairs = [(_("summary.field.group"), f.group), (_("summary.field.date"), self.date(f.date))]
        if f.place:
            pairs.append((_("summary.field.place"), f.place))
        pairs.append((_("summary.field.protocol"), f.protocol))
        self.add(Fields(tuple(pairs) + f.roles + extra))
        if f.anonymous:
            self.add(Paragraph(_("summary.anonymous"), quiet=True))

    def plan_tags(self, c: Commitment) -> tuple[str, ...]:
        """With whom, by when ("quoi, avec qui, pour quand")."""
        _ = self._
        tags = [_("closing.plan.with_whom", names=c.with_whom)] if c.with_whom else []
        if c.due:
            tags.append(_("summary.due", date=self.date(c.due)))
        return tuple(tags)

    def commitments(self, title: str, items: tuple[Commitment, ...], *, owners: bool, followup: bool) -> None:
        if not items:
            return
        _ = self._
        lines = []
        for c in items:
            tags = []
            if followup:
                tags.append(self.label("summary.status", c.status))
                if c.decided:
                    tags.append(_("summary.decided", date=self.date(c.decided)))
            tags.extend(self.plan_tags(c))
            detail = _("summary.comment", comment=c.comment) if c.comment else ""
            lines.append(Item(c.text, who=c.owner if owners else "", tags=tuple(tags), detail=detail))
        self.add(Heading(2, title), Items(tuple(lines)))

    def round(self, r: RoundSummary, *, yours: bool) -> None:
        _ = self._
        title = _("summary.round.yours", number=r.number) if yours else _("summary.round", number=r.number, carrier=r.carrier)
        self.add(Heading(2, title))
        pairs = ([(_("summary.problem"), r.problem)] if r.problem else []) + list(r.roles)
        if not r.full:
            if r.reformulation:
                who = f" ({r.reformulation.who})" if r.reformulation.who else ""
                pairs.append((_("summary.reformulation"), r.reformulation.text + who))
            if pairs:
                self.add(Fields(tuple(pairs)))
            return
        if pairs:
            self.add(Fields(tuple(pairs)))
        if r.problem_text:
            self.add(Paragraph(r.problem_text))
        contract_done = False
        for section in r.sections:
            if not contract_done and section.kind in ("intervention", "synthesis", "learning"):
                self.contract(r)  # where the protocol has it: after the exploration
                contract_done = True
            lines = tuple(
                Item(
                    s.text,
                    who=s.who,
                    tags=(self.label("summary.request_type", s.help_type),) if s.help_type else (),
                )
                for s in section.said
            )
            self.add(Heading(3, section.title), Items(lines))
        if not contract_done:
            self.contract(r)
        if r.actions:
            lines = tuple(Item(a.text, tags=self.plan_tags(a)) for a in r.actions)
            self.add(Heading(3, _("summary.actions")), Items(lines))

    def contract(self, r: RoundSummary) -> None:
        """The carrier's choice of a reformulation and their request to the group."""
        _ = self._
        if r.reformulation:
            self.add(Heading(3, _("summary.reformulation")), Quote(r.reformulation.text, r.reformulation.who))
        if r.request_types or r.request:
            self.add(Heading(3, _("summary.request")))
            if r.request_types:
                kinds = ", ".join(self.label("summary.request_type", t) for t in r.request_types)
                self.add(Fields(((_("summary.request_types"), kinds),)))
            if r.request:
                self.add(Paragraph(r.request))

    def rounds(self, rounds: tuple[RoundSummary, ...], carried: tuple[int, ...] = ()) -> None:
        if not rounds:
            self.add(Paragraph(self._("summary.no_rounds"), quiet=True))
        for r in rounds:
            self.round(r, yours=r.number in carried)

    def next_session(self) -> None:
        f, _ = self.summary.frame, self._
        if not f.next_date:
            return
        pairs = [(_("summary.field.date"), self.date(f.next_date))]
        if f.next_place:
            pairs.append((_("summary.field.place"), f.next_place))
        self.add(Heading(2, _("summary.next")), Fields(tuple(pairs)))

    def document(self, title: str) -> Document:
        return Document(self.language, title, tuple(self.blocks), self._("summary.footer"), self._("summary.colon"))


def _member(s: MemberSummary) -> Document:
    w = _Writer(s)
    _ = w._
    w.frame()
    others = any(c.owner != s.member for c in s.followups)  # fuller summaries: everyone's
    w.commitments(_("summary.followups"), s.followups, owners=others, followup=True)
    w.commitments(_("roles.summary.still_open"), s.still_open, owners=False, followup=True)
    w.rounds(s.rounds, s.carried)
    w.add(Heading(2, _("summary.learnings")))
    if s.learnings:
        w.add(Items(tuple(Item(x.text, who=_("summary.round.short", number=x.round)) for x in s.learnings)))
    else:
        w.add(Paragraph(_("summary.no_learnings"), quiet=True))
    if s.waiting:
        lines = tuple(Item(p.title, tags=(_("summary.pitched", date=w.date(p.pitched)),) if p.pitched else ()) for p in s.waiting)
        w.add(Heading(2, _("summary.your_waiting")), Items(lines))
    w.next_session()
    return w.document(_("summary.title.member", member=s.member))


VOTING = {"one": "vote.mode.one", "dots": "vote.mode.dots", "secret": "vote.mode.secret"}  # how the group voted


def _group(s: GroupSummary) -> Document:
    w = _Writer(s)
    _ = w._
    attendance = ((_("summary.field.present"), s.members), (_("summary.field.excused"), s.excused), (_("summary.field.absent"), s.absent))
    w.frame(tuple((label, ", ".join(names)) for label, names in attendance if names))
    if s.agenda:
        lines = []
        for a in s.agenda:
            votes = None if a.votes is None else _("summary.votes.one" if a.votes == 1 else "summary.votes.many", count=a.votes)
            second = None if a.second is None else _("vote.summary.second", votes=_("summary.votes.one" if a.second == 1 else "summary.votes.many", count=a.second))
            where = _("summary.examined", number=a.round) if a.round else _("summary.waiting")
            lines.append(Item(a.title, who=a.member, tags=tuple(t for t in (votes, second, where) if t)))
        w.add(Heading(2, _("summary.agenda")), Paragraph(_(VOTING[s.voting], count=s.dots)), Items(tuple(lines)))
    w.commitments(_("summary.followups"), s.followups, owners=True, followup=True)
    w.rounds(s.rounds)
    if s.evaluation:
        w.add(Heading(2, _("summary.evaluation")))
        if s.average_rating is not None:
            w.add(Paragraph(_("summary.average", average=_format_number(s.average_rating, _))))
        lines = tuple(
            Item(e.text, who=e.who, tags=(_("summary.rating", rating=e.rating),) if e.rating else ()) for e in s.evaluation
        )
        w.add(Items(lines))
    w.commitments(_("summary.all_actions"), s.actions, owners=True, followup=False)
    if s.parking_lot:
        lines = tuple(
            Item(p.title, who=p.member, tags=(_("summary.pitched", date=w.date(p.pitched)),) if p.pitched else ())
            for p in s.parking_lot
        )
        w.add(Heading(2, _("summary.parking_lot")), Items(lines))
    w.next_session()
    return w.document(_("summary.title.group", group=s.frame.group))


def _format_number(value: float, _: Translate) -> str:
    text = f"{value:g}"
    return text.replace(".", _("summary.decimal_point"))


def layout(summary: Summary) -> Document:
    return _member(summary) if isinstance(summary, MemberSummary) else _group(summary)
