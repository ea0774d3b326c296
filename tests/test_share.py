"""A member's summary in a link's fragment, and that link as a QR code."""

from __future__ import annotations

import base64
import hashlib
import re
import zlib

import pytest
import zxingcpp

from app.share import MAX_LINK_BYTES, ShareError, decode, encode, fits_qr, link, qr_svg, reachable_elsewhere
from app.summary import member_summaries, member_summary
from app.summary_render import markdown, standalone
from app.views.context import Route
from halfday import half_day

BASE = "http://127.0.0.1:8000/some/sub/path/"


def payload_of(url: str) -> str:
    """What the app's router reads from the link: the screen, and the summary in "s"."""
    route = Route.parse(url[url.index("#"):])
    assert route.screen == "shared-summary"
    return route.get("s")


@pytest.fixture(scope="module")
def summaries():
    return list(member_summaries(half_day().ws, "s-1", "fr").values())


def test_the_link_gives_back_exactly_the_same_summary(summaries):
    for summary in summaries:
        url = link(BASE, summary)
        assert url.startswith(BASE + "#/shared-summary?s=")
        back = decode(payload_of(url))
        assert back == summary
        assert markdown(back) == markdown(summary) and standalone(back) == standalone(summary)


def test_the_payload_is_url_safe_and_compressed(summaries):
    carrier = summaries[0]
    payload = encode(carrier)
    assert re.fullmatch(r"[A-Za-z0-9_-]+", payload)
    assert len(payload) < len(carrier.model_dump_json()) / 2


def test_every_summary_of_the_half_day_fits_a_qr_code(summaries):
    assert all(fits_qr(link(BASE, s)) for s in summaries)


def test_a_summary_too_long_for_a_code_is_refused():
    room = half_day()
    noise = b"".join(hashlib.sha256(bytes([n])).digest() for n in range(48))
    varied = base64.b64encode(noise).decode()  # 2 kB that do not compress away
    room.do({"type": "edit_entry", "id": "r-1-n1", "text": "Ce que j'ai raconté : " + varied})
    url = link(BASE, member_summary(room.ws, "s-1", "m-sophie", "fr"))
    assert len(url.encode()) > MAX_LINK_BYTES and not fits_qr(url)
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
    for summary in (summaries[0], summaries[1]):  # the longest (a carrier's), and a short one
        url = link(BASE, summary)
        svg = qr_svg(url, "Code QR de la synthèse")
        assert svg.startswith("<svg") and "<title>Code QR de la synthèse</title>" in svg
        assert decode_qr(qr_modules(svg)) == url
        assert decode(payload_of(url)) == summary


@pytest.mark.parametrize(
    "payload, key",
    [
        ("", "share.error.damaged"),
        ("not base64 at all!", "share.error.damaged"),
        (base64.urlsafe_b64encode(b"plain text, not zlib").decode(), "share.error.damaged"),
        (base64.urlsafe_b64encode(zlib.compress(b'{"member": "x"}')[:-3]).decode(), "share.error.damaged"),
        (base64.urlsafe_b64encode(zlib.compress(b"[1, 2, 3]")).decode(), "share.error.unknown"),
        (base64.urlsafe_b64encode(zlib.compress(b'{"member": "<script>"}')).decode(), "share.error.unknown"),
        (base64.urlsafe_b64encode(zlib.compress(b"\xff\xfe")).decode(), "share.error.unknown"),
        (base64.urlsafe_b64encode(zlib.compress(b" " * 50_000_000, 9)).decode(), "share.error.too_large"),
    ],
)
def test_a_damaged_or_hostile_link_is_refused_with_a_message(payload, key):
    with pytest.raises(ShareError) as refused:
        decode(payload)
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
