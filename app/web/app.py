"""The running app: the workspace in memory, and the one loop that changes it.

An intent becomes a core action (`app.actions.parse`), is applied, saved, and the screen is
rendered again; a refusal becomes a translated message in the page's aria-live region and
changes nothing. This module touches the browser only through the callables it is given, so
the loop is tested under CPython.
"""

from __future__ import annotations

import dataclasses
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from app.i18n import pick_language, translator
from app.markup import Markup
from app.model import Workspace
from app.refusal import Refusal
from app.views import render as render_view
from app.views.context import Ui, View
from app.views.routes import Route
from app.views.parts import UNDO_DELETION


def deleted(ws: Workspace) -> bool:
    """Whether the action just applied deleted a record: the undo it left puts a record back
    ("deleted" was false before it)."""
    return bool(ws.local.undo) and any(change.before.get("deleted") is False for change in ws.local.undo[-1])


@dataclass
class Effects:
    """What the app needs from the page (stubs in tests)."""

    paint: Callable[[Markup, str], None]  # markup, language
    save: Callable[[Workspace], None]
    now: Callable[[], int]  # epoch ms
    today: Callable[[], str]  # ISO date
    navigate: Callable[[str], None]  # set the URL hash
    focus_title: Callable[[str], None] = lambda ident="": None  # after a change of screen: the title, or the element `ident`
    browser_languages: tuple[str, ...] = ()
    format_number: Callable[[float, str], str] | None = None  # number, language
    local_time: Callable[[int], tuple[int, int]] | None = None  # epoch ms -> (hour, minute), local


@dataclass(frozen=True)
class Arrival:
    """What becomes of a workspace that arrives other than by an action (`App.absorb`)."""

    save: bool  # written to storage (else it came from there)
    # The undo history: "keep" it; or the arrival is the "step" undo takes back, the steps
    # before it gone (app/actions/core.py `imported`: undoing an earlier action over merged
    # records could put back text that the other device had replaced since).
    history: str


# Every way a workspace arrives besides `dispatch`, and its policy, in one place.
ARRIVALS = {
    "import": Arrival(save=True, history="step"),  # a file merged in: Défaire takes it back
    "export": Arrival(save=True, history="keep"),  # the time of this device's last export
    "delete-group": Arrival(save=True, history="keep"),  # from this device only (app/sync/shards.py `without_group`)
    "other-tab": Arrival(save=False, history="keep"),  # what another tab wrote (app/tabs.py)
    "checked": Arrival(save=False, history="keep"),  # storage read again with every check (app/web/startup/checks.py)
}


class App:
    def __init__(self, ws: Workspace, route: Route, effects: Effects, *, presentation: bool = False) -> None:
        self.ws = ws
        self.effects = effects
        self.presentation = presentation  # the read-only window facing the room, for its whole life
        self._ui = Ui(route)

    @property
    def ui(self) -> Ui:
        """What this window shows besides the workspace (where the user is, the message on
        screen, what only the browser knows): one value, replaced only by the doors below
        (`dispatch`, `navigate`, `arrived`, `tell`, `silence`, `announce`, `refuse`)."""
        return self._ui

    @property
    def lang(self) -> str:
        return pick_language(self.ws.local.language, self.effects.browser_languages)

    def view(self) -> View:
        lang, numbers, ui = self.lang, self.effects.format_number, self._ui
        return View(
            ws=self.ws,
            route=ui.route,
            lang=lang,
            now=self.effects.now(),
            notice=ui.notice,
            undo_offered=ui.undo_offered,
            error=ui.error,
            presentation=self.presentation,
            today=self.effects.today(),
            format_number=(lambda value: numbers(value, lang)) if numbers else None,
            local_time=self.effects.local_time,
            browser=ui.browser,
        )

    def render(self) -> None:
        self.effects.paint(render_view(self.view()), self.lang)

    def dispatch(self, data: dict[str, Any], *, go: str = "", sent: tuple[str, ...] = (), then: Route | None = None, focus: str = "", saved: str = "") -> bool:
        """Apply one action; True if it was accepted. `go` names the screen to open next,
        with the new record's id (`data-go="group"` after creating a group), `then` the
        route to open (and `focus` the element to focus there); `sent` names the drafts
        that the action consumed (a form's fields), emptied once it is accepted: each field
        then shows what the screen says (the saved value where a form edits a record,
        nothing where it adds one). `saved` is the message (a catalog key) that confirms a
        form's save in the polite live region."""
        # pydantic and app.actions (forty pydantic models) come after the first screen,
        # which does not need them (app/web/startup/checks.py imports them before any action).
        from pydantic import ValidationError

        from app.actions import apply, parse

        try:
            action = parse(data)
            ws = apply(self.ws, action, now=self.effects.now(), device=self.ws.local.device)
            for key in sent:
                ws = self._draft(ws, key, "")
            self.ws = ws
        except Refusal as refusal:
            self.refuse(refusal.key, **refusal.params)
            return False
        except ValidationError as invalid:
            self.refuse(*_invalid_message(invalid))
            return False
        self.effects.save(self.ws)
        notice = translator(self.lang)(saved) if saved else ""
        if notice and notice == self._ui.notice:
            # The same confirmation again (a second save): the live region is emptied
            # first, else it does not change and a screen reader says nothing.
            self.silence()
        if deleted(self.ws):
            # Nothing asks before a contribution, pitch, action or member goes: the notice
            # says it went, and its button (focused: the deleted one's button is gone) undoes it.
            self._ui = self._ui.saying(translator(self.lang)("screen.deleted"), undo_offered=True)
            self.render()
            self.effects.focus_title(UNDO_DELETION)
            return True
        if go:
            self.navigate(Route(go, (("id", str(getattr(action, "id", ""))),)))
        elif then is not None:
            self.navigate(then, focus=focus, notice=notice)
        else:
            self._ui = self._ui.saying(notice)
            self.render()
        return True

    def absorb(self, ws: Workspace, cause: str) -> None:
        """The second door, for a workspace made outside the actions (`ARRIVALS` names the
        causes and what each does to storage and undo). The caller renders or navigates."""
        arrival = ARRIVALS[cause]
        if arrival.history == "step":
            from app.actions.core import imported  # pydantic: an import comes after the first screen

            ws = imported(self.ws, ws)
        self.ws = ws
        if arrival.save:
            self.effects.save(ws)

    def set_draft(self, key: str, text: str) -> None:
        """Text being typed: kept and saved, without a render (the field already shows it)."""
        self.ws = self._draft(self.ws, key, text)
        self.effects.save(self.ws)

    def drop_drafts(self, prefix: str) -> None:
        """Forget the drafts of a form that closes unsent (keys starting with `prefix`)."""
        ws = self.ws
        for key in [k for k in ws.local.drafts if k.startswith(prefix)]:
            ws = self._draft(ws, key, "")
        if ws is not self.ws:
            self.ws = ws
            self.effects.save(ws)

    def _draft(self, ws: Workspace, key: str, text: str) -> Workspace:
        from app.actions import apply, parse  # on first use: see dispatch

        action = parse({"type": "set_draft", "key": key, "text": text})
        return apply(ws, action, now=self.effects.now(), device=ws.local.device)

    def navigate(self, route: Route, *, focus: str = "", notice: str = "") -> None:
        """Open `route`; the focus goes to its title, or to the element `focus` names;
        `notice` (translated) is announced there."""
        self._ui = dataclasses.replace(self._ui.saying(notice), route=route)
        self.effects.navigate(route.href)
        self.render()
        self.effects.focus_title(focus)

    def arrived(self, route: Route) -> None:
        """The address changed under the app (back button, a link typed): that screen, with
        no message left over; the shell moves the focus."""
        self._ui = dataclasses.replace(self._ui.saying(), route=route)
        self.render()

    def tell(self, **changes: Any) -> None:
        """What only the browser knows changed (storage status, a file coming in, sharing, an
        update ready): `ui.browser`, the one value screens read it from (`BrowserState`)."""
        self._ui = dataclasses.replace(self._ui, browser=dataclasses.replace(self._ui.browser, **changes))

    def silence(self) -> None:
        """The notice on screen withdrawn (a dialog opens over it); a refusal stays."""
        self._ui = self._ui.saying(error=self._ui.error)
        self.render()

    def announce(self, key: str, **params: Any) -> None:
        self._ui = self._ui.saying(translator(self.lang)(key, **params))
        self.render()

    def refuse(self, key: str, **params: Any) -> None:
        self._ui = self._ui.saying(error=translator(self.lang)(key, **params))
        self.render()

    @contextmanager
    def refusing(self) -> Iterator[None]:
        """Where an intent runs: a refusal it raises (an action, a file, a link: app/refusal.py)
        becomes the message on screen, and nothing was changed."""
        try:
            yield
        except Refusal as refusal:
            self.refuse(refusal.key, **refusal.params)


def _invalid_message(invalid: Any) -> tuple[str, ...]:
    """A refused form, in words: which kind of mistake (the fields are labelled on screen)."""
    kinds = {error["type"] for error in invalid.errors()}
    if kinds & {"missing", "string_too_short"}:
        return ("ui.error.required",)
    if "string_too_long" in kinds:
        return ("ui.error.too_long",)
    return ("ui.error.invalid",)
