"""The workspace in this browser's localStorage, saved after every action (layout and the
measurements behind it: app/sync/shards.py).

What can go wrong is handled here, so that no word is lost:
- a write refused (the quota is full, or storage is off): the work stays in memory and
  what could not be written is kept in this tab's sessionStorage (a quota of its own, and
  it outlives a reload), read back at start-up with the rest; it is written to
  localStorage as soon as it accepts it (at the next save, every few seconds, when another
  tab frees space, at start-up), and the screen says so meanwhile and once it is done;
- stored data that cannot be read: it is moved aside under `cercle.aside.*` (never
  deleted), the home screen says what and why (app/salvage.py), and the transfer screen
  offers to download what can still be read of it as a Cercle file; the rest loads;
- two tabs of the app: each merges what the other writes (the `storage` event), with the
  same merge as files, and each tab is a device of its own so their edits never shadow
  each other; drafts and preferences merge too (app/tabs.py); the presentation window
  follows the same way, and never writes.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

import js
from pyodide.ffi import create_once_callable, create_proxy, jsnull

from app import salvage
from app.sync import shards
from app.clock import new_device_id
from app.sync.merge import latest_stamp
from app.model import COLLECTIONS, Local, Workspace
from app.sync.restore import FileFormatError
from app.tabs import local_written, shard_written
from app.views.context import Storage
from app.web import files
from app.web.startup.checks import GATE

PREFIX = shards.PREFIX

RETRY_MS = 5000


@dataclass
class Held:
    """What this page knows of its storage, in one place (the functions below read and
    change it; nothing else does)."""

    layout: shards.Layout = field(default_factory=lambda: shards.Layout(Workspace()))  # what storage holds, by shard
    local: Local | None = None  # the Local last written
    pending: set[str] = field(default_factory=set)  # keys whose last write failed: written again at the next save
    kept: set[str] = field(default_factory=set)  # of those, the ones kept in sessionStorage meanwhile
    written_back: bool = False  # what was kept has been written since the last change of records
    retrying: Any = None  # the timer of the next try, while writes are pending
    sizes: dict[str, int] = field(default_factory=dict)  # characters per key of this origin's localStorage
    app: Any = None  # the running app, once install() has run
    unchecked: dict[str, str] | None = None  # what start-up read without pydantic, to read again
    warned: bool = False  # the person was told storage nears its quota
    reasons: dict[str, str] = field(default_factory=dict)  # why each item set aside could not be read (message keys)


_state = Held()


def _stored() -> dict[str, str]:
    storage = js.localStorage
    found = {}
    for i in range(int(storage.length)):
        key = str(storage.key(i))
        found[key] = str(storage.getItem(key))
    return found


def _held() -> dict[str, str]:
    """What this tab kept in sessionStorage because localStorage refused it."""
    try:
        keep = js.sessionStorage
        keys = [str(keep.key(i)) for i in range(int(keep.length))]
        return {key: str(keep.getItem(key)) for key in keys if shards.is_shard(key) or key == shards.LOCAL}
    except Exception:  # sessionStorage switched off
        return {}


def load_workspace(*, checked: bool) -> Workspace | None:
    """The saved workspace (an empty one on first use), with a device id of its own.
    Unchecked (before pydantic is loaded, app/web/startup/checks.py): None when the stored data is
    not as this version stores it, or when this tab kept writes that storage refused (they
    merge with the rest: pydantic does it); `check()` reads it again with every check later."""
    stored, held = _stored(), _held()
    _state.sizes.update({key: len(key) + len(value) for key, value in stored.items()})
    _state.unchecked = None
    if checked:
        ws, unreadable = shards.read(stored, held)
        for key, value in unreadable.items():
            _set_aside(key, value)
        held = {key: value for key, value in held.items() if key not in unreadable}
    else:
        found = None if held else shards.read_unchecked(stored)
        if found is None:
            return None
        ws, _state.unchecked = found, stored
    # A device id per page load: two tabs are two devices, so that the merge of what each
    # writes can tell their edits apart (app/sync/merge.py).
    ws = _hold(_as_loaded(ws, new_device_id()))
    _state.pending.update(held)  # written back once the app is installed
    _state.kept.update(held)
    _publish()
    return ws


def _as_loaded(ws: Workspace, device: str) -> Workspace:
    local = ws.local.model_copy(update={"device": device, "clock": max(ws.local.clock, latest_stamp(ws))})
    return ws.model_copy(update={"local": local})


def _hold(ws: Workspace) -> Workspace:
    """`ws` is what storage holds: the next save writes what changed from it."""
    _state.layout = shards.Layout(ws)
    _state.local = ws.local
    _state.pending = set()
    _publish()
    return ws


def check(app) -> None:
    """Once pydantic is up and before any change (app/web/startup/checks.py): the stored data that
    start-up read unchecked, read again with every check. Where they differ (data damaged,
    or written by another version), the checked reading wins and the screen shows it."""
    stored, _state.unchecked = _state.unchecked, None
    if stored is None:
        return
    ws, unreadable = shards.read(stored)
    for key, value in unreadable.items():
        if str(js.localStorage.getItem(key)) == value:  # another tab may have written it since
            _set_aside(key, value)
    ws = _as_loaded(ws, app.ws.local.device)
    if ws != app.ws:
        app.absorb(_hold(ws), "checked")
        app.render()
    else:
        _publish()  # what was set aside
        if status().reasons:
            app.render()


def _set_aside(key: str, value: str) -> None:
    """Keep unreadable data under another key; if even that fails, leave it where it is.
    (What this tab kept in sessionStorage is set aside as well; the stored item under the
    same key goes only if it is the unreadable one.)"""
    aside = f"{shards.ASIDE}{key[len(PREFIX):]}.{int(js.Date.now())}"
    if _write(aside, value):
        if str(js.localStorage.getItem(key)) == value:
            remove(key)
        _release(key)


def _write(key: str, value: str) -> bool:
    if put(key, value):
        return True
    # Storage full: the last screen kept for the next start gives way first (it writes
    # through this module, hence the import here).
    from app.web import last_screen

    return last_screen.drop() and put(key, value)


def put(key: str, value: str) -> bool:
    """Write one item if localStorage takes it, counted in what is used."""
    try:
        js.localStorage.setItem(key, value)
    except Exception:  # QuotaExceededError, or storage switched off
        return False
    _state.sizes[key] = len(key) + len(value)
    return True


def remove(key: str) -> None:
    js.localStorage.removeItem(key)
    _state.sizes.pop(key, None)


def _keep(key: str, value: str) -> None:
    """A write localStorage refused, kept in this tab until it accepts it."""
    try:
        js.sessionStorage.setItem(key, value)
    except Exception:  # full as well, or switched off: the work is only on screen
        _state.kept.discard(key)
    else:
        _state.kept.add(key)


def _release(key: str) -> None:
    if key in _state.kept:
        js.sessionStorage.removeItem(key)
        _state.kept.discard(key)


def save_workspace(ws: Workspace, *, quiet: bool = False) -> None:
    """Write what changed since the last save; what storage refuses is kept in this tab and
    tried again at the next save, on a timer, or when another tab frees space."""
    was_pending = bool(_state.pending)
    failed: dict[str, str] = {}
    dirty = _state.layout.advance(ws)
    for key in sorted(dirty | _state.pending - {shards.LOCAL}):
        held = _state.layout.shard(key)
        if any(held.collection(name) for name in COLLECTIONS):
            value = shards.encode(held)
            if not _write(key, value):
                failed[key] = value
                continue
        elif key != shards.LOCAL:
            remove(key)
        _release(key)
    if ws.local is not _state.local or shards.LOCAL in _state.pending:
        value = shards.encode_local(ws.local)
        if _write(shards.LOCAL, value):
            _state.local = ws.local
            _release(shards.LOCAL)
        else:
            failed[shards.LOCAL] = value
    for key, value in failed.items():
        _keep(key, value)
    _state.pending = set(failed)
    if was_pending and not _state.pending:
        _state.written_back = True
    elif dirty and not was_pending:
        _state.written_back = False
    _publish()
    if _state.pending:
        _retry_later()
    if not quiet:
        _tell(records=bool(dirty))


def _retry_later() -> None:
    if _state.retrying is None and _state.app is not None and not _state.app.presentation:
        _state.retrying = js.setTimeout(create_once_callable(_retry), RETRY_MS)


def _retry() -> None:
    """Try the refused writes again (a timer, another tab freeing space, start-up)."""
    if _state.retrying is not None:
        js.clearTimeout(_state.retrying)
        _state.retrying = None
    if _state.pending and _state.app is not None and not _state.app.presentation:
        save_workspace(_state.app.ws, quiet=True)
        if not _state.pending:
            _state.app.render()  # the notice changes: written back


def used() -> int:
    return sum(_state.sizes.values())


def _explain(asides: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Why each item set aside could not be read: worked out once pydantic is imported (the
    checks say it; app/web/startup/checks.py), then remembered."""
    for key in asides:
        if key not in _state.reasons and "pydantic" in sys.modules:
            _state.reasons[key] = salvage.reason(salvage.stored_key(key), read_aside(key)) or salvage.DAMAGED
    return tuple((key, _state.reasons[key]) for key in asides if key in _state.reasons)


def status() -> Storage:
    """What the transfer screen shows about storage."""
    asides = tuple(sorted(key for key in _state.sizes if key.startswith(shards.ASIDE)))
    kept = bool(_state.pending) and _state.pending <= _state.kept
    return Storage(used=used(), failed=bool(_state.pending), set_aside=asides, reasons=_explain(asides), kept=kept,
                   written_back=_state.written_back)


def _publish() -> None:
    if _state.app is not None:
        _state.app.tell(storage=status())


def _tell(*, records: bool) -> None:
    """Say it when a save failed (unless the work is kept in the tab: the banner says that),
    and once when storage nears its quota (at a change of records, not of a draft being
    typed, which an action would silence at once). After the action's render (App.dispatch
    clears messages after saving), hence the timeout."""
    if _state.app is None or _state.app.presentation:
        return
    if _state.pending:
        if not status().kept:
            js.setTimeout(create_once_callable(lambda: _state.app.refuse("sync.storage.failed")), 0)
    elif records and used() >= shards.WARN_AT * shards.QUOTA and not _state.warned:
        _state.warned = True
        percent = used() * 100 // shards.QUOTA
        js.setTimeout(create_once_callable(lambda: _state.app.refuse("sync.storage.nearly_full", percent=percent)), 0)


def stored_items() -> dict[str, str]:
    """Everything of Cercle's that this browser holds, as stored (the recovery screen's)."""
    return {key: value for key, value in _stored().items() if key.startswith(PREFIX)}


def read_at_start(key: str) -> bool:
    """Whether start-up reads this stored item: a shard, or this device's state."""
    return shards.is_shard(key) or key == shards.LOCAL


def set_everything_aside() -> None:
    """Everything start-up reads set aside: the next start is an empty Cercle, with all
    that was stored kept under `cercle.aside.*` (app/web/startup/recovery.py)."""
    for key, value in _stored().items():
        if read_at_start(key):
            _set_aside(key, value)
    from app.web import last_screen  # see _write

    last_screen.drop()  # the next start shows none of it either


def read_aside(key: str) -> str:
    return str(js.localStorage.getItem(key) or "")


def drop_aside(key: str) -> None:
    if key.startswith(shards.ASIDE):
        remove(key)
        _state.reasons.pop(key, None)
        _publish()


def install(app) -> None:
    """Follow the other tabs and windows of the app through the `storage` event; in the
    operator's window, also take files picked or dropped (app/web/commands/transfer.py,
    imported with the first file: it writes and reads files with pydantic)."""
    _state.app = app
    _publish()  # what loading found (data set aside, say)
    js.window.addEventListener("storage", create_proxy(lambda event: GATE.when_open(lambda: _on_storage(app, event))))
    if _state.pending:  # kept by this tab before a reload
        GATE.when_open(_retry)
    if not app.presentation:
        app.tell(can_share=files.can_share())
        files.install(lambda name, data: GATE.when_open(lambda: _receive(app, name, data)))


def _receive(app, name: str, data: bytes) -> None:
    from app.web.commands import protocols, transfer  # transfer imports this module

    with app.refusing():
        if app.ui.route.screen == "protocols":  # a protocol file, for the group whose protocols are shown
            protocols.receive(app, name, data)
            return
        transfer.receive(app, name, data)


def _on_storage(app, event) -> None:
    key = None if event.key is None or event.key is jsnull else str(event.key)
    if key is None:  # storage cleared by hand: write everything again from memory
        _state.pending.update(_state.layout.keys() | {shards.LOCAL})
        if not app.presentation:
            save_workspace(app.ws)
        return
    value, old = (None if v is None or v is jsnull else str(v) for v in (event.newValue, event.oldValue))
    if value is None:
        _state.sizes.pop(key, None)
    else:
        _state.sizes[key] = len(key) + len(value)
    if _state.pending and not app.presentation:
        _retry()  # another tab may have freed space
    if shards.is_shard(key):
        _merge_shard(app, key, value)
    elif key == shards.LOCAL and value is not None:
        try:
            theirs = shards.decode_local(value)
            base = shards.decode_local(old) if old is not None else None
        except FileFormatError:
            return
        ws, again = local_written(app.ws, theirs, base)
        app.absorb(ws, "other-tab")
        if again and not app.presentation:
            save_workspace(app.ws, quiet=True)
    else:
        _publish()
        return
    _publish()
    app.render()


def _merge_shard(app, key: str, value: str | None) -> None:
    try:
        theirs = shards.decode(value) if value is not None else None
    except FileFormatError:
        return  # the writing tab keeps it; this one keeps its own copy
    ws, dirty = shard_written(app.ws, _state.layout, key, theirs)
    app.absorb(ws, "other-tab")
    if dirty and not app.presentation:
        _state.pending.update(dirty)
        save_workspace(app.ws)
