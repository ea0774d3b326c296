"""One protocol as a small file of its own (issue 19, item 4): what "Exporter" writes and
an import reads, to take a group's protocol to another group or device.

UTF-8 JSON, `{"format": "cercle-protocol", "version": 1, "protocol": {...}}`; its JSON
Schema is generated from `ProtocolFile` (`schema()`) and kept in schema/. Reading follows
the workspace files' discipline (app/sync/restore.py): cheap refusals first (size, encoding,
nesting, duplicate keys), then the shape, then whether the protocol can run
(app/protocol_check.py); a file refused is refused with words and nothing of it is kept.
"""

from __future__ import annotations

from typing import Any

from app.protocol import Protocol
from app.protocol_check import problems
from app.sync.restore import FileFormatError, parse

FORMAT = "cercle-protocol"
VERSION = 1
MAX_BYTES = 256 * 1024  # the longest built-in protocol, with its coach's texts, takes 16 KB


def _model() -> Any:
    """The file's shape for pydantic, built on first use (pydantic comes after the first screen)."""
    from typing import Literal

    from pydantic import ConfigDict, create_model

    return create_model(
        "ProtocolFile",
        __doc__="One Cercle protocol, to share between groups and devices.",
        __config__=ConfigDict(extra="ignore", title="Cercle protocol file"),
        format=(Literal["cercle-protocol"], ...),
        version=(Literal[1], ...),
        protocol=(Protocol, ...),
    )


def dump(protocol: Protocol) -> bytes:
    return _model()(format=FORMAT, version=VERSION, protocol=protocol).model_dump_json(indent=1).encode()


def file_name(protocol: Protocol, language: str) -> str:
    """A name that says what it is: `protocole-<name>-v<version>.json`, in plain letters."""
    import unicodedata

    letters = unicodedata.normalize("NFKD", protocol.name(language).lower())  # é -> e + accent, dropped below
    words = "".join(c if c.isalnum() and c.isascii() else "" if unicodedata.combining(c) else "-" for c in letters)
    slug = "-".join(w for w in words.split("-") if w)[:40] or "protocol"
    return f"cercle-protocol-{slug}-v{protocol.version}.json"


def load(data: bytes) -> Protocol:
    """The protocol in a file's bytes, or FileFormatError saying why not."""
    if len(data) > MAX_BYTES:
        raise FileFormatError("protocol.file.too_large", kilobytes=MAX_BYTES // 1024)
    found = parse(data)
    if found.get("format") != FORMAT:
        raise FileFormatError("protocol.file.not_protocol")
    version = found.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FileFormatError("sync.error.bad_version")
    if version > VERSION:
        raise FileFormatError("sync.error.newer", version=version)
    from pydantic import ValidationError

    try:
        protocol = _model().model_validate(found).protocol
    except ValidationError as error:
        where = "/".join(str(part) for part in error.errors()[0]["loc"])[:200]
        raise FileFormatError("protocol.file.invalid", place=where) from None
    for problem in problems(protocol)[:1]:
        raise FileFormatError(problem.key, **problem.params)
    return protocol


def schema() -> dict[str, Any]:
    """The JSON Schema of the current version, as committed in schema/."""
    found = _model().model_json_schema()
    found["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return found
