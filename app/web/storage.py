"""The workspace in this browser's localStorage, saved after every action (layout and the
measurements behind it: app/shards.py).

What can go wrong is handled here, so that no word is lost:
- a write refused (the quota is full, or storage is off): the work stays in memory, the
  shards not written are tried again at the next save, and the person is told to export;
- stored data that cannot be read: it is moved aside under `cercle.aside.*` (never
  deleted) and the transfer screen offers to download it; the rest loads;
- two tabs of the app: each merges what the other writes (the `storage` event), with the
  same merge as files, and each tab is a device of its own so their edits never shadow
  each other; the presentation window follows the same way, and never writes.
"""

from __future__ import annotations

import dataclasses

import js
from pyodide.ffi import create_once_callable, create_proxy, jsnull

from app import shards
from app.clock import new_device_id
from app.merge import latest_stamp, merge
from app.model import COLLECTIONS, Workspace
from app.restore import FileFormatError
from app.views.context import Storage
from app.web import checks, files

PREFIX = shards.PREFIX

_layout = shards.Layout(Workspace())
_local = None  # the Local last written
_pending: set[str] = set()  # keys whose last write failed: written again at the next save
_sizes: dict[str, int] = {}  # characters per key of this origin's localStorage
_app = None  # the running app, once install() has run
_unchecked: dict[str, str] | None = None  # what start-up read without pydantic, to read again
_warned = False


def _stored() -> dict[str, str]:
    storage = js.localStorage
    found = {}
    for i in range(int(storage.length)):
        key = str(storage.key(i))
        found[key] = str(storage.getItem(key))
    return found


def load_workspace(*, checked: bool) -> Workspace | None:
    """The saved workspace (an empty one on first use), with a device id of its own.
    Unchecked (before pydantic is loaded, app/web/checks.py): None when the stored data is
    not as this version stores it; `check()` reads it again with every check later."""
    global _unchecked
    stored = _stored()
    _sizes.update({key: len(key) + len(value) for key, value in stored.items()})
    _unchecked = None
    if checked:
        ws, unreadable = shards.read(stored)
        for key, value in unreadable.items():
            _set_aside(key, value)
    else:
        found = shards.read_unchecked(stored)
        if found is None:
            return None
        ws, _unchecked = found, stored
    # A device id per page load: two tabs are two devices, so that the merge of what each
    # writes can tell their edits apart (app/merge.py).
    return _hold(_as_loaded(ws, new_device_id()))


def _as_loaded(ws: Workspace, device: str) -> Workspace:
    local = ws.local.model_copy(update={"device": device, "clock": max(ws.local.clock, latest_stamp(ws))})
    return ws.model_copy(update={"local": local})


def _hold(ws: Workspace) -> Workspace:
    """`ws` is what storage holds: the next save writes what changed from it."""
    global _layout, _local, _pending
    _layout = shards.Layout(ws)
    _local = ws.local
    _pending = set()
    _publish()
    return ws


def check(app) -> None:
    """Once pydantic is up and before any change (app/web/checks.py): the stored data that
    start-up read unchecked, read again with every check. Where they differ (data damaged,
    or written by another version), the checked reading wins and the screen shows it."""
    global _unchecked
    stored, _unchecked = _unchecked, None
    if stored is None:
        return
    ws, unreadable = shards.read(stored)
    for key, value in unreadable.items():
        if str(js.localStorage.getItem(key)) == value:  # another tab may have written it since
            _set_aside(key, value)
    ws = _as_loaded(ws, app.ws.local.device)
    if ws != app.ws:
        app.ws = _hold(ws)
        app.render()
    else:
        _publish()  # what was set aside


def _set_aside(key: str, value: str) -> None:
    """Keep unreadable data under another key; if even that fails, leave it where it is."""
    aside = f"{shards.ASIDE}{key[len(PREFIX):]}.{int(js.Date.now())}"
    if _write(aside, value):
        _remove(key)


def _write(key: str, value: str) -> bool:
    try:
        js.localStorage.setItem(key, value)
    except Exception:  # QuotaExceededError, or storage switched off
        return False
    _sizes[key] = len(key) + len(value)
    return True


def _remove(key: str) -> None:
    js.localStorage.removeItem(key)
    _sizes.pop(key, None)


def save_workspace(ws: Workspace) -> None:
    """Write what changed since the last save; on failure keep it for the next one."""
    global _local, _pending
    failed = set()
    dirty = _layout.advance(ws) | _pending
    for key in sorted(dirty):
        held = _layout.shard(key)
        if any(held.collection(name) for name in COLLECTIONS):
            if not _write(key, shards.encode(held)):
                failed.add(key)
        elif key != shards.LOCAL:
            _remove(key)
    if ws.local is not _local or shards.LOCAL in _pending:
        if _write(shards.LOCAL, shards.encode_local(ws.local)):
            _local = ws.local
        else:
            failed.add(shards.LOCAL)
    _pending = failed
    _publish()
    _tell(records=bool(dirty))


def used() -> int:
    return sum(_sizes.values())


def status() -> Storage:
    """What the transfer screen shows about storage."""
    asides = tuple(sorted(key for key in _sizes if key.startswith(shards.ASIDE)))
    return Storage(used=used(), failed=bool(_pending), set_aside=asides)


def _publish() -> None:
    if _app is not None:
        _app.browser = dataclasses.replace(_app.browser, storage=status())


def _tell(*, records: bool) -> None:
    """Say it when a save failed, and once when storage nears its quota (at a change of
    records, not of a draft being typed, which an action would silence at once). After the
    action's render (App.dispatch clears messages after saving), hence the timeout."""
    global _warned
    if _app is None or _app.presentation:
        return
    if _pending:
        js.setTimeout(create_once_callable(lambda: _app.refuse("sync.storage.failed")), 0)
    elif records and used() >= shards.WARN_AT * shards.QUOTA and not _warned:
        _warned = True
        percent = used() * 100 // shards.QUOTA
        js.setTimeout(create_once_callable(lambda: _app.refuse("sync.storage.nearly_full", percent=percent)), 0)


def read_aside(key: str) -> str:
    return str(js.localStorage.getItem(key) or "")


def drop_aside(key: str) -> None:
    if key.startswith(shards.ASIDE):
        _remove(key)
        _publish()


def replace(app, ws: Workspace) -> None:
    """Put a workspace made outside the actions (an import, a group deleted from this
    device) in place: saved, then shown."""
    app.ws = ws
    app.effects.save(ws)


def install(app) -> None:
    """Follow the other tabs and windows of the app through the `storage` event; in the
    operator's window, also take files picked or dropped (app/web/commands/transfer.py,
    imported with the first file: it writes and reads files with pydantic)."""
    global _app
    _app = app
    _publish()  # what loading found (data set aside, say)
    js.window.addEventListener("storage", create_proxy(lambda event: checks.when_ready(lambda: _on_storage(app, event))))
    if not app.presentation:
        app.browser = dataclasses.replace(app.browser, can_share=files.can_share())
        files.install(lambda name, data: checks.when_ready(lambda: _receive(app, name, data)))


def _receive(app, name: str, data: bytes) -> None:
    from app.web.commands import protocols, transfer  # transfer imports this module

    if app.route.screen == "protocols":  # a protocol file, for the group whose protocols are shown
        protocols.receive(app, name, data)
        return
    transfer.receive(app, name, data)


def _on_storage(app, event) -> None:
    key = None if event.key is None or event.key is jsnull else str(event.key)
    if key is None:  # storage cleared by hand: write everything again from memory
        _pending.update(_layout.keys() | {shards.LOCAL})
        if not app.presentation:
            save_workspace(app.ws)
        return
    value = None if event.newValue is None or event.newValue is jsnull else str(event.newValue)
    if value is None:
        _sizes.pop(key, None)
    else:
        _sizes[key] = len(key) + len(value)
    if shards.is_shard(key):
        _merge_shard(app, key, value)
    elif key == shards.LOCAL and value is not None:
        try:
            theirs = shards.decode_local(value)
        except FileFormatError:
            return
        # Preferences follow; drafts stay with the tab they are typed in.
        shared = theirs.model_dump(include={"language", "muted", "projector"})
        local = app.ws.local.model_copy(
            update={**shared, "clock": max(app.ws.local.clock, theirs.clock), "exported_at": max(app.ws.local.exported_at, theirs.exported_at)}
        )
        app.ws = app.ws.model_copy(update={"local": local})
    else:
        _publish()
        return
    _publish()
    app.render()


def _merge_shard(app, key: str, value: str | None) -> None:
    if value is None:  # the other tab deleted a group from this device: so does this one
        held = _layout.index.get(key, {})
        update = {name: {i: r for i, r in app.ws.collection(name).items() if i not in held.get(name, ())} for name in held}
        app.ws = app.ws.model_copy(update=update)
        _layout.advance(app.ws)
        return
    try:
        theirs = shards.decode(value)
    except FileFormatError:
        return  # the writing tab keeps it; this one keeps its own copy
    app.ws = merge(app.ws, theirs)
    dirty = _layout.advance(app.ws)
    mine = _layout.shard(key)
    if all(mine.collection(name) == theirs.collection(name) for name in COLLECTIONS):
        dirty.discard(key)  # what is stored is already what this tab holds
    if dirty and not app.presentation:
        _pending.update(dirty)
        save_workspace(app.ws)
