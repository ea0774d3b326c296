"""A member's summary carried in a link's fragment (#s=...), and that link as a QR code.

The fragment never reaches any server: the phone that scans the code opens Cercle, which
reads the summary from its own address bar. The summary travels as compact JSON, compressed
(zlib) and written in base64url; decoding gives back exactly the summary that was encoded.
A link longer than a QR code comfortably holds is refused, and the room offers the file.
"""

from __future__ import annotations

import base64
import zlib

from pydantic import ValidationError

from app.summary import MemberSummary

FRAGMENT_KEY = "s="
# A version-40 QR code at the lowest correction level holds 2953 bytes; phone cameras read
# it from a screen, but larger codes near that limit are slow to scan, so stay well below.
MAX_LINK_BYTES = 2000
# A hostile link could inflate into gigabytes: nothing a summary needs is that large.
MAX_JSON_BYTES = 256 * 1024


class ShareError(ValueError):
    """A link that does not carry a readable summary; `key` names the message."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def encode(summary: MemberSummary) -> str:
    data = summary.model_dump_json(exclude_defaults=True).encode("utf-8")
    return base64.urlsafe_b64encode(zlib.compress(data, 9)).rstrip(b"=").decode("ascii")


def decode(payload: str) -> MemberSummary:
    try:
        packed = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        inflater = zlib.decompressobj()
        data = inflater.decompress(packed, MAX_JSON_BYTES)
    except (ValueError, zlib.error):
        raise ShareError("share.error.damaged") from None
    if inflater.unconsumed_tail:
        raise ShareError("share.error.too_large")
    if not inflater.eof:
        raise ShareError("share.error.damaged")
    try:
        return MemberSummary.model_validate_json(data)
    except ValidationError:
        raise ShareError("share.error.unknown") from None


def link(base_url: str, summary: MemberSummary) -> str:
    """The app's address (whatever it is served from) with the summary in its fragment."""
    return base_url.split("#", 1)[0] + "#" + FRAGMENT_KEY + encode(summary)


def payload_of(fragment: str) -> str | None:
    """The encoded summary in a location's hash ("#s=..."), or None if it carries none."""
    fragment = fragment.lstrip("#")
    return fragment[len(FRAGMENT_KEY):] if fragment.startswith(FRAGMENT_KEY) else None


def fits_qr(url: str) -> bool:
    return len(url.encode("utf-8")) <= MAX_LINK_BYTES


def qr_svg(url: str, title: str) -> str:
    """The QR code of `url` as inline SVG (segno, pure Python, imported only when a code
    is first asked for: the browser loads its wheel then, not at start-up)."""
    import segno

    code = segno.make_qr(url, error="l")
    return code.svg_inline(scale=4, border=4, omitsize=True, title=title, dark="#000", light="#fff")
