"""A refusal: something the app declines to do, said in words.

An action the state does not allow (`app.actions.ActionError`), a file that is not one the
app can take (`app.sync.restore.FileFormatError`), a summary link that cannot be read
(`app.summary.share.ShareError`): each is a Refusal carrying the catalog key of its message and the
message's parameters. The running app catches them in one place (`App.refusing`, in
app/web/app.py) and shows the message; nothing was changed.
"""

from __future__ import annotations

from typing import Any


class Refusal(ValueError):
    """A refused intent or input. `key` names the message in the translation catalogs."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
