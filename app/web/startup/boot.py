"""The boot sequence: the stored workspace read, the app wired to the page, the first screen painted, then pydantic, the warm-up in idle time; and the way out when a start fails.

It wires the pure core (the workspace, the views) to the browser shell, in the order
docs/startup.md gives ("How the page starts"); app/main.py runs it and turns any failure
into the page's failure screen (assets/boot.js) or the recovery screen, instead of a page
that spins forever.
"""

from __future__ import annotations

import traceback

import js


async def start() -> None:
    """From the address and what is stored to the first screen, ready; then pydantic and the
    warm-up (docs/startup.md, "How the page starts")."""
    # Imported here, not at the top: a module that fails to import is then a failed start
    # that app/main.py shows, not a page that never runs.
    from pyodide.ffi import create_proxy

    from app.model import Workspace
    from app.startup import collector, gate, warmup
    from app.views.routes import Route
    from app.web import commands, effects, events, last_screen, offline, shell, storage, ticker
    from app.web.app import App, Effects
    from app.web.startup import checks

    route = Route.parse(shell.hash_())
    presentation = route.screen == "presentation"
    # A summary opened from a link stays on the phone that scanned it: nothing read, nothing stored.
    shared = route.screen == "shared-summary"
    # The first screen paints before pydantic loads (app/startup/gate.py), unless it needs it
    # or the stored data is not as this version stores it.
    checked = shared or gate.needed_for(route)
    if checked:
        await checks.load()
    ws = Workspace() if shared else storage.load_workspace(checked=checked)
    if ws is None:
        checked = True
        await checks.load()
        ws = storage.load_workspace(checked=True)

    def paint(markup, lang):
        shell.paint(markup, lang)
        if not (presentation or shared):
            last_screen.keep(markup, lang)  # painted at the next start, before Python is up
        session = app.ws.sessions.get(app.ui.route.get("id")) or app.ws.running_session()
        effects.keep_awake(app.ui.route.screen in ("session", "presentation") and session is not None and session.stage == "round")

    app = App(
        ws,
        route,
        Effects(
            paint=paint,
            save=(lambda ws: None) if presentation or shared else storage.save_workspace,
            now=shell.now,
            today=shell.today,
            navigate=shell.set_hash,
            focus_title=shell.focus_title,
            browser_languages=shell.browser_languages(),
            format_number=shell.format_number,
            local_time=shell.local_time,
        ),
        presentation=presentation,
    )
    events.install(app)
    offline.install(app)  # a new version offered (app/views/offline.py)
    ticker.start(app)

    def on_visibility(event):
        effects.on_visible()

    if not shared:
        storage.install(app)  # other tabs merge in; the presentation window follows
    js.document.addEventListener("visibilitychange", create_proxy(on_visibility))
    await shell.parsed()
    try:
        app.render()
    except Exception as error:
        if checked:
            raise
        print(f"Cercle: the stored data, read unchecked, could not be shown ({error!r}); reading it with every check")
        # Stored data that the unchecked reading took and the screen cannot show: read it
        # again with every check first (what does not pass is set aside), then show it.
        await checks.load()
        app.absorb(storage.load_workspace(checked=True), "checked")
        app.render()
    shell.mark_ready()
    collector.resume()  # off since app/main.py's run(): see app/startup/collector.py
    # Then pydantic, and what waited for it; then, in idle time, what the first clicks
    # import, and (where people click) a rehearsal.
    await checks.after_ready(
        app, lambda: shell.when_idle(warmup.after_ready(app, commands.first_click_modules(), rehearse=not presentation)))


def fail(error: Exception, detail: str, *, late: bool = False) -> None:
    """A start that failed on what is stored offers to save it and start empty (the
    recovery screen); any other failure, or one of the recovery screen itself, shows the
    failure screen. `late`: once the first screen is up, when the stored data is read
    again with every check (app/web/startup/checks.py)."""
    try:
        from app.web.startup import recovery

        if recovery.offered(error):
            recovery.show(detail)
            return
    except Exception:
        detail += "\n" + traceback.format_exc()
    (js.cercleBoot.failLate if late else js.cercleBoot.fail)(detail)
