"""The standalone summary printed on A4 in Chromium: nothing wider than the printable width,
even with long unbroken text, and a PDF of A4 pages."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the half-day

from app.summary.summaries import group_summary, member_summary  # noqa: E402
from app.summary.render import standalone  # noqa: E402
from support.halfday import half_day  # noqa: E402

# A4 is 210 mm wide; the page's stylesheet keeps 15 mm margins left and right: 180 mm of
# printable width, at 96 CSS pixels to the inch.
PRINTABLE_PX = int(180 / 25.4 * 96)  # 680
A4_POINTS = (595.28, 841.89)  # 210 × 297 mm in points

WIDEST = """() => {
  let widest = 0, culprit = "";
  for (const element of document.querySelectorAll("body *")) {
    const right = element.getBoundingClientRect().right;
    if (right > widest) { widest = right; culprit = element.tagName + " " + element.textContent.slice(0, 40); }
  }
  return {widest, culprit, scroll: document.documentElement.scrollWidth};
}"""


def unbreakable_room():
    """The half-day, with the kind of text that breaks layouts: a long URL, a long word."""
    room = half_day()
    room.do({"type": "edit_entry", "id": "r-1-i0", "text": "Voir https://intranet.example/" + "chemin/" * 40 + " et "
             + "Donaudampfschifffahrtsgesellschaftskapitän" * 4})
    room.do({"type": "rename_member", "id": "m-karim", "name": "Karim-" + "x" * 150})
    return room


@pytest.mark.parametrize("who", ["m-sophie", "group"])
def test_the_printed_summary_fits_the_a4_width(page, who):
    ws = unbreakable_room().ws
    summary = group_summary(ws, "s-1", "fr") if who == "group" else member_summary(ws, "s-1", who, "fr")
    page.set_viewport_size({"width": PRINTABLE_PX, "height": 1000})
    page.set_content(standalone(summary))
    page.emulate_media(media="print")
    measured = page.evaluate(WIDEST)
    assert measured["scroll"] <= PRINTABLE_PX, measured
    assert measured["widest"] <= PRINTABLE_PX, measured
    # the check can fail: without the stylesheet's wrapping rules, the long text overflows
    page.add_style_tag(content="*{overflow-wrap:normal!important;word-break:normal!important}")
    assert page.evaluate(WIDEST)["widest"] > PRINTABLE_PX
    page.set_content(standalone(summary))

    pdf = page.pdf(prefer_css_page_size=True)  # the page's own @page size: A4
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes and all(abs(float(w) - A4_POINTS[0]) < 1 and abs(float(h) - A4_POINTS[1]) < 1 for w, h in boxes)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert (pages >= 2) if who == "group" else (pages >= 1)
