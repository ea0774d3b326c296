"""The summaries, history and shared-summary screens (and the QR dialog), on a 1280x720
projector and on a phone: axe-core finds no WCAG 2.2 A or AA violation; screenshots go to
screenshots/ for a person to look at."""

from __future__ import annotations

import sys
from pathlib import Path

import build
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the half-day

from app.summary.share import link  # noqa: E402
from app.summary.summaries import member_summary  # noqa: E402
from support.halfday import half_day  # noqa: E402
from test_ui_a11y import WCAG, check  # noqa: E402
from ui_helpers import french, seed  # noqa: E402

from test_summary import next_session  # noqa: E402


def go(page, href: str, title: str) -> None:
    page.evaluate("h => { location.hash = h }", href)
    page.wait_for_function("t => document.querySelector('h1').textContent === t", arg=french(title))


@pytest.mark.parametrize("viewport, size", [("projector", (1280, 720)), ("phone", (390, 844))])
def test_the_summary_screens_pass_axe(app, viewport, size):
    ws = next_session(half_day()).ws
    page = app.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    seed(page, ws)
    app.open("#/home")
    page.add_script_tag(path=str(build.npm_packages() / "axe-core" / "axe.min.js"))
    violations = []
    go(page, "#/summaries?session=s-1", "Synthèses — Cadres de santé — CHU Nord, jeudi 3 décembre 2026")
    violations += check(page, "summaries", viewport)
    page.get_by_role("button", name="Code QR — synthèse de Marc Olivier").click()
    page.get_by_role("dialog").wait_for()
    violations += check(page, "summaries-qr", viewport)
    page.get_by_role("button", name="Fermer").click()
    go(page, "#/history?group=g-1", "Historique — Cadres de santé — CHU Nord")
    violations += check(page, "history", viewport)
    shared = link("", member_summary(ws, "s-2", "m-sophie", "fr"))
    go(page, shared, "Synthèse de séance — Sophie Garnier")
    violations += check(page, "shared-summary", viewport)
    go(page, "#/shared-summary?s=abc", "Synthèse illisible")
    violations += check(page, "shared-summary-broken", viewport)
    assert WCAG and violations == []
