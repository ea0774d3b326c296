"""Text that two devices edited apart (app/sync/merge.py), shown where the room meets it: in the
contribution, pitch, action item or request itself, both versions, and a button to keep
each (ResolveConflict). The transfer screen lists every conflict of the workspace; this is
the same choice, in place. A protocol's texts are in conflict one by one (app/paths.py):
each names where it is (the step, the text, the language)."""

from __future__ import annotations

from app import paths
from app.markup import Markup, fragment, h
from app.sync.merge import TEXT_FIELDS, Alternative, alternatives, as_json, differing, pending, twinned, version
from app.model import GroupProtocol, Record
from app.views.context import View
from app.views.parts import button, field_id, short


def conflicted(record: Record, collection: str) -> bool:
    return not record.deleted and bool(pending(record, collection))


def notice(view: View, collection: str, record: Record) -> Markup | None:
    """"Edited on two devices": the version shown and each other one, a button to keep it."""
    if not conflicted(record, collection):
        return None
    _ = view._
    fields = TEXT_FIELDS[collection]
    shown = _texts(view, [str(getattr(record, f)) for f in fields if getattr(record, f)])
    versions = [_version(view, _("ui.conflict.shown"), shown, collection=collection, id=record.id, version="")]
    versions += [
        _version(view, _("ui.conflict.other"), _texts(view, [str(e[f]) for f in fields if e.get(f)]),
                 twin_note(view, collection, record, e),
                 collection=collection, id=record.id, version=version(e["stamp"], e["device"]))
        for e in pending(record, collection)
    ]
    return _choice(view, field_id("conflict", record.id), None, versions)


def twin_note(view: View, collection: str, record: Record, entry: dict) -> Markup | None:
    """What the text cannot show: a twin (the same version with other content) that differs
    from the record beyond its text."""
    if not twinned(record, entry):
        return None
    others = [f for f in differing(collection, True) if f not in TEXT_FIELDS[collection]]
    if all(entry.get(f, as_json(getattr(record, f))) == as_json(getattr(record, f)) for f in others):
        return None
    return h("p", {"class": "hint"}, view._("ui.conflict.twin"))


def protocol_notices(view: View, own: GroupProtocol) -> Markup | None:
    """Each text of a group's protocol edited apart: where it is, the text shown and each
    other one, a button to keep it."""
    waiting: dict[str, list[Alternative]] = {}
    for alternative in alternatives(own, "protocols"):
        waiting.setdefault(alternative.path, []).append(alternative)
    if not waiting:
        return None
    shown = paths.flat("protocols", {"protocol": own.protocol.model_dump()})
    keys = [s.key for s in own.protocol.steps]
    order = sorted(waiting, key=lambda p: (keys.index(paths.step_of(p)) + 1 if paths.step_of(p) else 0, p))
    return fragment(*(_protocol_text(view, own, path, shown[path], waiting[path]) for path in order))


def where(view: View, own: GroupProtocol, path: str) -> str:
    """Where a text of a protocol is, in words: "Étape 3 « Exposé » — Ce qu’on fait (français)"."""
    _ = view._
    *_rest, field, language = path.split(paths.SEP)
    key = paths.step_of(path)
    if not key:
        return _(f"protocol.ui.{field}_{language}")
    text = _(f"protomerge.{field}_{language}") if field == "coach" else _(f"protocol.ui.{field}_{language}")
    steps = own.protocol.steps
    n = next(i for i, s in enumerate(steps, 1) if s.key == key)
    return _("protomerge.step_text", n=n, title=steps[n - 1].title(view.lang), text=text)


def _protocol_text(view: View, own: GroupProtocol, path: str, text: str, others: list[Alternative]) -> Markup:
    _ = view._
    versions = [_version(view, _("ui.conflict.shown"), _texts(view, [text] if text else []),
                         collection="protocols", id=own.id, path=path, version="")]
    versions += [
        _version(view, _("ui.conflict.other"), _texts(view, [other.text] if other.text else []),
                 collection="protocols", id=own.id, path=path, version=other.dot)
        for other in others
    ]
    return _choice(view, field_id("conflict", f"{own.id}-{path}"), where(view, own, path), versions)


def _choice(view: View, ident: str, place: str | None, versions: list[Markup]) -> Markup:
    """The versions to pick from, named by the title (and where the text is, for a
    protocol's), the hint apart so that the place reads on its own line."""
    _ = view._
    title = h("strong", {}, _("ui.conflict.title"))
    head = [h("p", {"id": ident}, title, " ", place), h("p", {}, _("ui.conflict.hint"))] if place else [h("p", {"id": ident}, title, " ", _("ui.conflict.hint"))]
    return h("div", {"class": "conflict", "role": "group", "aria-labelledby": ident}, *head, h("ul", {"class": "versions"}, versions))


def _texts(view: View, texts: list[str]) -> tuple[list[str], str]:
    """The paragraphs of a version, and the start of it that names its button."""
    return texts, texts[0] if texts else view._("ui.conflict.empty")


def _version(view: View, label: str, texts: tuple[list[str], str], note: Markup | None = None, **payload: str) -> Markup:
    _ = view._
    paragraphs, first = texts
    return h(
        "li",
        {},
        h("p", {"class": "version-label"}, label),
        h("blockquote", {}, [h("p", {}, text) for text in paragraphs] or h("p", {"class": "hint"}, first)),
        note,
        button(_("ui.conflict.keep"), "resolve_conflict", aria_label=_("ui.conflict.keep_one", text=short(first)), **payload),
    )
