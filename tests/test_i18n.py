"""Every visible string of the interface, in both languages: no message missing, none left
untranslated, the same placeholders in French and English, no message left unused, and
counts said properly ("1 tour", "3 tours", never "tour(s)")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.protocol import LIBRARY, ROUND_ROBIN
from app.views.charter import BY_KIND, COMMON
from app.views.followup import STATUSES
from app.views.steps import ENTRY_KINDS
from support.catalog_keys import check_complete, check_translated, keys_in, messages

ROOT = Path(__file__).resolve().parents[1]
UI_SOURCES = [*sorted((ROOT / "app" / "views").glob("*.py")), *sorted((ROOT / "app" / "web").rglob("*.py"))]
SAME_IN_BOTH = {"ui.app.name", "ui.timer.plus_one", "ui.setup.step_minutes", "ui.setup.date", "ui.plan.text", "ui.timer.pause", "ui.entry.question.label", "ui.capture.questions", "ui.capture.reformulations", "ui.entry.reformulation.label"}


def used_keys() -> set[str]:
    """The keys written in the screens and the shell, and those built from data."""
    keys = keys_in(UI_SOURCES, "ui")
    speakers = {s.speaker for p in LIBRARY.values() for s in p.steps} | set(ROUND_ROBIN)
    captures = {s.capture for p in LIBRARY.values() for s in p.steps if s.capture in ENTRY_KINDS} | {"pitches", "vote", "contract", "synthesis"}
    request_types = {t for p in LIBRARY.values() for t in p.request_types}
    keys |= {f"ui.speaker.{s}" for s in speakers}
    keys |= {f"ui.capture.{c}" for c in captures}
    keys |= {f"ui.request.{t}" for t in request_types}
    keys |= {f"ui.timer.{s}" for s in ("running", "paused", "overtime")}
    keys |= {f"ui.stage.{s}" for s in ("charter", "followup", "round", "between", "evaluation", "finished")}
    keys |= {f"ui.status.{s}" for s in STATUSES}
    keys |= {f"ui.charter.{r}" for r in COMMON + tuple(r for rules in BY_KIND.values() for r in rules)}
    keys |= {f"ui.charter.intro.{kind}" for kind in BY_KIND}
    kinds = set(ENTRY_KINDS.values()) | {"synthesis", "evaluation"}
    keys |= {f"ui.entry.{k}.{part}" for k in kinds for part in ("label", "add")}
    return keys


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_ui_message_is_in_the_catalog_and_every_message_is_used(lang):
    check_complete("ui", lang, used_keys())


def test_english_and_french_differ_and_share_their_placeholders():
    check_translated("ui", SAME_IN_BOTH)



@pytest.mark.parametrize("lang", ["fr", "en"])
def test_counts_are_said_with_the_form_their_number_asks_for(lang):
    from app.views.context import View
    from app.model import Workspace

    view = View(ws=Workspace(), lang=lang)
    said = [view.plural("ui.count.rounds", n) for n in (0, 1, 3)]
    assert said == (["aucun tour", "1 tour", "3 tours"] if lang == "fr" else ["no round", "1 round", "3 rounds"])
    assert not [k for k, text in messages("ui", lang).items() if re.search(r"\((s|e|es|x)\)", text)], "no “(s)” left"
