"""Two tabs of the app in one browser: what each keeps of the other's writes to localStorage.

Records go through the same merge as files between devices (app/merge.py; app/web/storage.py
calls it for each shard another tab writes). This device's own state (`cercle.local`) is not
merged between devices but is shared by the tabs: a draft typed in one tab must survive the
other tab's next save, and a draft sent in one tab must not come back from the other.
"""

from __future__ import annotations

from app.model import Local

PREFERENCES = ("language", "muted", "projector")


def merge_local(mine: Local, theirs: Local, base: Local | None = None) -> Local:
    """This tab's state once another tab wrote `theirs` over `base` (what storage held before
    that write; None when unknown). Per draft and per preference, a three-way merge: what
    the other tab changed since `base` (typed, or emptied by sending its form) is taken,
    the rest stays as this tab has it; with no `base`, this tab's version wins where both
    hold one. The clock and the last export keep the later of the two."""
    before = base.drafts if base is not None else {}
    drafts = dict(mine.drafts)
    for key in theirs.drafts.keys() | before.keys():
        if base is None:
            drafts.setdefault(key, theirs.drafts[key])
        elif theirs.drafts.get(key) == before.get(key):
            continue  # the other tab did not touch it: this tab's version stands
        elif key in theirs.drafts:
            drafts[key] = theirs.drafts[key]
        elif drafts.get(key) == before.get(key):
            drafts.pop(key, None)  # sent (or its form closed) there, untouched here since
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
