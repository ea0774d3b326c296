"""The "transfer" screen: export (with an optional passphrase), import with a preview of what
will change, versions to compare after a merge, what this browser stores, and deleting a
group from this device. Also the reminder to export, for other screens to show.

What only the browser knows (storage use, a file being imported, whether the device can
share files) comes in the View (`view.browser`, set by the shell); the screen is a pure
function of the View.
"""

from __future__ import annotations

from datetime import datetime, timezone

from app.sync import shards
from app.clock import parse_stamp
from app.kinds import KIND
from app.markup import Markup, fragment, h
from app.sync.merge import latest_stamp, pending
from app.model import COLLECTIONS, Workspace
from app.views import deletions, set_aside
from app.views.conflicts import notice, protocol_notices
from app.views.context import Incoming, Storage, View
from app.views.routes import route
from app.views.parts import button, crumb, link, page, panel

DAY = 86_400_000
REMIND_AFTER = 7 * DAY


def render(view: View) -> Markup:
    _ = view._
    browser = view.browser
    return page(
        view,
        _("sync.ui.title"),
        _incoming(view, browser.incoming),
        _conflicts(view),
        reminder(view),
        _export(view, browser.can_share),
        _import(view),
        _storage(view, browser.storage),
        _groups(view),
        crumbs=_crumbs(view),
    )


def _crumbs(view: View) -> Markup:
    """Home › the group it was opened from (if any) › this screen."""
    group = view.ws.groups.get(view.route.get("group"))
    here = group.id if group is not None and not group.deleted else ""
    return fragment(
        crumb(view, "group", group.name, id=here) if here else None,
        crumb(view, "transfer", view._("sync.ui.title"), group=here),
    )


def export_due(ws: Workspace, now: int) -> bool:
    """Whether to remind: there is work not exported, and it has waited for a week (since
    the last export, or since the first group was made here)."""
    latest = latest_stamp(ws)
    if not latest or parse_stamp(latest)[0] <= ws.local.exported_at:
        return False
    first = min((parse_stamp(g.created)[0] for g in ws.groups.values()), default=0)
    since = ws.local.exported_at or first
    return bool(since) and now - since >= REMIND_AFTER


def _day(view: View, epoch_ms: int) -> str:
    return view.date(datetime.fromtimestamp(epoch_ms / 1000, timezone.utc).date().isoformat())


def reminder(view: View) -> Markup | None:
    """The reminder to export, for the home screen (and this one)."""
    if not export_due(view.ws, view.now):
        return None
    _ = view._
    exported = view.ws.local.exported_at
    when = _day(view, exported) if exported else _("sync.ui.reminder.never")
    return h(
        "aside",
        {"class": "panel reminder", "aria-labelledby": "export-reminder"},
        h("h2", {"id": "export-reminder"}, _("sync.ui.reminder.title")),
        h("p", {}, _("sync.ui.reminder.text", when=when)),
        None if view.route.screen == "transfer" else link(route("transfer"), _("sync.ui.reminder.go"), "button primary"),
    )


def banner(view: View) -> Markup | None:
    """On every screen while saving fails: where the work is (only on screen, or kept in this
    tab until storage has room), and a way to export it; then, once, that it is written."""
    storage = view.browser.storage
    if view.presentation or not (storage.failed or storage.written_back):
        return None
    _ = view._
    if not storage.failed:
        return h("div", {"class": "panel saved", "role": "status"}, h("p", {}, _("storage.written_back")))
    return h(
        "div",
        {"class": "panel alert", "role": "alert"},
        h("p", {}, _("storage.held" if storage.kept else "sync.storage.failed")),
        None if view.route.screen == "transfer" else link(route("transfer"), _("sync.ui.reminder.go"), "button primary"),
    )


def _passphrase(view: View, name: str, label: str, *, new: bool, form: str) -> Markup:
    """A passphrase field; `form` tells the export's from the unlock's (both can show)."""
    ident = f"f-{form}-{name}"
    attrs = {"id": ident, "name": name, "type": "password", "autocomplete": "new-password" if new else "current-password"}
    return h("div", {"class": "field"}, h("label", {"for": ident}, label), h("input", attrs))


def _export(view: View, can_share: bool) -> Markup:
    _ = view._
    exported = view.ws.local.exported_at
    last = _("sync.ui.export.last", date=_day(view, exported)) if exported else _("sync.ui.export.never")
    return panel(
        "export",
        _("sync.ui.export.title"),
        h("p", {}, _("sync.ui.export.text")),
        h("p", {"class": "hint"}, last),
        h(
            "form",
            {"data-command": "export", "aria-label": _("sync.ui.export.title")},
            _passphrase(view, "passphrase", _("sync.ui.export.passphrase"), new=True, form="export"),
            _passphrase(view, "passphrase_again", _("sync.ui.export.passphrase_again"), new=True, form="export"),
            h("p", {"class": "hint"}, _("sync.ui.export.passphrase_hint")),
            h(
                "div",
                {"class": "links"},
                h("button", {"type": "submit", "class": "primary"}, _("sync.ui.export.download")),
                button(_("sync.ui.export.share"), command="export", share="1") if can_share else None,
            ),
        ),
    )


def _import(view: View) -> Markup:
    _ = view._
    return panel(
        "import",
        _("sync.ui.import.title"),
        h("p", {}, _("sync.ui.import.text")),
        h(
            "div",
            {"class": "field"},
            h("label", {"for": "f-import"}, _("sync.ui.import.pick")),
            h("input", {"id": "f-import", "type": "file", "accept": ".json,application/json", "data-import": "file"}),
        ),
        h("p", {"class": "hint"}, _("sync.ui.import.drop")),
    )




def _incoming(view: View, incoming: Incoming | None) -> Markup | None:
    if incoming is None:
        return None
    _ = view._
    heading = h("h2", {"id": "incoming"}, _("sync.ui.incoming.title", name=incoming.name))
    cancel = button(_("sync.ui.incoming.cancel"), command="import-cancel")
    if incoming.preview is None:
        return h(
            "section",
            {"class": "panel", "aria-labelledby": "incoming"},
            heading,
            h("p", {}, _("sync.error.locked")),
            h(
                "form",
                {"data-command": "import-unlock", "aria-label": _("sync.ui.incoming.unlock")},
                _passphrase(view, "passphrase", _("sync.ui.incoming.passphrase"), new=False, form="unlock"),
                h("div", {"class": "links"}, h("button", {"type": "submit", "class": "primary"}, _("sync.ui.incoming.unlock")), cancel),
            ),
        )
    seen = incoming.preview
    if not seen.changes:
        return h("section", {"class": "panel", "aria-labelledby": "incoming"}, heading, h("p", {}, _("sync.ui.incoming.nothing")), cancel)
    kinds = ("new", "updated", "conflicting", "deleted")
    columns = [getattr(seen, kind) for kind in kinds]
    rows = [
        h(
            "tr",
            {},
            h("th", {"scope": "row"}, _(KIND[name].label)),
            *(h("td", {}, str(counts.get(name, 0))) for counts in columns),
        )
        for name in COLLECTIONS
        if any(counts.get(name) for counts in columns)
    ]
    head = h("tr", {}, h("td", {}), *(h("th", {"scope": "col"}, _(f"sync.ui.incoming.{c}")) for c in kinds))
    return h(
        "section",
        {"class": "panel", "aria-labelledby": "incoming"},
        heading,
        h("p", {}, _("sync.ui.incoming.text")),
        # four columns are wider than a phone: the table scrolls, and takes the focus to scroll by keys
        h("div", {"class": "table-scroll", "role": "region", "tabindex": "0", "aria-labelledby": "incoming"},
          h("table", {"class": "preview"}, h("thead", {}, head), h("tbody", {}, rows))),
        h("p", {"class": "hint"}, _("sync.ui.incoming.conflicts_hint")) if any(seen.conflicting.values()) else None,
        h("p", {"class": "hint"}, _("sync.ui.incoming.deleted_hint")) if any(seen.deleted.values()) else None,
        h("p", {"class": "notice"}, _("sync.ui.incoming.dropped_hint", n=sum(seen.dropped.values()))) if any(seen.dropped.values()) else None,
        deletions.named(view, seen),
        # A file that deletes here is merged only by a button of its own (app/web/commands/transfer.py)
        h("div", {"class": "links"}, button(_("bounds.deletion.confirm"), command="import-merge", cls="danger", deletions="confirmed")
          if seen.deletions else button(_("sync.ui.incoming.merge"), command="import-merge", cls="primary"), cancel),
    )


def _conflicts(view: View) -> Markup | None:
    _ = view._
    items = []
    for name in COLLECTIONS:
        for record in view.ws.collection(name).values():
            others = pending(record, name) if not record.deleted else []
            if others:
                items.append(_conflict(view, name, record, others))
    if not items:
        return None
    return panel(
        "conflicts",
        _("sync.ui.conflicts.title"),
        h("p", {}, _("sync.ui.conflicts.text")),
        h("ul", {"class": "conflicts"}, items),
    )


def _conflict(view: View, name: str, record, others: list[dict]) -> Markup:
    """A record's versions to compare: the same choice as where the room meets it
    (app/views/conflicts.py), under the kind of record."""
    _ = view._
    if name == "protocols":  # text by text, each where it is in the protocol
        title = link(route("protocols", id=record.id), record.protocol.name(view.lang))
        return h("li", {}, h("h3", {}, _(KIND[name].label), " · ", title), protocol_notices(view, record))
    return h("li", {}, h("h3", {}, _(KIND[name].label)), notice(view, name, record))


def _storage(view: View, storage: Storage) -> Markup:
    _ = view._
    kilobytes = max(1, storage.used // 1024) if storage.used else 0
    percent = storage.used * 100 // shards.QUOTA
    nearly_full = storage.used >= shards.WARN_AT * shards.QUOTA
    aside = [
        h(
            "li",
            {},
            set_aside.describe(view, key),
            " ",
            button(_("sync.ui.storage.aside_download"), command="aside-download", key=key),
            " ",
            button(_("sync.ui.storage.aside_delete"), command="aside-delete", key=key, cls="quiet"),
        )
        for key in storage.set_aside
    ]
    return panel(
        "storage",
        _("sync.ui.storage.title"),
        h("p", {}, _("sync.ui.storage.text")),
        h(
            "p",
            {},
            h("meter", {"min": "0", "max": str(shards.QUOTA), "high": str(int(shards.WARN_AT * shards.QUOTA)), "value": str(storage.used), "aria-labelledby": "storage-used"}),
            " ",
            h("span", {"id": "storage-used"}, _("sync.ui.storage.used", kilobytes=kilobytes, percent=percent)),
        ),
        h("p", {"class": "error", "role": "alert"}, _("sync.storage.nearly_full", percent=percent)) if nearly_full else None,
        h("div", {}, h("p", {}, _("sync.ui.storage.aside")), h("ul", {}, aside)) if aside else None,
    )


def _groups(view: View) -> Markup | None:
    _ = view._
    groups = sorted(view.ws.live("groups"), key=lambda g: g.name.casefold())
    if not groups:
        return None
    asked = view.ws.groups.get(view.route.get("delete"))
    rows = []
    for group in groups:
        if asked is not None and group.id == asked.id:
            sessions = len(view.ws.sessions_of(group.id))
            rows.append(
                h(
                    "li",
                    {"class": "confirm", "role": "group", "aria-labelledby": "confirm-delete"},
                    h("p", {"id": "confirm-delete"}, view.plural("sync.ui.delete.confirm", sessions, name=group.name)),
                    button(_("sync.ui.delete.yes", name=group.name), command="delete-group", id=group.id, cls="danger"),
                    " ",
                    link(route("transfer", group=view.route.get("group")), _("sync.ui.delete.no"), "button"),
                )
            )
        else:
            rows.append(h("li", {}, group.name, " ", link(route("transfer", group=view.route.get("group"), delete=group.id), _("sync.ui.delete.ask", name=group.name), "button quiet")))
    return panel(
        "delete",
        _("sync.ui.delete.title"),
        h("p", {}, _("sync.ui.delete.text")),
        h("ul", {"class": "groups"}, rows),
    )
