"""A group's protocol as a file of its own (app/protocol_file.py): "Exporter" downloads it;
a file picked or dropped on the protocol screen is imported into that group, or refused
with words (app/web/storage.py sends it here from that screen)."""

from __future__ import annotations

from typing import Any

from app.clock import new_id
from app.views.routes import Route
from app.web import files
from app.web.commands import command


@command("protocol-export")
def export(app, data, element) -> None:
    from app import protocol_file  # pydantic: after the first screen (app/web/startup/checks.py)

    own = app.ws.protocols.get(data.get("id", ""))
    if own is None or own.deleted:
        app.refuse("error.protocols.not_found")
        return
    name = protocol_file.file_name(own.protocol, app.lang)
    files.download(name, protocol_file.dump(own.protocol))
    app.announce("protocol.ui.exported", name=name)


def group_of(route: Route, ws: Any) -> str:
    """The group whose protocol screen is open: the list's, or the edited protocol's."""
    own = ws.protocols.get(route.get("id"))
    return own.group_id if own is not None else route.get("group")


def receive(app: Any, name: str, data: bytes) -> None:
    from app import protocol_file

    protocol = protocol_file.load(data)  # a refusal shows (App.refusing, around every file received)
    action = {"type": "import_protocol", "id": new_id(), "group_id": group_of(app.ui.route, app.ws), "protocol": protocol.model_dump()}
    if app.dispatch(action, go="protocols"):
        app.announce("protocol.ui.imported", name=protocol.name(app.lang))
