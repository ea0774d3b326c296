"""Cercle's entry point: PyScript runs this file once Python is up in the page.

It wires the pure core (the workspace) to the browser shell, and turns any failure to
start into the page's failure screen (assets/boot.js) instead of a page that spins forever.
"""

import sys
import traceback

import js


def start() -> None:
    from app.model import Workspace
    from app.views import home
    from app.web import shell

    workspace = Workspace()
    shell.render(home.view(workspace, shell.language()))
    shell.mark_ready()


try:
    start()
except Exception:
    detail = traceback.format_exc()
    print(detail, file=sys.stderr)
    js.cercleBoot.fail(detail)
