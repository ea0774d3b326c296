"""The protocols a group can run (issue 19): the library's eight, read-only, and the group's
own, each with its steps, times, who speaks and its source; "Adapter" copies one into an
editable protocol, "Nouveau protocole" starts one. The editor changes a protocol of the
group's own (app/actions/protocols.py), with buttons to move steps (no drag), and shows the
plan for a time available as it changes.

Routes: `#/protocols?group=<id>` (the list), `#/protocols?id=<protocol id>` (the editor),
`#/protocols?id=<protocol id>&step=<key>` (the editor with that step's form open: one at a time).
"""

from __future__ import annotations

from typing import get_args

from app.markup import Markup, fragment, h
from app.model import Group, GroupProtocol
from app.protocol import LIBRARY, Capture, Protocol, Speaker, Step
from app.views import protocol_roles, setup
from app.views.conflicts import protocol_notices
from app.views.context import View
from app.views.routes import Route, route
from app.views.parts import button, check_box, crumb, field_id, form, link, page, panel, select_field, submit, text_field

STEP = "step"  # the address's parameter naming the step whose form is open
CAPTURES: tuple[str, ...] = get_args(Capture)
SPEAKERS: tuple[str, ...] = get_args(Speaker)


def render(view: View) -> Markup:
    own = view.ws.protocols.get(view.route.get("id"))
    group = view.ws.groups.get(own.group_id if own is not None else view.route.get("group"))
    if group is None or group.deleted:
        return page(view, view._("protocol.ui.missing"), h("p", {}, link(Route(), view._("ui.nav.home"))))
    if own is not None and not own.deleted:
        return editor(view, group, own)
    return listing(view, group)  # the list also shows after the protocol edited here is deleted


def _crumbs(view: View, group: Group, *more: Markup) -> Markup:
    return fragment(crumb(view, "group", group.name, id=group.id), crumb(view, "protocols", view._("protocol.ui.title"), group=group.id), *more)


def listing(view: View, group: Group) -> Markup:
    _ = view._
    own = view.ws.protocols_of(group.id)
    mine = [card(view, group, p.protocol, own=True) for p in own] or h("p", {"class": "empty"}, _("protocol.ui.none_yet"))
    return page(
        view,
        _("protocol.ui.title_of", group=group.name),
        h("p", {}, _("protocol.ui.intro")),
        h("div", {"class": "entry-fields"},
          h("p", {}, button(_("protocol.ui.new"), "new_protocol", cls="primary", go="protocols", group_id=group.id)),
          h("div", {"class": "field"},
            h("label", {"for": "f-protocol-import"}, _("protocol.ui.import")),
            h("input", {"id": "f-protocol-import", "type": "file", "accept": ".json,application/json", "data-import": "protocol",
                        "aria-describedby": "f-protocol-import-hint"}),
            h("p", {"class": "hint", "id": "f-protocol-import-hint"}, _("protocol.ui.import_hint")))),
        panel("own-protocols", _("protocol.ui.own"), h("ul", {"class": "protocols"}, mine)),
        panel("library", _("protocol.ui.library"), h("ul", {"class": "protocols"}, [card(view, group, p) for p in LIBRARY.values()])),
        crumbs=_crumbs(view, group),
        wide=True,
    )


def card(view: View, group: Group, protocol: Protocol, *, own: bool = False) -> Markup:
    """A protocol in the list: what it is, its steps, and what one can do with it."""
    _ = view._
    members = len(view.ws.members_of(group.id))
    name = protocol.name(view.lang)
    ident = field_id(protocol.id, "protocol")
    facts = [
        view.plural("protocol.count.steps", len(protocol.steps)),
        _("protocol.ui.round_minutes", n=view.number(protocol.round_minutes(members)), members=members),
        _("protocol.ui.sizes", low=protocol.fewest_members, high=protocol.most_members)
        if protocol.fewest_members != protocol.most_members else _("protocol.ui.size", n=protocol.most_members),
    ]
    if own:
        facts.insert(0, _("protocol.ui.version", n=protocol.version))
    actions = [button(_("protocol.ui.adapt"), "adapt_protocol", go="protocols", group_id=group.id, from_id=protocol.id,
                      aria_label=_("protocol.ui.adapt_one", name=name))]
    if own:
        actions[:0] = [
            link(route("protocols", id=protocol.id), _("protocol.ui.edit"), "button primary", **{"aria-label": _("protocol.ui.edit_one", name=name)}),
            button(_("protocol.ui.export"), command="protocol-export", id=protocol.id, aria_label=_("protocol.ui.export_one", name=name)),
        ]
    return h(
        "li",
        {"class": "protocol-card"},
        h("h3", {"id": ident}, name),
        h("p", {"class": "hint"}, protocol.source(view.lang)) if protocol.source(view.lang) else None,
        h("p", {}, " · ".join(facts)),
        h("details", {}, h("summary", {}, _("protocol.ui.steps")), steps_table(view, protocol)),
        h("div", {"class": "buttons"}, actions),
    )


def step_time(view: View, step: Step) -> str:
    _ = view._
    if step.minutes is None:
        return _("ui.setup.untimed_step")
    if step.per_person:
        return _("protocol.ui.per_person", n=view.number(step.minutes))
    return _("ui.setup.step_minutes", n=view.number(step.minutes))


def steps_table(view: View, protocol: Protocol) -> Markup:
    _ = view._
    head = [_("protocol.ui.col.step"), _("protocol.ui.col.time"), _("protocol.ui.col.speaker"), _("protocol.ui.col.capture")]
    rows = [
        h("tr", {}, h("th", {"scope": "row"}, f"{n}. {s.title(view.lang)}"), h("td", {}, step_time(view, s)),
          h("td", {}, _(f"ui.speaker.{s.speaker}")), h("td", {}, _(f"protocol.capture.{s.capture}")))
        for n, s in enumerate(protocol.steps, 1)
    ]
    return h("table", {"class": "plan"}, h("thead", {}, h("tr", {}, [h("th", {"scope": "col"}, t) for t in head])), h("tbody", {}, rows))


def editor(view: View, group: Group, own: GroupProtocol) -> Markup:
    _ = view._
    protocol = own.protocol
    scope = f"protocol-{own.id}"
    about = form(
        "edit_protocol",
        h("div", {"class": "entry-fields"},
          text_field(view, _("protocol.ui.name_fr"), "name_fr", scope, value=protocol.name.fr, required=True, cls="grow"),
          text_field(view, _("protocol.ui.name_en"), "name_en", scope, value=protocol.name.en, required=True, cls="grow")),
        h("div", {"class": "entry-fields"},
          text_field(view, _("protocol.ui.source_fr"), "source_fr", scope, value=protocol.source.fr, multiline=True, cls="grow"),
          text_field(view, _("protocol.ui.source_en"), "source_en", scope, value=protocol.source.en, multiline=True, cls="grow")),
        h("div", {"class": "entry-fields"},
          text_field(view, _("protocol.ui.fewest"), "fewest_members", scope, kind="number", value=str(protocol.fewest_members)),
          text_field(view, _("protocol.ui.most"), "most_members", scope, kind="number", value=str(protocol.most_members))),
        submit(_("protocol.ui.save_about"), cls=""),
        id=own.id,
        label=_("protocol.ui.about"),
    )
    open_ = opened(view, own)
    steps = [step_item(view, own, n, step, step.key == open_) for n, step in enumerate(protocol.steps, 1)]
    name = protocol.name(view.lang)
    return page(
        view,
        _("protocol.ui.editing", name=name),
        h("p", {}, _("protocol.ui.version", n=protocol.version), " · ",
          button(_("protocol.ui.delete"), "delete_protocol", id=own.id, cls="quiet")),
        conflicts(view, own),
        panel("about", _("protocol.ui.about"), about),
        panel("steps", _("protocol.ui.steps"),
              h("p", {}, button(_("protocol.ui.add_first"), "add_step", id=own.id)),
              h("ol", {"class": "protocol-steps"}, steps)),
        protocol_roles.panel_of(view, own),
        panel("preview", _("protocol.ui.preview"),
              text_field(view, _("ui.setup.minutes"), "available_minutes", setup.SCOPE, kind="number", hint=_("protocol.ui.preview_hint")),
              setup.plan(view, group, protocol)),
        crumbs=_crumbs(view, group, crumb(view, "protocols", name, id=own.id)),
        wide=True,
    )


def conflicts(view: View, own: GroupProtocol) -> Markup | None:
    """The protocol's texts edited apart on two devices, each to pick (app/views/conflicts.py)."""
    notices = protocol_notices(view, own)
    if notices is None:
        return None
    return panel("protocol-conflicts", view._("sync.ui.conflicts.title"), h("p", {}, view._("protomerge.conflicts")), notices)


def opened(view: View, own: GroupProtocol) -> str:
    """The key of the step whose form is open (`&step=<key>`), "" for none."""
    key = view.route.get(STEP)
    return key if any(s.key == key for s in own.protocol.steps) else ""


def _toggle_link(view: View, own: GroupProtocol, step: Step, n: int, *, open_: bool) -> Markup:
    """"Modifier" (or "Fermer"): a real link, so that a reload keeps the form open and the back
    button closes it; the shell follows it and puts the focus in the form (or back on the link
    that opened it) rather than on the screen's title, which would scroll away from the step."""
    _ = view._
    title = step.title(view.lang)
    to = view.route.with_params(**{STEP: step.key if open_ else ""})
    focus = field_id("title_fr", _scope(own, step)) if open_ else _open_id(step)
    label, named = ("protocol.ui.edit", "protocol.ui.edit_step") if open_ else ("editor.step.close", "editor.step.close_one")
    return link(to, _(label), "button",
                **{"id": _open_id(step) if open_ else None, "aria-label": _(named, n=n, title=title), "data-command": "go",
                   "data-screen": to.screen, **{f"data-{k}": v for k, v in to.params}, "data-focus": focus})


def _open_id(step: Step) -> str:
    return f"open-{step.key}"


def _scope(own: GroupProtocol, step: Step) -> str:
    return f"protocol-{own.id}-{step.key}"


def step_item(view: View, own: GroupProtocol, n: int, step: Step, open_: bool) -> Markup:
    """A step as a compact row, its form only when it is the open one (all of them at every
    render cost ten times the screen's own: bench/calls.py)."""
    _ = view._
    title = step.title(view.lang)
    last = n == len(own.protocol.steps)
    moves = h(
        "div",
        {"class": "buttons"},
        _toggle_link(view, own, step, n, open_=not open_),
        # Ids that follow the step: the focus stays on the button that moved it (the morph keeps elements by id).
        button(_("protocol.ui.up"), "move_step", id=own.id, step=step.key, to="earlier", disabled=n == 1,
               ident=f"move-{step.key}-earlier", aria_label=_("protocol.ui.up_one", n=n, title=title)),
        button(_("protocol.ui.down"), "move_step", id=own.id, step=step.key, to="later", disabled=last,
               ident=f"move-{step.key}-later", aria_label=_("protocol.ui.down_one", n=n, title=title)),
        button(_("protocol.ui.add_after"), "add_step", id=own.id, after=step.key, aria_label=_("protocol.ui.add_after_one", n=n, title=title)),
        button(_("protocol.ui.remove"), "remove_step", id=own.id, step=step.key, cls="quiet", aria_label=_("protocol.ui.remove_one", n=n, title=title)),
    )
    return h(
        "li",
        {"class": "protocol-step open" if open_ else "protocol-step"},
        h("h3", {}, f"{title}", h("span", {"class": "hint"}, " · ", step_time(view, step), " · ", _(f"ui.speaker.{step.speaker}"))),
        moves,
        step_form(view, own, n, step) if open_ else None,
    )


def step_form(view: View, own: GroupProtocol, n: int, step: Step) -> Markup:
    _ = view._
    scope = _scope(own, step)

    def texts(label: str, field: str, value) -> Markup:
        return h("div", {"class": "entry-fields"}, [
            text_field(view, _(f"protocol.ui.{label}_{lang}"), f"{field}_{lang}", scope, multiline=label != "title",
                       value=getattr(value, lang) if value is not None else "", required=label == "title", cls="grow")
            for lang in ("fr", "en")
        ])

    minutes = "" if step.minutes is None else f"{step.minutes:g}"
    return form(
        "edit_step",
        texts("title", "title", step.title),
        h("div", {"class": "entry-fields"},
          select_field(view, _("protocol.ui.speaker"), "speaker", scope, [(s, _(f"ui.speaker.{s}")) for s in SPEAKERS], value=step.speaker),
          select_field(view, _("protocol.ui.capture"), "capture", scope, [(c, _(f"protocol.capture.{c}")) for c in CAPTURES], value=step.capture)),
        h("div", {"class": "entry-fields"},
          text_field(view, _("protocol.ui.minutes"), "minutes", scope, kind="number", value=minutes),
          h("div", {"class": "checks"},
            check_box(_("protocol.ui.timed"), "timed", step.minutes is not None),
            check_box(_("protocol.ui.per_person_check"), "per_person", step.per_person),
            check_box(_("protocol.ui.once"), "once_per_session", step.once_per_session))),
        texts("do", "do", step.do),
        texts("dont", "dont", step.dont),
        texts("script", "script", step.script),
        texts("coach", "coach", step.coach),
        submit(_("protocol.ui.save_step")),
        id=own.id,
        step=step.key,
        label=_("protocol.ui.edit_step", n=n, title=step.title(view.lang)),
    )
