"""The modules that the first screen imports and that touch no browser object as they do:
a returning visit starts from a memory snapshot of Pyodide taken with them imported
(assets/snapshot.mjs makes it in a worker, assets/boot.js restores it; docs/startup.md).

They must stay pure Python at import time: the snapshot is made in a worker, whose `js`
is not the page's, and Pyodide cannot store a JavaScript object that Python holds
(tests/test_startup_imports.py imports them without `js`, `pyodide` or `pyscript`).
"""

import importlib
import random

MODULES = (
    "app.web.app",
    "app.sync.shards",
    "app.views.context",
    "app.views.home",
    "app.views.group",
    "app.views.session",
)


def import_all() -> None:
    """What the snapshot holds, imported."""
    for name in MODULES:
        importlib.import_module(name)


def restored() -> None:
    """After a restore: every restored page would otherwise draw the same random numbers
    (new ids come from os.urandom, which asks the browser each time)."""
    random.seed()
