"""End to end, home by phone: the QR code on the screen is read back (from a screenshot) as a
link; that link, opened on another device, shows exactly the member's summary, offers its
file, and stores nothing there. segno is fetched only when a code is first asked for."""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

import zxingcpp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the half-day

from app.summary.share import read  # noqa: E402
from app.summary.summaries import member_summary  # noqa: E402
from app.summary.render import standalone  # noqa: E402
from app.views.routes import Route  # noqa: E402
from support.busy_day import busy_day  # noqa: E402
from support.halfday import half_day  # noqa: E402
from ui_helpers import seed  # noqa: E402


def png_gray(png: bytes) -> tuple[bytes, int, int]:
    """The gray levels of a screenshot (8-bit RGB or RGBA, not interlaced, as Chromium writes)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = {}, 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at : at + 8])
        chunks.setdefault(kind, []).append(png[at + 8 : at + 8 + length])
        at += 12 + length
    width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"][0])
    assert depth == 8 and color in (2, 6) and interlace == 0
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    stride = width * channels
    previous = bytearray(stride)
    gray = bytearray()
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b, c = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        gray += bytes(sum(line[x : x + 3]) // 3 for x in range(0, stride, channels))
        previous = line
    return bytes(gray), width, height


def read_qr(png: bytes) -> str:
    gray, width, height = png_gray(png)
    found = zxingcpp.read_barcodes(memoryview(gray).cast("B", shape=[height, width]))
    assert len(found) == 1, "no QR code found in the screenshot"
    return found[0].text


def test_the_qr_link_opens_the_same_summary_elsewhere_and_stores_nothing(app, browser, guard, tmp_path):
    ws = half_day().ws
    page = app.page
    seed(page, ws)
    app.open("#/summaries?session=s-1")
    assert not [url for url in guard.requests if "segno" in url]  # not loaded at start-up

    page.get_by_role("button", name="Code QR — synthèse de Karim Haddad").click()
    dialog = page.get_by_role("dialog", name="Synthèse de Karim Haddad")
    dialog.wait_for()
    assert [url for url in guard.requests if url.endswith("segno-1.6.6-py3-none-any.whl")]
    url = read_qr(dialog.locator(".qr-code").screenshot())
    assert url.startswith(app.base_url + "#/shared-summary?z=")
    karim = member_summary(ws, "s-1", "m-karim", "fr")
    assert read(Route.parse(url[url.index("#"):]).get("z")) == karim
    dialog.get_by_role("button", name="Fermer").click()
    dialog.wait_for(state="hidden")

    # the member's phone: another browser, nothing stored there
    phone = browser.new_context(locale="en-GB", accept_downloads=True)
    phone.on("request", guard.on_request)
    phone.on("response", guard.on_response)
    phone.on("console", guard.on_console)
    phone.on("weberror", lambda web_error: guard.on_page_error(web_error.error))
    try:
        other = phone.new_page()
        other.goto(url)
        other.wait_for_function("document.documentElement.dataset.appState === 'ready'")
        assert other.get_by_role("heading", level=1).inner_text() == "Synthèse de séance — Karim Haddad"
        assert other.get_by_text("Je vais reconnaître plus souvent l'expertise de mes anciens.").first.is_visible()
        other.keyboard.press("Control+z")
        with other.expect_download() as started:
            other.get_by_role("button", name="Download (HTML page)").click()
        download = started.value
        assert download.suggested_filename == "cercle-cadres-de-sante-chu-nord-2026-12-03-karim-haddad.html"
        assert Path(download.path()).read_text(encoding="utf-8") == standalone(karim)
        other.get_by_role("status").filter(has_text="File ready").wait_for()
        assert other.evaluate("localStorage.length") == 0
        assert other.evaluate("sessionStorage.length") == 0
    finally:
        phone.close()


def test_the_longest_summary_of_a_busy_day_is_a_code_the_room_can_scan(app):
    """A carrier's summary of six members' half-day: a large code, read from the screen."""
    ws = busy_day().ws
    page = app.page
    seed(page, ws)
    app.open("#/summaries?session=s-1")
    page.get_by_role("button", name="Code QR — synthèse de Claire Nguyen-Thomas").click()
    dialog = page.get_by_role("dialog", name="Synthèse de Claire Nguyen-Thomas")
    dialog.wait_for()
    url = read_qr(dialog.locator(".qr-code").screenshot())
    assert read(Route.parse(url[url.index("#"):]).get("z")) == member_summary(ws, "s-1", "m-claire", "fr")


def test_a_damaged_link_says_so(app):
    app.open("#/shared-summary?s=not-a-summary")
    page = app.page
    assert page.get_by_role("heading", level=1).inner_text() == "Synthèse illisible"
    assert page.get_by_text("Ce lien est incomplet ou abîmé").is_visible()
    assert page.evaluate("localStorage.length") == 0
