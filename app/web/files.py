"""Files in and out of the page: a download made from memory (a Blob, nothing is sent), the
device's share sheet where it can share files (Web Share), and files coming in through a
file picker or dropped anywhere on the page."""

from __future__ import annotations

import asyncio
from typing import Any, Callable

import js
from pyodide.ffi import create_once_callable, create_proxy, jsnull, to_js

Receive = Callable[[str, bytes], None]  # file name, content
PICKER = "input[type=file][data-import]"
_proxies: list = []  # listeners live as long as the page


def _blob(data: bytes, mime: str):
    array = js.Uint8Array.new(len(data))
    array.assign(data)
    return js.Blob.new(to_js([array]), to_js({"type": mime}, dict_converter=js.Object.fromEntries))


def download(name: str, data: bytes, mime: str = "application/json") -> None:
    url = js.URL.createObjectURL(_blob(data, mime))
    anchor = js.document.createElement("a")
    anchor.href = url
    anchor.download = name
    anchor.hidden = True
    js.document.body.append(anchor)
    anchor.click()
    anchor.remove()
    # The download has started from the URL; free it once the browser surely has the bytes.
    js.setTimeout(create_once_callable(lambda: js.URL.revokeObjectURL(url)), 60_000)


def _file(name: str, data: bytes, mime: str):
    return js.File.new(to_js([_blob(data, mime)]), name, to_js({"type": mime}, dict_converter=js.Object.fromEntries))


def can_share() -> bool:
    """Whether this device's share sheet takes files (phones and tablets, mostly)."""
    navigator = js.navigator
    if not hasattr(navigator, "canShare") or not hasattr(navigator, "share"):
        return False
    probe = to_js({"files": [_file("cercle.json", b"{}", "application/json")]}, dict_converter=js.Object.fromEntries)
    return bool(navigator.canShare(probe))


async def share(name: str, data: bytes, mime: str = "application/json") -> bool:
    """Hand the file to the share sheet; False if the person closed it."""
    files = to_js({"files": [_file(name, data, mime)], "title": name}, dict_converter=js.Object.fromEntries)
    try:
        await js.navigator.share(files)
    except Exception:  # AbortError: the sheet was closed
        return False
    return True


async def read(file: Any) -> bytes:
    buffer = await file.arrayBuffer()
    return js.Uint8Array.new(buffer).to_bytes()


def _missing(value: Any) -> bool:
    return value is None or value is jsnull


def install(receive: Receive) -> None:
    """Listen, on the whole document, for a file picked (`<input type=file data-import>`)
    or dropped; `receive` gets its name and bytes."""

    def take(file: Any) -> None:
        async def go() -> None:
            receive(str(file.name), await read(file))

        asyncio.ensure_future(go())

    def on_change(event: Any) -> None:
        target = event.target
        if not hasattr(target, "matches") or not target.matches(PICKER) or not target.files.length:
            return
        take(target.files.item(0))
        target.value = ""  # the same file can be picked again

    def carries_files(event: Any) -> bool:
        transfer = event.dataTransfer
        return not _missing(transfer) and "Files" in [str(kind) for kind in transfer.types]

    def on_dragover(event: Any) -> None:
        if carries_files(event):
            event.preventDefault()  # without this the browser would open the file itself
            event.dataTransfer.dropEffect = "copy"

    def on_drop(event: Any) -> None:
        if not carries_files(event):
            return
        event.preventDefault()
        if event.dataTransfer.files.length:
            take(event.dataTransfer.files.item(0))

    for kind, handler in (("change", on_change), ("dragover", on_dragover), ("drop", on_drop)):
        proxy = create_proxy(handler)
        _proxies.append(proxy)
        js.document.addEventListener(kind, proxy)
