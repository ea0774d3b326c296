"""The recovery screen: what shows when Cercle cannot start on what this browser stores
(app/web/startup/recovery.py), instead of a dead page.

Not a route: the app never started, so there is no workspace, no bar and no intents, only
two buttons the shell wires itself: download everything stored, as it is stored, and start
empty with everything stored set aside (kept under `cercle.aside.*`, listed on the transfer
screen once the app is up).
"""

from __future__ import annotations

from app.markup import Markup, h
from app.views.context import View

DOWNLOAD_ID = "recovery-download"
START_EMPTY_ID = "recovery-start-empty"


def render(view: View, *, items: int, detail: str) -> Markup:
    _ = view._
    return h(
        "main",
        {"class": "screen recovery", "data-screen": "recovery"},
        h("h1", {"class": "title", "id": "screen-title", "tabindex": "-1"}, _("restore.recovery.title")),
        h("p", {"class": "lead"}, _("restore.recovery.lead")),
        h("p", {}, _("restore.recovery.kept", items=items)),
        h(
            "ol",
            {},
            h("li", {}, h("button", {"type": "button", "class": "button primary", "id": DOWNLOAD_ID},
                          _("restore.recovery.download")), h("p", {"class": "hint"}, _("restore.recovery.download_hint"))),
            h("li", {}, h("button", {"type": "button", "class": "button", "id": START_EMPTY_ID},
                          _("restore.recovery.start_empty")), h("p", {"class": "hint"}, _("restore.recovery.start_empty_hint"))),
        ),
        h("p", {"class": "notice", "role": "status"}, view.notice),
        h("details", {}, h("summary", {}, _("restore.recovery.detail")), h("pre", {}, detail)),
    )
