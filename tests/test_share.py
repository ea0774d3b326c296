"""A member's summary in a link's fragment, and that link as a QR code."""

from __future__ import annotations

import base64
import hashlib
import re
import string
import zlib

import pytest
import zxingcpp

from app.summary.share import ALPHABET, PRESET, ShareError, encode, fits_qr, link, qr_svg, reachable_elsewhere, read, shareable
from app.summary.summaries import member_summaries, member_summary
from app.summary.render import markdown, standalone
from app.views.routes import Route
from support.busy_day import busy_day
from support.halfday import half_day

BASE = "http://127.0.0.1:8000/some/sub/path/"


def payload_of(url: str) -> str:
    """What the app's router reads from the link: the screen, and the summary in "s"."""
    route = Route.parse(url[url.index("#"):])
    assert route.screen == "shared-summary"
    return route.get("z")


@pytest.fixture(scope="module")
def summaries():
    return list(member_summaries(half_day().ws, "s-1", "fr").values())


def test_the_link_gives_back_exactly_the_same_summary(summaries):
    for summary in summaries:
        url = link(BASE, summary)
        assert url.startswith(BASE + "#/shared-summary?z=")
        back = read(payload_of(url))
        assert back == summary
        assert markdown(back) == markdown(summary) and standalone(back) == standalone(summary)


def test_the_payload_is_url_safe_qr_alphanumeric_and_compressed(summaries):
    carrier = summaries[0]
    payload = encode(carrier)
    assert re.fullmatch(r"[0-9A-Z$*./:-]+", payload) and set(ALPHABET) <= set(string.printable) - set(" %+")
    assert len(payload) * 5.5 < len(carrier.model_dump_json()) * 8 / 2  # bits in the code: under half the JSON's


def test_every_summary_of_the_half_day_fits_a_qr_code(summaries):
    assert all(fits_qr(link(BASE, s)) for s in summaries)


def test_every_members_summary_of_a_busy_day_fits_a_qr_code():
    """Six members, two rounds, every contribution its own sentence: the carriers' summaries
    (5 kB of JSON) did not fit a code as zlib and base64url."""
    busy = member_summaries(busy_day().ws, "s-1", "fr")
    assert max(len(s.model_dump_json()) for s in busy.values()) > 5000
    assert all(shareable(s) and fits_qr(link(BASE, s)) for s in busy.values())
    old = {m: "#/shared-summary?s=" + base64.urlsafe_b64encode(zlib.compress(s.model_dump_json(exclude_defaults=True).encode(), 9)).decode() for m, s in busy.items()}
    assert not fits_qr("x" * 120 + old["m-claire"])


def test_a_link_made_before_still_opens(summaries):
    for summary in summaries[:2]:
        old = base64.urlsafe_b64encode(zlib.compress(summary.model_dump_json(exclude_defaults=True).encode(), 9)).rstrip(b"=").decode()
        assert read("", old) == summary


def test_the_preset_dictionary_never_changes():
    """Links already handed out inflate with it: a new dictionary needs a new parameter."""
    assert hashlib.sha256(PRESET).hexdigest()[:16] == "05ca2d5a675c240b"


def test_a_summary_too_long_for_a_code_is_refused():
    room = half_day()
    noise = b"".join(hashlib.sha256(bytes([n])).digest() for n in range(64))
    varied = base64.b64encode(noise).decode()  # 2.7 kB that do not compress away
    room.do({"type": "edit_entry", "id": "r-1-n1", "text": "Ce que j'ai raconté : " + varied})
    url = link(BASE, member_summary(room.ws, "s-1", "m-sophie", "fr"))
    assert not fits_qr(url) and not shareable(member_summary(room.ws, "s-1", "m-sophie", "fr"))
    assert fits_qr(link(BASE, member_summary(room.ws, "s-1", "m-karim", "fr")))


def qr_modules(svg: str) -> list[list[bool]]:
    """The dark modules of segno's SVG, read from its path (M/m moves, h runs)."""
    size = int(float(re.search(r'viewBox="0 0 (\d+)', svg)[1]) / float(re.search(r"scale\((\d+)\)", svg)[1]))
    grid = [[False] * size for _ in range(size)]
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmh])\s*(-?[\d.]+)(?:\s+(-?[\d.]+))?", re.search(r'class="qrline"[^>]* d="([^"]+)"', svg)[1]):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            for column in range(int(x), int(x + float(a))):
                grid[int(y)][column] = True
            x += float(a)
    return grid


def decode_qr(grid: list[list[bool]], scale: int = 4) -> str:
    pixels = bytes(0 if dark else 255 for row in grid for _ in range(scale) for dark in row for _ in range(scale))
    side = len(grid) * scale
    found = zxingcpp.read_barcodes(memoryview(pixels).cast("B", shape=[side, side]))
    assert len(found) == 1 and found[0].format == zxingcpp.BarcodeFormat.QRCode
    return found[0].text


def test_the_qr_code_reads_back_as_the_link(summaries):
    claire = member_summary(busy_day().ws, "s-1", "m-claire", "fr")  # the longest of a busy day
    for summary in (summaries[0], summaries[1], claire):  # a carrier's, a short one, the longest
        url = link(BASE, summary)
        svg = qr_svg(url, "Code QR de la synthèse")
        assert svg.startswith("<svg") and "<title>Code QR de la synthèse</title>" in svg
        grid = qr_modules(svg)
        assert (len(grid) - 2 * 4 - 17) // 4 <= 36, "a version-36 code at most (border: 4 modules)"
        assert decode_qr(grid) == url
        assert read(payload_of(url)) == summary


def packed(data: bytes) -> str:
    """`data` deflated with the preset dictionary, in the link's characters."""
    from app.summary.share import _to_text

    deflater = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, PRESET)
    return _to_text(deflater.compress(data) + deflater.flush())


@pytest.mark.parametrize(
    "payload, key",
    [
        ("", "share.error.damaged"),
        ("not a summary", "share.error.damaged"),
        ("ABCD", "share.error.damaged"),  # a character left over: no byte ends there
        (":::", "share.error.damaged"),  # 41 + 41·42 + 41·42² > 65535
        (packed(b'{"member": "x"}')[:-3], "share.error.damaged"),
        (packed(b"[1, 2, 3]"), "share.error.unknown"),
        (packed(b'{"member": "<script>"}'), "share.error.unknown"),
        (packed(b"\xff\xfe"), "share.error.unknown"),
        (packed(b" " * 50_000_000), "share.error.too_large"),
    ],
)
def test_a_damaged_or_hostile_link_is_refused_with_a_message(payload, key):
    with pytest.raises(ShareError) as refused:
        read(payload)
    assert refused.value.key == key


@pytest.mark.parametrize(
    "old, key",
    [
        ("not base64 at all!", "share.error.damaged"),
        (base64.urlsafe_b64encode(b"plain text, not zlib").decode(), "share.error.damaged"),
        (base64.urlsafe_b64encode(zlib.compress(b'{"member": "x"}')[:-3]).decode(), "share.error.damaged"),
        (base64.urlsafe_b64encode(zlib.compress(b"[1, 2, 3]")).decode(), "share.error.unknown"),
        (base64.urlsafe_b64encode(zlib.compress(b" " * 50_000_000, 9)).decode(), "share.error.too_large"),
    ],
)
def test_a_damaged_old_link_is_refused_with_a_message(old, key):
    with pytest.raises(ShareError) as refused:
        read("", old)
    assert refused.value.key == key


@pytest.mark.parametrize(
    "url, reachable",
    [
        ("https://cercle.example.org/app/#/summaries", True),
        ("http://192.168.1.20:8000/", True),
        ("http://[fe80::1]/", True),
        ("http://127.0.0.1:8000/", False),
        ("http://127.8.0.1/", False),
        ("http://localhost:8000/", False),
        ("http://app.localhost/", False),
        ("http://[::1]:8000/", False),
        ("file:///home/me/cercle/index.html", False),
    ],
)
def test_a_local_address_is_not_one_a_phone_can_open(url, reachable):
    assert reachable_elsewhere(url) is reachable
