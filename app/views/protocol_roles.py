"""The roles of a group's own protocol, in its editor (app/views/protocols.py): each role
with its names and how it is held, to save or remove, then a form that adds one
(app/actions/protocol_roles.py)."""

from __future__ import annotations

from app.markup import Markup, h
from app.model import GroupProtocol
from app.protocol import Role
from app.views.context import View
from app.views.parts import button, check_box, form, panel, submit, text_field


def panel_of(view: View, own: GroupProtocol) -> Markup:
    _ = view._
    roles = own.protocol.roles
    return panel(
        "protocol-roles",
        _("roles_editor.title"),
        h("p", {"class": "hint"}, _("roles_editor.intro")),
        h("ol", {"class": "protocol-roles"}, [_role(view, own, role) for role in roles]) if roles else h("p", {"class": "empty"}, _("roles_editor.none")),
        _adding(view, own),
    )


def held(view: View, role: Role) -> str:
    """How a role is held, in words: "à chaque tour · jamais le porteur"."""
    _ = view._
    said = [_("roles_editor.held.round" if role.per_round else "roles_editor.held.session")]
    if role.not_carrier:
        said.append(_("roles_editor.held.not_carrier"))
    if role.leads:
        said.append(_("roles_editor.held.leads"))
    return " · ".join(said)


def _names(view: View, scope: str, role: Role | None) -> Markup:
    _ = view._
    return h("div", {"class": "entry-fields"}, [
        text_field(view, _(f"roles_editor.name_{lang}"), f"name_{lang}", scope, value=getattr(role.name, lang) if role else "", required=True, cls="grow")
        for lang in ("fr", "en")
    ])


def _role(view: View, own: GroupProtocol, role: Role) -> Markup:
    _ = view._
    name = role.name(view.lang)
    return h(
        "li",
        {"class": "protocol-role"},
        h("h3", {}, name, h("span", {"class": "hint"}, " · ", held(view, role))),
        form(
            "edit_role",
            _names(view, f"role-{own.id}-{role.key}", role),
            h("div", {"class": "checks"},
              check_box(_("roles_editor.per_round"), "per_round", role.per_round),
              check_box(_("roles_editor.not_carrier"), "not_carrier", role.not_carrier),
              check_box(_("roles_editor.leads"), "leads", role.leads)),
            h("div", {"class": "buttons"},
              submit(_("roles_editor.save"), cls=""),
              button(_("roles_editor.remove"), "remove_role", cls="quiet", id=own.id, role=role.key, aria_label=_("roles_editor.remove_one", name=name))),
            id=own.id,
            role=role.key,
            label=_("roles_editor.role", name=name),
        ),
    )


def _adding(view: View, own: GroupProtocol) -> Markup:
    _ = view._
    return form(
        "add_role",
        h("h3", {}, _("roles_editor.add_title")),
        _names(view, f"role-{own.id}-new", None),
        h("div", {"class": "checks"},
          check_box(_("roles_editor.per_round"), "per_round", False),
          check_box(_("roles_editor.not_carrier"), "not_carrier", False)),
        submit(_("roles_editor.add")),
        id=own.id,
        label=_("roles_editor.add_title"),
    )
