"""The recovery screen's markup (app/views/recovery.py), under CPython."""

from __future__ import annotations

import pytest

from app.model import Workspace
from app.views import recovery
from app.views.context import View
from app.views.routes import Route
from test_views import assert_safe


@pytest.mark.parametrize(("lang", "title"), [("fr", "Cercle n’a pas pu ouvrir vos données"), ("en", "Cercle could not open your data")])
def test_the_recovery_screen_offers_both_ways_out_and_shows_the_error_as_text(lang, title):
    view = View(ws=Workspace(), route=Route("recovery"), lang=lang)
    markup = str(recovery.render(view, items=12, detail="Traceback <script>alert(1)</script>"))
    text = "".join(assert_safe(markup).text)
    assert title in text and "12" in text and "<script>alert(1)</script>" in text
    assert f'id="{recovery.DOWNLOAD_ID}"' in markup and f'id="{recovery.START_EMPTY_ID}"' in markup
