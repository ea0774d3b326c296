"""The offer to reload into a new version of Cercle, on every screen once the browser has
installed a newly published build beside the running one (assets/offline.mjs). The page
never reloads by itself, and not during a round: its timer and the speaker's turn would be
cut short. Everything is saved as it is typed, so a reload loses nothing."""

from __future__ import annotations

from app.markup import Markup, h
from app.model import Workspace
from app.views.context import View
from app.views.parts import button


def round_running(ws: Workspace) -> bool:
    session = ws.running_session()
    return session is not None and session.stage == "round"


def update_offer(view: View) -> Markup | None:
    if not view.browser.update_ready or view.presentation:
        return None
    _ = view._
    waiting = round_running(view.ws)
    return h(
        "div",
        {"class": "reminder", "role": "status"},
        h("p", {}, _("offline.update.ready")),
        h("p", {}, _("offline.update.after_round")) if waiting else None,
        button(_("offline.update.reload"), command="reload-update", cls="primary", disabled=waiting),
    )
