"""A member's summary carried in a link's fragment, and that link as a QR code.

The link opens Cercle's read-only screen `#/shared-summary?s=<summary>`: the fragment never
reaches any server, and the phone that scans the code reads the summary from its own address
bar, through the app's ordinary router. The summary travels as compact JSON, compressed
(zlib) and written in base64url; decoding gives back exactly the summary that was encoded.
A link longer than a QR code comfortably holds is refused, and the room offers the file.
"""

from __future__ import annotations

import base64
import ipaddress
import zlib
from urllib.parse import urlsplit

from pydantic import ValidationError

from app.summary import MemberSummary

FRAGMENT = "#/shared-summary?s="  # the screen, and its parameter "s"
# A version-40 QR code at the lowest correction level holds 2953 bytes, but codes near that
# size are slow to scan; 2400 bytes is a version-36 code, which a phone reads from a screen
# when it is shown large (the dialog gives it most of the screen).
MAX_LINK_BYTES = 2400
# Room kept for the app's own address when a screen judges, without knowing it, whether a
# summary fits a code (the command checks the real link).
ADDRESS_ALLOWANCE = 120
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
    return base_url.split("#", 1)[0] + FRAGMENT + encode(summary)


def fits_qr(url: str) -> bool:
    return len(url.encode("utf-8")) <= MAX_LINK_BYTES


def shareable(summary: MemberSummary) -> bool:
    """Whether the summary's link fits a code, wherever the app is served from (within reason)."""
    return ADDRESS_ALLOWANCE + len(FRAGMENT) + len(encode(summary)) <= MAX_LINK_BYTES


def reachable_elsewhere(url: str) -> bool:
    """Whether a phone could open this address: not when the app runs from a file or from
    this computer only (localhost). The summary in the fragment never reaches it anyway."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or host in ("", "localhost") or host.endswith(".localhost"):
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True  # a name: reachable as far as this page can tell


def qr_svg(url: str, title: str) -> str:
    """The QR code of `url` as inline SVG (segno, pure Python, imported only when a code
    is first asked for: the browser loads its wheel then, not at start-up)."""
    import segno

    code = segno.make_qr(url, error="l")
    return code.svg_inline(scale=4, border=4, omitsize=True, title=title, dark="#000", light="#fff")
