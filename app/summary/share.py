"""A member's summary carried in a link's fragment, and that link as a QR code.

The link opens Cercle's read-only screen `#/shared-summary?z=<summary>`: the fragment never
reaches any server, and the phone that scans the code reads the summary from its own address
bar, through the app's ordinary router. The summary travels as compact JSON, deflated with a
preset dictionary (the words and the skeleton every summary has), and written with the 42
characters that a QR code stores in its alphanumeric mode and a URL keeps as they are: 5.5
bits a character in the code, where base64 costs 8 (the app's address stays in byte mode).
Decoding gives back exactly the summary that was encoded. Links made before (`?s=`: zlib,
base64url) still open. A link longer than a QR code comfortably holds is refused, and the
room offers the file.
"""

from __future__ import annotations

import base64
import ipaddress
import zlib
from urllib.parse import urlsplit

from pydantic import ValidationError

from app.refusal import Refusal
from app.summary.summaries import MemberSummary

FRAGMENT = "#/shared-summary?z="  # the screen, and its parameter "z"
# The QR code's alphanumeric characters but space, "%" and "+", which a URL would change.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$*-./:"
DIGITS = {c: n for n, c in enumerate(ALPHABET)}
BASE = len(ALPHABET)  # 42: two bytes in three characters (42³ > 65535), one in two
# Deflate starts from these bytes as if it had just read them: the keys and values every
# summary repeats, and frequent words of both languages. Links in the wild inflate with it:
# never change it (tests/test_share.py pins it); a new dictionary needs a new parameter.
PRESET = (
    "je tu il elle on nous vous ils les des une un le la de du au aux que qui quoi comment "
    "pourquoi avec sans pour par dans sur est sont pas ne plus et ou mais à ce cette ces mon ma "
    "mes ton ta tes son sa ses leur équipe direction cadre agents service réunion entretien "
    "the a an of to in on for with without and or but not is are it this that my your their "
    "how what why who team manager meeting staff "
    '{"frame":{"language":"fr","group":"","date":"2026-","place":"","protocol":"","anonymous":true,'
    '"next_date":"2027-","next_place":""},"member":"","carried":[1],"rounds":[{"number":1,"carrier":"",'
    '"problem":"","full":true,"problem_text":"","reformulation":{"who":"","text":""},'
    '"request_types":["conseils","temoignages","avis","hypotheses","ressources"],"request":"",'
    '"sections":[{"kind":"note","title":"","said":[{"text":""}]},{"kind":"question","title":"",'
    '"said":[{"who":"","text":""}]},{"kind":"reformulation","title":"","said":[{"who":"","text":""}]},'
    '{"kind":"intervention","title":"","said":[{"who":"","text":"","help_type":"conseils"},'
    '{"who":"","text":"","help_type":"temoignages"}]},{"kind":"synthesis","title":"","said":[{"text":""}]}],'
    '"actions":[{"owner":"","text":"","due":"2027-","status":"open","comment":"","decided":"2026-"}]}],'
    '"learnings":[{"round":1,"text":""}],"followups":[{"owner":"","text":"","due":"2026-"'
).encode("utf-8")
# A version-40 QR code at the lowest correction level holds 23,648 bits of data, but codes
# near that size are slow to scan; a version-36 code (19,472 bits) is what a phone reads
# from a screen when it is shown large (the dialog gives it most of the screen).
MAX_CODE_BITS = 19_472
# Room kept for the app's own address when a screen judges, without knowing it, whether a
# summary fits a code (the command checks the real link).
ADDRESS_ALLOWANCE = 120
# A hostile link could inflate into gigabytes: nothing a summary needs is that large.
MAX_JSON_BYTES = 256 * 1024


class ShareError(Refusal):
    """A link that does not carry a readable summary; `key` names the message."""


def encode(summary: MemberSummary) -> str:
    data = summary.model_dump_json(exclude_defaults=True).encode("utf-8")
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, PRESET)
    return _to_text(deflater.compress(data) + deflater.flush())


def _to_text(data: bytes) -> str:
    out = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] << 8 | data[i + 1]
        out += (ALPHABET[n % BASE], ALPHABET[n // BASE % BASE], ALPHABET[n // BASE // BASE])
    if len(data) % 2:
        out += (ALPHABET[data[-1] % BASE], ALPHABET[data[-1] // BASE])
    return "".join(out)


def _from_text(text: str) -> bytes:
    try:
        digits = [DIGITS[c] for c in text]
    except KeyError:
        raise ShareError("share.error.damaged") from None
    if len(digits) % 3 == 1:
        raise ShareError("share.error.damaged")
    out = bytearray()
    for i in range(0, len(digits), 3):
        group = digits[i : i + 3]
        n = sum(d * BASE**k for k, d in enumerate(group))
        if n >= 256 ** (len(group) - 1):
            raise ShareError("share.error.damaged")
        out += n.to_bytes(len(group) - 1, "big")
    return bytes(out)


def read(payload: str, old_payload: str = "") -> MemberSummary:
    """The summary of a shared link: its `z` parameter, or the `s` of a link made before."""
    if payload or not old_payload:
        return _summary(_from_text(payload), zlib.decompressobj(-15, PRESET))
    try:
        packed = base64.urlsafe_b64decode(old_payload + "=" * (-len(old_payload) % 4))
    except ValueError:
        raise ShareError("share.error.damaged") from None
    return _summary(packed, zlib.decompressobj())


def _summary(packed: bytes, inflater) -> MemberSummary:
    try:
        data = inflater.decompress(packed, MAX_JSON_BYTES)
    except zlib.error:
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


def _segments(url: str) -> list[tuple[str, str]]:
    """The link as the code stores it: the address in byte mode, the summary alphanumeric."""
    address, fragment, payload = url.partition(FRAGMENT)
    return [(address + fragment, "byte"), (payload, "alphanumeric")] if payload else [(url, "byte")]


def _bits(segments: list[tuple[str, str]]) -> int:
    """The data bits of a large code (version 27 to 40) holding these segments: a mode
    (4 bits), a count (16 bits for bytes, 13 for characters), then 8 bits a byte, or 11
    bits a pair of characters and 6 for one left over."""
    total = 0
    for text, mode in segments:
        if mode == "byte":
            total += 4 + 16 + 8 * len(text.encode("utf-8"))
        else:
            total += 4 + 13 + 11 * (len(text) // 2) + 6 * (len(text) % 2)
    return total


def fits_qr(url: str) -> bool:
    return _bits(_segments(url)) <= MAX_CODE_BITS


def shareable(summary: MemberSummary) -> bool:
    """Whether the summary's link fits a code, wherever the app is served from (within reason)."""
    return fits_qr("x" * ADDRESS_ALLOWANCE + FRAGMENT + encode(summary))


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
    from segno import consts

    modes = {"byte": consts.MODE_BYTE, "alphanumeric": consts.MODE_ALPHANUMERIC}
    code = segno.make_qr([(text, modes[mode]) for text, mode in _segments(url)], error="l")
    return code.svg_inline(scale=4, border=4, omitsize=True, title=title, dark="#000", light="#fff")
