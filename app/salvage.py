"""Stored data that could not be read, set aside under `cercle.aside.*` (app/web/storage.py):
why it could not be read, in words, and what of it can still be had, as a Cercle file that
the import accepts.

A stored shard is a Cercle file, zlib-compressed and base64-encoded (app/sync/shards.py). Damage
rarely takes all of it: a cut keeps the beginning, a record refused by the checks leaves
the others sound. So each layer keeps what it can: the base64 up to the first bad
character, the zlib stream up to where it breaks, then each record that can still be
parsed and passes the checks on its own.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from dataclasses import dataclass
from typing import Any

from app.sync import restore, shards
from app.model import COLLECTIONS, Workspace

# Why stored data could not be read, by the refusal's message key (app/sync/restore.py): the
# words of a file refused at import do not fit data this app wrote itself.
REASONS = {
    "sync.error.truncated": "storage.why.truncated",
    "sync.error.invalid": "storage.why.invalid",
    "sync.error.newer": "storage.why.newer",
    "sync.error.bad_version": "storage.why.newer",
    "restore.error.too_many": "bounds.why.too_many",
    "restore.error.too_many_records": "bounds.why.too_many",
}
DAMAGED = "storage.why.damaged"
CHUNK = 1024
RECORD_KEY = re.compile(r'\s*"((?:[^"\\]|\\.)*)"\s*:\s*')
COMMA = re.compile(r"\s*,")


@dataclass(frozen=True)
class Salvage:
    reason: str  # message key: why it could not be read
    file: bytes | None  # a Cercle file of the records still readable; None if there are none
    kept: int  # records in that file


def stored_key(aside: str) -> str:
    """The key an item set aside was stored under: `cercle.aside.s.<id>.<ms>` was `cercle.s.<id>`."""
    return shards.PREFIX + aside[len(shards.ASIDE) :].rsplit(".", 1)[0]


def reason(key: str, value: str) -> str:
    """Why the stored item `key` could not be read ("" if it can be, after all)."""
    try:
        if key == shards.LOCAL:
            shards.decode_local(value)
        else:
            shards.decode(value)
    except restore.FileFormatError as refused:
        return REASONS.get(refused.key, DAMAGED)
    return ""


def salvage(key: str, value: str) -> Salvage:
    """Why the stored item could not be read, and a Cercle file of what it still holds.
    This device's own state (drafts, preferences) is not a Cercle file: nothing to import."""
    why = reason(key, value)
    if key == shards.LOCAL or not shards.is_shard(key):
        return Salvage(why, None, 0)
    ws = readable(_text(_inflate(_unbase64(value))))
    kept = sum(len(ws.collection(name)) for name in COLLECTIONS)
    if not kept:
        return Salvage(why, None, 0)
    from app.sync import file_format  # pydantic writes files

    return Salvage(why, file_format.dump(restore.references(ws)), kept)


def _unbase64(value: str) -> bytes:
    """The bytes of the base64 text up to its first character that is not base64."""
    sound = re.match(r"[A-Za-z0-9+/]*", value.strip()).group()  # type: ignore[union-attr]
    sound = sound[: len(sound) - len(sound) % 4]
    try:
        return base64.b64decode(sound, validate=True)
    except binascii.Error:
        return b""


def _inflate(data: bytes) -> bytes:
    """What the zlib stream gives up to where it breaks or stops."""
    stream, out = zlib.decompressobj(), []
    for start in range(0, len(data), CHUNK):
        try:
            out.append(stream.decompress(data[start : start + CHUNK]))
        except zlib.error:
            break
    return b"".join(out)


def _text(data: bytes) -> str:
    return data.decode("utf-8", "ignore")


def readable(text: str) -> Workspace:
    """The records of a Cercle file's text that can be parsed and pass the checks, each on
    its own: what a cut or a damaged record leaves of the rest."""
    found: dict[str, dict[str, Any]] = {name: {} for name in COLLECTIONS}
    for name, key, record in _records(text):
        try:
            restore.partial(_file({name: {key: record}}))  # every check a stored shard goes through
        except restore.FileFormatError:
            continue
        found[name][key] = record
    return restore.partial(_file(found))  # each passed alone: together as well


def _file(collections: dict[str, dict[str, Any]]) -> bytes:
    return json.dumps({"format": restore.FORMAT, "version": restore.VERSION, **collections}).encode()


def _records(text: str):
    """(collection, id, record) for each record that parses, in a file's text (cut or not)."""
    decoder = json.JSONDecoder()
    for name in COLLECTIONS:
        opening = re.search(r'"%s"\s*:\s*\{' % name, text)
        if opening is None:
            continue
        at = opening.end()
        while (key := RECORD_KEY.match(text, at)) is not None:
            try:
                record, at = decoder.raw_decode(text, key.end())
                ident = json.loads(f'"{key.group(1)}"')
            except ValueError:
                break
            if isinstance(record, dict):
                yield name, ident, record
            comma = COMMA.match(text, at)
            if comma is None:
                break
            at = comma.end()
