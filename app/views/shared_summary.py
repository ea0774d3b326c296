"""A summary opened from a shared link (`#/shared-summary?s=...`), on the member's phone.

It shows the summary read-only and offers its files. Nothing here stores anything: the
screen has none of the app's bar (undo, preferences) and no `data-action` at all, only
download commands, so no intent on it can reach the workspace or the device's storage.
"""

from __future__ import annotations

from app.markup import Markup, h
from app.summary.share import ShareError, read
from app.summary.layout import layout
from app.summary.render import article
from app.views.context import View
from app.views.parts import panel

TITLE = {"class": "title", "id": "screen-title", "tabindex": "-1"}


def _frame(view: View, *content: object) -> Markup:
    return h(
        "div",
        {"class": "screen shared-summary", "data-screen": "shared-summary"},
        h("p", {"class": "notice", "role": "status"}, view.notice),
        h("p", {"class": "error", "role": "alert"}, view.error),
        *content,
    )


def render(view: View) -> Markup:
    _ = view._
    try:
        summary = read(view.route.get("z"), view.route.get("s"))
    except ShareError as unreadable:
        return _frame(
            view,
            h("h1", TITLE, _("shared.unreadable")),
            h("p", {}, _(unreadable.key)),
            h("p", {}, h("a", {"href": "./", "class": "button"}, _("shared.open_app"))),
        )
    keep = panel(
        "shared-keep",
        _("shared.keep"),
        h("p", {}, _("shared.keep.hint")),
        h(
            "p",
            {"class": "summary-buttons"},
            h("button", {"type": "button", "class": "primary", "data-command": "shared-download", "data-format": "html"}, _("shared.html")),
            " ",
            h("button", {"type": "button", "data-command": "shared-download", "data-format": "md"}, _("shared.markdown")),
        ),
    )
    return _frame(view, keep, article(layout(summary), tag="article", title=TITLE))
