"""Closing a session asks first, in the page: "Clore la séance" opens the question (the
address's `close` parameter, app/views/evaluation.py), whose answers close the session or
leave it open, the focus on the button that asked. A reopened session opens on its rounds,
one of which is what the room came back to correct."""

from __future__ import annotations

from app.views.between import ROUNDS_DONE
from app.views.evaluation import CLOSE
from app.web.commands import command


@command("close-ask")
def ask(app, data, element) -> None:
    app.navigate(app.ui.route.with_params(**{CLOSE: "ask"}), focus="close-confirm")


@command("close-cancel")
def cancel(app, data, element) -> None:
    app.navigate(app.ui.route.with_params(**{CLOSE: ""}), focus="close-ask")


@command("close-session")
def close(app, data, element) -> None:
    action = {"type": "finish_session", "session_id": str(data.get("session_id", ""))}
    app.dispatch(action, then=app.ui.route.with_params(**{CLOSE: ""}))


@command("reopen-session")
def reopen(app, data, element) -> None:
    action = {"type": "reopen_session", "session_id": str(data.get("session_id", ""))}
    app.dispatch(action, then=app.ui.route, focus=ROUNDS_DONE)
