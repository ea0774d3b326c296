"""Text that two devices edited apart (app/merge.py), shown where the room meets it: in the
contribution, pitch, action item or request itself, both versions, and a button to keep
each (ResolveConflict). The transfer screen lists every conflict of the workspace; this is
the same choice, in place."""

from __future__ import annotations

from typing import Any

from app.markup import Markup, h
from app.merge import TEXT_FIELDS, pending, version
from app.model import Record
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
    shown = {f: getattr(record, f) for f in fields}
    versions = [(_("ui.conflict.shown"), "", shown)]
    versions += [(_("ui.conflict.other"), version(e["stamp"], e["device"]), e) for e in pending(record, collection)]
    ident = field_id("conflict", record.id)
    return h(
        "div",
        {"class": "conflict", "role": "group", "aria-labelledby": ident},
        h("p", {"id": ident}, h("strong", {}, _("ui.conflict.title")), " ", _("ui.conflict.hint")),
        h("ul", {"class": "versions"}, [_version(view, collection, record, *v) for v in versions]),
    )


def _version(view: View, collection: str, record: Record, label: str, name: str, values: dict[str, Any]) -> Markup:
    _ = view._
    texts = [str(values[f]) for f in TEXT_FIELDS[collection] if values.get(f)]
    first = texts[0] if texts else _("ui.conflict.empty")
    return h(
        "li",
        {},
        h("p", {"class": "version-label"}, label),
        h("blockquote", {}, [h("p", {}, text) for text in texts] or h("p", {"class": "hint"}, first)),
        button(
            _("ui.conflict.keep"),
            "resolve_conflict",
            collection=collection,
            id=record.id,
            version=name,
            aria_label=_("ui.conflict.keep_one", text=short(first)),
        ),
    )
