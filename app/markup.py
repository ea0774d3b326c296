"""An HTML builder that escapes by construction.

Views never concatenate user text into HTML: every string child and attribute value goes
through `escape_text` (what `html.escape` does); only `Markup` (built here) passes as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Union

_NAME = re.compile(r"^[a-zA-Z][a-zA-Z0-9:-]*$")
VOID = frozenset({"area", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr"})


class Markup(str):
    """A string that is already safe HTML."""

    __slots__ = ()


Child = Union[str, int, float, Markup, None, bool, Iterable["Child"]]


@cache  # a screen has hundreds of tags and attributes, of a few dozen names (from the code, never the user)
def _is_name(name: str) -> bool:
    return _NAME.match(name) is not None


@cache  # as _is_name: the same few dozen names, once each
def _attribute_name(name: str) -> str:
    """class_ -> class, aria_label -> aria-label; a bad name is refused."""
    name = name.rstrip("_").replace("_", "-")
    if not _is_name(name):
        raise ValueError(f"bad attribute name {name!r}")
    return name


def escape_text(text: str, quote: bool = True) -> str:
    """`html.escape(text, quote)`, the same five replacements. Importing `html` for it costs
    its table of 2,231 named entities and a regex, about 12 ms of every start in the browser
    (tests/test_markup.py checks this gives what `html.escape` gives). Each replacement only
    where its character is: most texts and attribute values have none, and a screen escapes
    thousands (the five calls each were a third of the Python calls of a click, bench/calls.py)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if quote:
        if '"' in text:
            text = text.replace('"', "&quot;")
        if "'" in text:
            text = text.replace("'", "&#x27;")
    return text


def escape(text: object) -> Markup:
    return Markup(escape_text(str(text)))


def _children(children: Iterable[Child], out: list[str]) -> None:
    for child in children:
        if child is None or child is False or child is True:
            continue
        if isinstance(child, Markup):
            out.append(child)
        elif isinstance(child, (str, int, float)):
            out.append(escape_text(str(child), quote=False))
        else:
            _children(child, out)


def attributes(attrs: Mapping[str, object] | None) -> str:
    if not attrs:
        return ""
    parts = []
    for name, value in attrs.items():
        name = _attribute_name(name)
        if value is None or value is False:
            continue
        if value is True:
            parts.append(f" {name}")
        else:
            parts.append(f' {name}="{escape_text(str(value))}"')
    return "".join(parts)


def h(tag: str, attrs: Mapping[str, object] | None = None, *children: Child) -> Markup:
    """`h("p", {"class": "hint"}, "Alice <3")` -> `<p class="hint">Alice &lt;3</p>`."""
    if not _is_name(tag):
        raise ValueError(f"bad tag {tag!r}")
    start = f"<{tag}{attributes(attrs)}>"
    if tag in VOID:
        return Markup(start)
    out = [start]
    _children(children, out)
    out.append(f"</{tag}>")
    return Markup("".join(out))


def fragment(*children: Child) -> Markup:
    out: list[str] = []
    _children(children, out)
    return Markup("".join(out))
