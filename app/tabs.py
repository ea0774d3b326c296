"""Two tabs of the app in one browser: what each keeps of the other's writes to localStorage
(app/web/storage.py follows them through the `storage` event).

Each tab is a device of its own (a device id per page load), and records go through the
same merge as files between devices (app/sync/merge.py): an entry corrected in both tabs at once
keeps both texts as a conflict (the form's version: app/actions/core.py `Records.edit`). This
device's own state (`cercle.local`) is not merged between devices but is shared by the
tabs: a draft typed in one tab must survive the other tab's next save, and a draft sent in
one tab must not come back from the other.
"""

from __future__ import annotations

from typing import Any

from app.sync import restore
from app.sync.merge import merge
from app.model import COLLECTIONS, Local, Workspace

# what a tab takes from another that changed it (the presentation window: all of them)
PREFERENCES = ("language", "muted", "projector", "budget_on_wall")


def take_shard(ws: Workspace, theirs: Workspace | None, held: dict[str, set[str]]) -> Workspace:
    """This tab's workspace once another tab wrote a shard: `theirs`, its records, merged in
    (never replacing this tab's versions); None when the other tab removed the shard (it
    deleted a group from this device), and this tab drops the records it held there
    (`held`: ids by collection)."""
    if theirs is not None:
        return merge(ws, theirs)
    update = {name: {i: r for i, r in ws.collection(name).items() if i not in ids} for name, ids in held.items()}
    return ws.model_copy(update=update)


def stored_as_held(mine: Workspace, theirs: Workspace) -> bool:
    """Whether the shard the other tab wrote holds what this tab holds there after the merge;
    if not (this tab had versions the other did not), this tab writes it again."""
    return all(mine.collection(name) == theirs.collection(name) for name in COLLECTIONS)


def shard_written(ws: Workspace, layout: Any, key: str, theirs: Workspace | None) -> tuple[Workspace, set[str]]:
    """Another tab wrote the shard `key` (`theirs`, its records; None: it removed it): this
    tab's workspace after it, and the shards this tab must write again (those where it holds
    versions the other tab's writes lack). `layout` (app/sync/shards.py `Layout`) is what this tab
    last stored; it advances to the new workspace."""
    ws = restore.settle(take_shard(ws, theirs, layout.index.get(key, {})))
    dirty = layout.advance(ws)
    if theirs is None:
        return ws, set()  # the other tab deleted a group from this device: so does this one
    if stored_as_held(layout.shard(key), theirs):
        dirty.discard(key)
    return ws, dirty


def local_written(ws: Workspace, theirs: Local, base: Local | None) -> tuple[Workspace, bool]:
    """Another tab wrote this device's state (`theirs`, over `base`): this tab's workspace
    after it, and whether this tab must store its state again: it holds drafts the other
    did not (not for a draft both hold with different texts: each tab keeps its own, and two
    tabs writing theirs in turn would never stop)."""
    ws = ws.model_copy(update={"local": merge_local(ws.local, theirs, base)})
    return ws, bool(ws.local.drafts.keys() - theirs.drafts.keys())


def merge_local(mine: Local, theirs: Local, base: Local | None = None) -> Local:
    """This tab's state once another tab wrote `theirs` over `base` (what storage held before
    that write; None when unknown). Drafts: this tab keeps what it typed (the person is
    typing it here: another tab's text never replaces it), takes the drafts only the other
    tab holds (so that they survive this tab's next save), and drops those the other tab
    sent (or whose form it closed) if untouched here since. Preferences: those the other
    tab changed since `base`. The clock and the last export keep the later of the two."""
    before = base.drafts if base is not None else {}
    drafts = dict(mine.drafts)
    for key in theirs.drafts.keys() | before.keys():
        if key in theirs.drafts:
            if key not in drafts and theirs.drafts[key] != before.get(key):
                drafts[key] = theirs.drafts[key]
        elif key in before and drafts.get(key) == before[key]:
            drafts.pop(key, None)
    update = {
        name: getattr(theirs, name)
        for name in PREFERENCES
        if base is not None and getattr(theirs, name) != getattr(base, name)
    }
    return mine.model_copy(
        update={
            **update,
            "drafts": drafts,
            "clock": max(mine.clock, theirs.clock),
            "exported_at": max(mine.exported_at, theirs.exported_at),
        }
    )
