"""Export, import, and what this device stores: the transfer screen's commands.

Files are made and read by the pure core (app/sync/file_format.py, app/sync/envelope.py, app/sync/merge.py);
these commands hand them to the browser (app/web/files.py, app/web/crypto.py) and put the
result in place. A refused file changes nothing: the workspace is replaced only after a
merge the person confirmed on the preview.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any, Awaitable

from app import salvage
from app.sync import envelope, restore, shards
from app.sync.merge import preview
from app.sync.restore import FileFormatError
from app.views.context import Incoming
from app.views.routes import Route
from app.web import crypto, files, storage
from app.web.commands import command


def _run(app: Any, work: Awaitable[None]) -> None:
    """Run a step that waits for the browser (WebCrypto, the share sheet); a refusal shows."""

    async def guarded() -> None:
        with app.refusing():
            await work

    asyncio.ensure_future(guarded())


@command("export")
def export(app, data, element) -> None:
    """Everything this device holds, as a file: downloaded (the form), or handed to the share
    sheet (its "share" button, which reads the form's passphrase)."""
    form = element if str(element.tagName) == "FORM" else element.form
    passphrase, again = (str(form.elements.namedItem(name).value) for name in ("passphrase", "passphrase_again"))
    if passphrase != again:
        app.refuse("sync.ui.export.mismatch")
        return
    sharing = bool(data.get("share"))

    async def go() -> None:
        from app.sync import file_format  # pydantic: after the first screen (app/web/startup/checks.py)

        plain = file_format.dump(app.ws)
        content = await envelope.seal(plain, passphrase, crypto.WEB) if passphrase else plain
        name = file_format.file_name(app.ws, app.effects.today(), encrypted=bool(passphrase))
        if sharing:
            if not await files.share(name, content):
                return
        else:
            files.download(name, content)
        form.reset()
        local = app.ws.local.model_copy(update={"exported_at": app.effects.now()})
        app.absorb(app.ws.model_copy(update={"local": local}), "export")
        app.announce("sync.ui.export.done", name=name)

    _run(app, go())


def receive(app: Any, name: str, data: bytes) -> None:
    """A file picked or dropped: previewed on the transfer screen, or refused as it is."""
    from app.sync import file_format  # pydantic: after the first screen (app/web/startup/checks.py)

    try:
        seen = preview(app.ws, file_format.load(data), now_ms=app.effects.now())
    except FileFormatError as refused:
        if refused.key != "sync.error.locked":
            _set_incoming(app, None)
            app.refuse(refused.key, **refused.params)
            return
        _show(app, Incoming(name, data=data))
        return
    _show(app, Incoming(name, seen, data))


def _set_incoming(app: Any, incoming: Incoming | None) -> None:
    app.tell(incoming=incoming)


def _show(app: Any, incoming: Incoming) -> None:
    _set_incoming(app, incoming)
    if app.ui.route.screen == "transfer":
        app.render()
    else:
        app.navigate(Route("transfer"))


@command("import-unlock")
def unlock(app, data, element) -> None:
    current = app.ui.browser.incoming
    if current is None or current.preview is not None:  # no sealed file waits
        return

    async def go() -> None:
        plain = await envelope.unseal(current.data, str(data.get("passphrase", "")), crypto.WEB)
        element.reset()
        receive(app, current.name, plain)

    _run(app, go())


@command("import-merge")
def merge_file(app, data, element) -> None:
    """Merge the file previewed, as one step that undo takes back. A file that deletes
    here is merged only from the button that names the deletions (`deletions`); if this tab
    changed meanwhile so that it now deletes, the preview shows again, with that button."""
    incoming = app.ui.browser.incoming
    if incoming is None or incoming.preview is None:  # no file previewed
        return
    from app.sync import file_format  # pydantic: after the first screen (app/web/startup/checks.py)

    try:
        seen = preview(app.ws, file_format.load(incoming.data), now_ms=app.effects.now())  # again: this tab may have changed meanwhile
    except FileFormatError as refused:  # what this tab holds now takes it beyond a bound
        cancel(app, data, element)
        app.refuse(refused.key, **refused.params)
        return
    if seen.deletions and data.get("deletions") != "confirmed":
        _show(app, replace(incoming, preview=seen))
        return
    _set_incoming(app, None)
    app.absorb(restore.settle(seen.merged), "import")
    counts = {kind: sum(getattr(seen, kind).values()) for kind in ("new", "updated", "conflicting")}
    app.announce("sync.ui.incoming.merged", **counts)


@command("import-cancel")
def cancel(app, data, element) -> None:
    _set_incoming(app, None)
    app.render()


@command("delete-group")
def delete_group(app, data, element) -> None:
    group = app.ws.groups.get(str(data.get("id", "")))
    if group is None:
        return
    app.absorb(shards.without_group(app.ws, group.id), "delete-group")
    app.navigate(Route("transfer"))
    app.announce("sync.ui.delete.done", name=group.name)


@command("aside-download")
def aside_download(app, data, element) -> None:
    """What can still be read of it, as a Cercle file to import; if nothing can, the stored
    text as it was, so that no byte is lost."""
    key = str(data.get("key", ""))
    text = storage.read_aside(key)
    found = salvage.salvage(salvage.stored_key(key), text)
    if found.file is not None:
        files.download(f"cercle-recovered-{app.effects.today()}.json", found.file, "application/json")
    else:
        files.download(f"cercle-unreadable-{app.effects.today()}.txt", text.encode(), "text/plain")


@command("aside-delete")
def aside_delete(app, data, element) -> None:
    storage.drop_aside(str(data.get("key", "")))
    app.render()

