"""What every screen renders from: the workspace, where the user is, and how to speak.

A `View` is built by the shell for one render (and by tests directly); screens read it and
never change it. Where the user is, the route, is app/views/routes.py.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable

from app.dates import long_date
from app.frozen import Value, frozen
from app.i18n import translator
from app.model import Workspace
from app.views.routes import Route


@frozen(kw_only=False)
class Storage(Value):
    """What this browser's storage holds for the app (app/web/storage.py)."""

    used: int = 0  # characters, as the quota counts
    failed: bool = False  # the last save could not write everything
    kept: bool = False  # what it could not write is kept in this tab until storage accepts it
    written_back: bool = False  # what was kept has been written since
    set_aside: tuple[str, ...] = ()  # keys of stored data that could not be read
    reasons: tuple[tuple[str, str], ...] = ()  # (key set aside, why: a message key), once known


@frozen(kw_only=False)
class Incoming(Value):
    """A file picked or dropped, until merged or cancelled: sealed, waiting for its
    passphrase (no preview), or plain and previewed (an app.sync.merge.Preview)."""

    name: str
    preview: Any = None
    data: bytes = b""  # its bytes, as picked (sealed) or once opened (plain)


@frozen(kw_only=False)
class BrowserState(Value):
    """What only the browser knows and screens show (the transfer screen, the banner when
    saving fails): part of `Ui`, set by the shell (app/web/app.py `App.tell`), never stored."""

    storage: Storage = Storage()
    incoming: Incoming | None = None
    can_share: bool = False  # the Web Share API can send files
    update_ready: bool = False  # a new version of Cercle is installed, waiting for a reload (app/views/offline.py)


@frozen(kw_only=False)
class Ui(Value):
    """What one window shows besides the workspace, never stored: where the user is, the
    message on screen, and what only the browser knows. The app holds one (app/web/app.py
    `App.ui`) and replaces it only through its named doors; each render reads it."""

    route: Route = Route()
    notice: str = ""  # a translated message to announce (aria-live), e.g. "Saved"
    undo_offered: bool = False  # the notice says something was deleted: it offers to undo that
    error: str = ""  # a translated refusal (aria-live, assertive)
    browser: BrowserState = BrowserState()

    def saying(self, notice: str = "", *, error: str = "", undo_offered: bool = False) -> Ui:
        """The message on screen replaced: one notice or one refusal at a time, and any new
        message withdraws the offer to undo a deletion, which the "Deleted" notice alone makes."""
        return dataclasses.replace(self, notice=notice, error=error, undo_offered=undo_offered)


@frozen(kw_only=False)
class View(Value):
    """Everything one render needs. `now` is epoch ms; `format_number` is the browser's Intl
    in the page (the shell passes it), a plain fallback elsewhere. Dates are written by
    app/dates.py, as the summaries write them: one format per language everywhere."""

    ws: Workspace
    route: Route = Route()
    lang: str = "fr"
    now: int = 0
    notice: str = ""  # a translated message to announce (aria-live), e.g. "Saved"
    undo_offered: bool = False  # the notice says something was deleted: it offers to undo that
    error: str = ""  # a translated refusal (aria-live, assertive)
    presentation: bool = False  # the read-only window facing the room
    today: str = ""  # ISO date, for defaults (a new session's date)
    format_number: Callable[[float], str] | None = None
    local_time: Callable[[int], tuple[int, int]] | None = None  # epoch ms -> (hour, minute) where the room is
    browser: BrowserState = BrowserState()

    def __post_init__(self) -> None:
        # `_`, the translator of `lang`: not a field (not given, compared or shown).
        object.__setattr__(self, "_", translator(self.lang))

    def date(self, iso: str) -> str:
        if not iso:
            return ""
        return long_date(iso, self.lang)

    def number(self, value: float) -> str:
        """A number in the reader's language (7,5 in French), at most one decimal."""
        if self.format_number:
            return self.format_number(value)
        text = f"{value:.1f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if self.lang == "fr" else text

    def time(self, epoch_ms: int) -> str:
        """A time of day in the reader's language: 10 h 40 (no-break spaces: it never splits
        across lines), 10:40. Without the browser (tests), in UTC."""
        hour, minute = self.local_time(epoch_ms) if self.local_time else divmod(epoch_ms // 60_000 % 1440, 60)
        return f"{hour}\u00a0h\u00a0{minute:02d}" if self.lang == "fr" else f"{hour}:{minute:02d}"

    def plural(self, key: str, n: int, **params: object) -> str:
        """A message about a count: `<key>.zero`, `<key>.one` or `<key>.many` (French and
        English agree on these for whole numbers: "1 tour", "2 tours"), with `{n}` in it."""
        form = "zero" if n == 0 else "one" if n == 1 else "many"
        return self._(f"{key}.{form}", n=n, **params)

    def draft(self, key: str, default: str = "") -> str:
        return self.ws.local.drafts.get(key, default)
