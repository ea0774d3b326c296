"""Restore: whatever bytes arrive (an imported file, a stored shard) become a sound workspace,
or a `FileFormatError` naming, in words a person understands, why they were refused.

As Excalidraw's data/restore.ts does, nothing imported reaches the app unnormalised: older
versions are migrated, missing optional fields get their defaults, unknown fields are
dropped, ids are checked, and references that point nowhere are cleared. Cheap refusals
come first, so a 50 MB file or a nesting bomb is refused before any real work.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable

from app import attendance, invariants
from app.kinds import KINDS
from app.model import COLLECTIONS, Workspace
from app.refusal import Refusal

FORMAT = "cercle"
VERSION = 2
MAX_BYTES = 20 * 1024 * 1024  # ten years of one group's history take about 2 MB
ID = r"[A-Za-z0-9_.:-]{1,64}"  # patterns are compiled on first use (re caches them), not at start-up
# A JSON escape of a UTF-16 surrogate (or text that looks like one): the sign to look for
# half of a pair, which JSON allows and nothing downstream can store or show.
SURROGATE = rb"\\u[dD][89a-fA-F]"
NUMBER_START = r"-?[0-9.eE+-]*"
# Deeper than any Cercle file (about 8 levels) is refused before parsing: Python's JSON
# parser recurses in C, and in Pyodide a nesting bomb exhausts the stack, which is fatal.
MAX_DEPTH = 32
NOT_STRUCTURE = bytes(sorted(set(range(256)) - set(b'[]{}"')))
# The largest number a file holds is a time in epoch milliseconds (about 2 * 10**12); 2**53
# is what JavaScript reads exactly. Beyond it a number is refused as it is read: Python
# turns thousands of digits into an int slowly, or not at all (its 4,300-digit limit).
MAX_NUMBER = 2**53
NUMBER_DIGITS = len(str(MAX_NUMBER))

# Each migration turns the data of version N into that of version N + 1 (`N: function`
# here, and a fixture tests/fixtures/cercle-vN.json made by the version it replaces). They
# are defined at the end of this module.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

# Pointers that may be empty: one that points nowhere is cleared, never followed.
OPTIONAL_REFERENCES = {kind.collection: kind.references for kind in KINDS if kind.references}  # app/kinds.py


class FileFormatError(Refusal):
    """A refused file. `key` names the message in the translation catalogs."""


def parse(data: bytes, *, unique: bool = True) -> dict[str, Any]:
    """The JSON object in `data`, refused early if it is too big, not text, not JSON,
    truncated, nested too deep or has the same key twice.

    `unique=False` leaves the duplicate keys unchecked: for data this app wrote itself, read
    at start-up (app/sync/shards.py `read_unchecked`), where that check took a third of the time."""
    if len(data) > MAX_BYTES:
        raise FileFormatError("sync.error.too_large", megabytes=MAX_BYTES // (1024 * 1024))
    if not data.strip():
        raise FileFormatError("sync.error.empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        truncated = error.reason == "unexpected end of data"  # cut in the middle of a character
        raise FileFormatError("sync.error.truncated" if truncated else "sync.error.not_json") from None
    if _too_deep(data):
        raise FileFormatError("sync.error.too_deep")
    try:
        found = json.loads(text, object_pairs_hook=_unique if unique else None, parse_int=_integer,
                           parse_float=_decimal, parse_constant=_not_a_number)
    except json.JSONDecodeError as error:
        raise FileFormatError("sync.error.truncated" if _cut_short(text, error) else "sync.error.not_json") from None
    if not isinstance(found, dict):
        raise FileFormatError("sync.error.not_cercle")
    if re.search(SURROGATE, data):
        found = _mend(found)
    return found


def _too_deep(data: bytes) -> bool:
    """Whether the brackets outside strings nest deeper than MAX_DEPTH, found without
    recursion and at the speed of bytes methods: escaped backslashes and quotes go, then
    all but brackets and quotes, then what lies between quotes; each pass then drops the
    innermost pairs. A cut file leaves a few brackets open, a bomb thousands."""
    unescaped = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    nesting = b"".join(unescaped.translate(None, NOT_STRUCTURE).split(b'"')[::2])
    for _ in range(MAX_DEPTH + 1):
        inner = nesting.replace(b"[]", b"").replace(b"{}", b"")
        if inner == nesting:
            return len(nesting) > MAX_DEPTH
        nesting = inner
    return True


def _cut_short(text: str, error: json.JSONDecodeError) -> bool:
    """Whether the JSON was sound up to where the text stops: the text ends where a value
    was due, a string runs to its end, or the end cuts a literal or a number short."""
    rest = text[error.pos :].rstrip()
    if not rest or error.msg.startswith("Unterminated string"):
        return True
    return any(word.startswith(rest) for word in ("true", "false", "null")) or bool(re.fullmatch(NUMBER_START, rest))


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > NUMBER_DIGITS or abs(number := int(text)) > MAX_NUMBER:
        raise FileFormatError("restore.error.huge_number")
    return number


def _decimal(text: str) -> float:
    number = float(text)  # 1e400 is infinite
    if not abs(number) <= MAX_NUMBER:
        raise FileFormatError("restore.error.huge_number")
    return number


def _not_a_number(text: str) -> float:
    """NaN, Infinity and -Infinity, which Python's JSON reads and JSON itself does not have."""
    raise FileFormatError("restore.error.huge_number")


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        names = [name for name, _ in pairs]
        twice = next(name for i, name in enumerate(names) if name in names[:i])
        raise FileFormatError("sync.error.duplicate_key", name=twice[:64])
    return found


def _mend(value: Any) -> Any:
    """Half a surrogate pair (text cut in the middle of an emoji) cannot be stored or shown:
    it becomes U+FFFD, the replacement character, and the rest of the text is kept."""
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, dict):
        return {_mend(k): _mend(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mend(v) for v in value]
    return value


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """The data in the current version's shape; refuses other formats and newer versions."""
    if data.get("format") != FORMAT:
        encrypted = data.get("format") == f"{FORMAT}-encrypted"
        raise FileFormatError("sync.error.locked" if encrypted else "sync.error.not_cercle")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FileFormatError("sync.error.bad_version")
    if version > VERSION:
        raise FileFormatError("sync.error.newer", version=version)
    while version < VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data


def records(data: dict[str, Any]) -> Workspace:
    """The workspace of a current-version file: each record validated, with its defaults,
    without unknown fields, stored under its own id. This device's state is never read from
    a file."""
    collections: dict[str, Any] = {}
    for name in COLLECTIONS:
        found = data.get(name, {})
        if not isinstance(found, dict):
            raise FileFormatError("sync.error.invalid", place=name)
        for key, record in found.items():
            if not re.fullmatch(ID, key):
                raise FileFormatError("sync.error.bad_id", place=f"{name}/{key[:64]}")
            if isinstance(record, dict) and record.setdefault("id", key) != key:
                raise FileFormatError("sync.error.id_mismatch", place=f"{name}/{key}")
        collections[name] = found
    from pydantic import ValidationError  # after the first screen (app/frozen.py)

    try:
        ws = Workspace.model_validate(collections)
    except ValidationError as error:
        where = error.errors()[0]["loc"]
        raise FileFormatError("sync.error.invalid", place="/".join(str(part) for part in where)[:200]) from None
    checked(ws)
    return ws


def checked(ws: Workspace, check: Callable[[Workspace], None] = invariants.check) -> None:
    """Refuse a workspace whose records break what the screens and actions rely on
    (app/invariants.py; `check`: one part of it), naming where."""
    try:
        check(ws)
    except invariants.Refusal as refusal:
        limit = {} if refusal.limit is None else {"limit": refusal.limit}
        raise FileFormatError(refusal.key, place=refusal.place[:200], **limit) from None


def references(ws: Workspace) -> Workspace:
    """The workspace with every optional pointer that points nowhere cleared. Records whose
    owner is missing are kept: they are invisible (every query starts from the owner), and a
    merge with a file that has the owner brings them back to view. Sessions stored before
    attendance existed get theirs here, where every shard is together (app/attendance.py)."""
    update: dict[str, dict[str, Any]] = {}
    for name, pointers in OPTIONAL_REFERENCES.items():
        for record in ws.collection(name).values():
            dangling = {
                field: ""
                for field, target in pointers.items()
                if getattr(record, field) and getattr(record, field) not in ws.collection(target)
            }
            if dangling:
                update.setdefault(name, dict(ws.collection(name)))[record.id] = record.model_copy(update=dangling)
    return attendance.settle(ws.model_copy(update=update) if update else ws)


def settle(ws: Workspace) -> Workspace:
    """A whole workspace (a file, every stored shard together, a merge) made sound across
    records: pointers that point nowhere cleared, positions brought within their protocol."""
    return invariants.settle(references(ws))


def partial(data: bytes) -> Workspace:
    """The records in a file's bytes, references unchecked: one stored shard of many."""
    return without_deleted_text(versions_are_records(records(migrate(parse(data)))))


def restore(data: bytes) -> Workspace:
    """Bytes of a Cercle file to a sound workspace, or FileFormatError."""
    return settle(partial(data))


# Version 2 (issue 16): records merge field by field from what each version knew.


def versions_from_v1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 to 2. A version carried `base`, the latest stamp it was made on top of,
    which told too much (every device's versions up to it): it goes, and a version without
    `known` is read as knowing no other device's versions, so that a version it never saw
    shows as a conflict instead of hiding. A record in conflict kept only the other
    versions' text: each becomes a whole version (its other fields those of the record),
    next to the record's own. No field names the change that set it: each is read as
    having its value since the record was made, as version 1 read them all."""
    from app.sync.merge import TEXT_FIELDS

    for name, text_fields in TEXT_FIELDS.items():
        found = data.get(name)
        if not isinstance(found, dict):
            continue
        for record in found.values():
            if not isinstance(record, dict):
                continue
            record.pop("base", None)
            conflicts = record.get("conflicts")
            if isinstance(conflicts, list) and conflicts:
                fields = {k: v for k, v in record.items() if k not in ("id", "created", "conflicts", "stamp", "device", "known")}
                own = {"stamp": record.get("stamp", ""), "device": record.get("device", ""), "known": record.get("known", {}), **fields}
                whole = [
                    {**fields, **{k: v for k, v in e.items() if k != "base"}} if isinstance(e, dict) else e
                    for e in conflicts
                ]
                record["conflicts"] = [own, *whole]
    return data


MIGRATIONS[1] = versions_from_v1


def versions_are_records(ws: Workspace) -> Workspace:
    """Each version in a record's `conflicts` has all the fields a record of its collection
    may have, each of its type: the merge builds records from them (app/sync/merge.py)."""
    from pydantic import ValidationError  # after the first screen (app/frozen.py)

    from app.sync.merge import CONTENT_FIELDS

    for name, model in COLLECTIONS.items():
        for record in ws.collection(name).values():
            if not record.conflicts:
                continue
            own = record.model_dump(mode="json", exclude={"conflicts"})
            for entry in record.conflicts:
                try:
                    model.model_validate({**own, **{f: entry[f] for f in CONTENT_FIELDS[name] if f in entry}})
                except ValidationError:
                    raise FileFormatError("sync.error.invalid", place=f"{name}/{record.id}/conflicts") from None
    return ws


def without_deleted_text(ws: Workspace) -> Workspace:
    """A deleted record keeps nothing a person wrote (issue 16, item 9): files and storage
    written before that rule are cleaned as they are read."""
    from app.sync.merge import ERASED, erase

    update: dict[str, dict[str, Any]] = {}
    for name, fields in ERASED.items():
        for record in ws.collection(name).values():
            if record.deleted and any(getattr(record, f) for f in fields):
                update.setdefault(name, dict(ws.collection(name)))[record.id] = record.model_copy(update={f: "" for f in fields})
    return erase(ws.model_copy(update=update) if update else ws)
