"""Summaries leave the app: downloads (a Blob and a link), the printable page in a new
window, the QR code in a dialog, the next session's calendar file.

Every file is made by the pure core (app/summary/files.py, app/summary/calendar.py, app/summary/share.py);
these commands only hand it to the browser. segno, which draws the QR code, is loaded the
first time a code is asked for (pyodide.loadPackage, from the wheel build.py ships and
pins), so it costs nothing at start-up.
"""

from __future__ import annotations

import asyncio
import sys
import traceback

import js
from pyodide.ffi import to_js

from app.summary import calendar, share
from app.actions import ActionError
from app.markup import Markup
from app.model import Session
from app.summary.summaries import Summary, group_summary, member_summary
from app.summary.files import File, archive, summary_file
from app.summary.render import standalone
from app.views.summaries import qr_dialog
from app.web import files, shell
from app.web.commands import command

DIALOG_ID = "summary-qr"
_segno_loaded = False


def _session(app, data) -> Session:
    """The session named by the button, as the summaries screen shows it: live, and of a
    group this device holds (app/views/summaries.py); otherwise there is nothing to make."""
    session = app.ws.sessions.get(str(data.get("session_id", "")))
    if session is None or session.deleted or session.group_id not in app.ws.groups:
        raise ActionError("summaries.unknown")
    return session


def _summary(app, data) -> Summary:
    """The member's summary named by the button (`member_id`), or the group's without one."""
    session = _session(app, data)
    member_id = str(data.get("member_id", ""))
    if not member_id:
        return group_summary(app.ws, session.id, app.lang)
    if member_id not in {m.id for m in app.ws.attendees(session)}:  # only those present get one
        raise ActionError("summaries.unknown")
    return member_summary(app.ws, session.id, member_id, app.lang)


def _hand_over(app, file: File) -> None:
    """A download made from memory (app/web/files.py): nothing is sent anywhere."""
    files.download(file.name, file.data, file.mime)
    app.announce("summaries.downloaded", name=file.name)


@command("summary-download")
def download_summary(app, data, element) -> None:
    extension = "md" if data.get("format") == "md" else "html"
    _hand_over(app, summary_file(_summary(app, data), extension))


@command("summary-zip")
def download_all(app, data, element) -> None:
    _hand_over(app, archive(app.ws, _session(app, data).id, app.lang))


@command("summary-ics")
def download_calendar(app, data, element) -> None:
    file = calendar.next_session(app.ws, _session(app, data).id, now_ms=shell.now(), language=app.lang)
    if file is None:
        raise ActionError("summaries.ics.no_date")
    _hand_over(app, file)


@command("summary-print")
def print_summary(app, data, element) -> None:
    """The standalone page in a new window, and the browser's print dialog on it (where
    "Save as PDF" is one of the printers)."""
    page = standalone(_summary(app, data))
    opened = js.window.open("", "_blank")
    if not opened:
        raise ActionError("summaries.print.blocked")
    opened.document.open()
    opened.document.write(page)
    opened.document.close()
    opened.focus()
    opened.print()


@command("shared-download")
def download_shared(app, data, element) -> None:
    """On the shared-link screen: the summary it carries, as a file. Nothing is saved."""
    try:
        summary = share.read(app.ui.route.get("z"), app.ui.route.get("s"))
    except share.ShareError as unreadable:
        raise ActionError(unreadable.key) from None
    _hand_over(app, summary_file(summary, "md" if data.get("format") == "md" else "html"))


@command("summary-qr")
def show_qr(app, data, element) -> None:
    summary = _summary(app, data)
    if summary.kind != "member":
        raise ActionError("summaries.unknown")
    url = share.link(str(js.location.href), summary)
    if not share.fits_qr(url):
        raise ActionError("summaries.qr.too_long")
    if not _segno_loaded:
        app.announce("summaries.qr.preparing")
    asyncio.ensure_future(_show_qr(app, summary.member, url))


async def _load_segno() -> None:
    global _segno_loaded
    if not _segno_loaded:
        import pyodide_js

        await pyodide_js.loadPackage("segno", to_js({"messageCallback": lambda message: None}, dict_converter=js.Object.fromEntries))
        _segno_loaded = True


async def _show_qr(app, name: str, url: str) -> None:
    try:
        await _load_segno()
        view = app.view()
        svg = Markup(share.qr_svg(url, view._("summaries.qr.svg_title", name=name)))
        dialog = _dialog()
        shell.paint_into(dialog, qr_dialog(view, name, svg, url))
        app.silence()
        dialog.showModal()
    except Exception:  # a code is a convenience: say so, and the files remain
        print(traceback.format_exc(), file=sys.stderr)
        app.refuse("summaries.qr.failed")


def _dialog():
    """The dialog lives outside the app's root, so that a re-render leaves it alone."""
    dialog = js.document.getElementById(DIALOG_ID)
    if not dialog:  # null in the page (JsNull), not None
        dialog = js.document.createElement("dialog")
        dialog.id = DIALOG_ID
        dialog.className = "qr-dialog"
        dialog.setAttribute("aria-labelledby", "summary-qr-title")
        js.document.body.append(dialog)
    return dialog
