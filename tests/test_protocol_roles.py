"""A group's own protocol names its own roles (issue 18, item 1): the editor's actions add,
rename and remove them and set how each is held (app/actions/protocol_roles.py); what
would leave the roles unusable is refused with words (app/protocol_check.py); the sessions
already opened keep the roles they had."""

from __future__ import annotations

import pytest

from app.actions import ActionError
from app.protocol import DEFAULT_ID, LIBRARY, Text
from app.protocol_check import MAX_ROLES, role_problems
from app.roles import propose
from support.room import Room

DEFAULT = LIBRARY[DEFAULT_ID]


@pytest.fixture
def room() -> Room:
    room = Room()
    room.group()  # Alice, Bruno, Chloé, David, Émilie
    room.do({"type": "adapt_protocol", "id": "p-own", "group_id": "g-1", "from_id": DEFAULT_ID})
    return room


def roles(room: Room):
    return room.ws.protocols["p-own"].protocol.roles


def refused(room: Room, action: dict, key: str) -> None:
    before = room.ws
    with pytest.raises(ActionError) as caught:
        room.do(action)
    assert caught.value.key == key
    assert room.ws == before


def test_roles_are_added_renamed_and_removed_each_edit_a_version_undone_one_by_one(room):
    room.do({"type": "add_role", "id": "p-own", "name_fr": " Observateur·rice ", "name_en": "Observer", "per_round": True, "not_carrier": True})
    observer = roles(room)[-1]
    assert observer.key.startswith("role-") and (observer.name.fr, observer.name.en) == ("Observateur·rice", "Observer")
    assert observer.per_round and observer.not_carrier and not observer.leads, "the animateur still leads"
    room.do({"type": "edit_role", "id": "p-own", "role": "timekeeper", "name_fr": "Maître·sse du temps"})
    room.do({"type": "remove_role", "id": "p-own", "role": "secretary"})
    own = room.ws.protocols["p-own"].protocol
    assert [(r.key, r.name.fr, r.name.en) for r in own.roles] == [
        ("facilitator", "Animateur·rice", "Facilitator"), ("timekeeper", "Maître·sse du temps", "Timekeeper"), (observer.key, "Observateur·rice", "Observer")]
    assert own.version == 4
    for _ in range(3):
        room.do({"type": "undo"})
    assert roles(room) == DEFAULT.roles


def test_the_script_speaks_to_one_role_which_the_editor_moves(room):
    room.do({"type": "edit_role", "id": "p-own", "role": "secretary", "leads": True})
    assert [r.key for r in roles(room) if r.leads] == ["secretary"]
    room.do({"type": "edit_role", "id": "p-own", "role": "secretary", "leads": False})
    assert room.ws.protocols["p-own"].protocol.leading_role is None
    # with nobody leading, the next role added is the one the script speaks to
    room.do({"type": "add_role", "id": "p-own", "name_fr": "Modérateur·rice", "name_en": "Moderator"})
    assert room.ws.protocols["p-own"].protocol.leading_role.name.fr == "Modérateur·rice"


def test_the_roles_a_session_proposes_are_those_the_editor_named(room):
    room.do({"type": "remove_role", "id": "p-own", "role": "timekeeper"})
    room.do({"type": "add_role", "id": "p-own", "key": "observer", "name_fr": "Observateur·rice", "name_en": "Observer", "not_carrier": True})
    protocol = room.ws.protocols["p-own"].protocol
    present = [f"m-{i}" for i in range(5)]
    assert propose(room.ws, "g-1", protocol.session_roles, present) == {"facilitator": "m-0", "secretary": "m-1", "observer": "m-2"}
    room.session(protocol_id="p-own")
    assert [r.key for r in room.ws.sessions["s-1"].protocol.roles] == ["facilitator", "secretary", "observer"]


def test_what_would_make_roles_unusable_is_refused_with_words(room):
    refused(room, {"type": "add_role", "id": "p-own", "name_fr": "Scribe", "name_en": " "}, "roles_editor.error.no_name")
    refused(room, {"type": "add_role", "id": "p-own", "name_fr": "ANIMATEUR·RICE", "name_en": "Host"}, "roles_editor.error.same_name")
    refused(room, {"type": "edit_role", "id": "p-own", "role": "timekeeper", "name_en": "secretary"}, "roles_editor.error.same_name")
    clash = room.ws.protocols["p-own"].protocol.model_copy(update={"roles": (DEFAULT.roles[0], DEFAULT.roles[1].model_copy(update={"name": Text(fr="Gardien", en="facilitator")}))})
    assert [(p.key, p.params) for p in role_problems(clash)] == [("roles_editor.error.same_name", {"name": "facilitator"})], "named as typed"
    refused(room, {"type": "edit_role", "id": "p-own", "role": "nope", "name_fr": "X"}, "roles.error.unknown")
    refused(room, {"type": "remove_role", "id": "p-own", "role": "nope"}, "roles.error.unknown")
    refused(room, {"type": "add_role", "id": "p-own", "key": "secretary", "name_fr": "Scribe", "name_en": "Scribe"}, "error.duplicate_id")
    with pytest.raises(ValueError):
        room.do({"type": "add_role", "id": "p-own", "name_fr": "x" * 201, "name_en": "x"})
    for n in range(MAX_ROLES - len(DEFAULT.roles)):
        room.do({"type": "add_role", "id": "p-own", "name_fr": f"Rôle {n}", "name_en": f"Role {n}"})
    refused(room, {"type": "add_role", "id": "p-own", "name_fr": "Un de trop", "name_en": "One too many"}, "roles_editor.error.too_many")


def test_a_session_already_opened_keeps_the_roles_it_had(room):
    """Removing a role a session in progress uses is not refused: the session runs its own
    copy of the protocol, so its holder, the rotation's history and its summary stay."""
    room.session(protocol_id="p-own", roles=[{"role": "secretary", "member_id": "m-2"}])
    ran = room.ws.sessions["s-1"].protocol
    room.do({"type": "remove_role", "id": "p-own", "role": "secretary"})
    assert room.ws.sessions["s-1"].protocol == ran
    assert room.ws.sessions["s-1"].roles["secretary"] == "m-2"
    room.do({"type": "assign_role", "session_id": "s-1", "role": "secretary", "member_id": "m-3"})
    assert room.ws.sessions["s-1"].roles["secretary"] == "m-3"


def test_a_protocol_file_whose_roles_clash_is_refused_and_the_librarys_roles_pass(room):
    facilitator, timekeeper = DEFAULT.roles[:2]
    twice = DEFAULT.model_copy(update={"roles": (facilitator, timekeeper.model_copy(update={"name": facilitator.name}))})
    refused(room, {"type": "import_protocol", "id": "p-2", "group_id": "g-1", "protocol": twice.model_dump()}, "roles_editor.error.same_name")
    leaders = DEFAULT.model_copy(update={"roles": (facilitator, timekeeper.model_copy(update={"leads": True}))})
    refused(room, {"type": "import_protocol", "id": "p-2", "group_id": "g-1", "protocol": leaders.model_dump()}, "roles_editor.error.two_leads")
    same_key = DEFAULT.model_copy(update={"roles": (facilitator, timekeeper.model_copy(update={"key": "facilitator"}))})
    refused(room, {"type": "import_protocol", "id": "p-2", "group_id": "g-1", "protocol": same_key.model_dump()}, "roles_editor.error.key")
    assert all(role_problems(p) == [] for p in LIBRARY.values())
