"""Where the user is: a screen and its parameters, written in the URL hash (`#/group?id=g-1`),
so that links are real links and the browser's back button works. The hash is encoded
as urllib.parse writes and reads it, without importing urllib (the first screen's cost).
"""

from __future__ import annotations

import re

from app.frozen import Value, frozen


@frozen(kw_only=False)
class Route(Value):
    """A screen name and its parameters (record ids, mostly)."""

    screen: str = "home"
    params: tuple[tuple[str, str], ...] = ()

    def get(self, name: str, default: str = "") -> str:
        return dict(self.params).get(name, default)

    def with_params(self, **params: str) -> Route:
        """This route with some parameters set; an empty value takes one away."""
        kept = tuple((k, v) for k, v in self.params if k not in params)
        return Route(self.screen, kept + tuple((k, v) for k, v in params.items() if v))

    @property
    def href(self) -> str:
        query = "&".join(f"{_quote(k, plus=True)}={_quote(v, plus=True)}" for k, v in self.params)
        return f"#/{_quote(self.screen, safe=b'/')}{'?' + query if query else ''}"

    @classmethod
    def parse(cls, hash_: str) -> Route:
        """The route of a URL hash; anything unreadable is the home screen."""
        path, _, query = hash_.lstrip("#").lstrip("/").partition("?")
        screen = path.strip("/") or "home"
        if not all(c.isalnum() or c in "-_" for c in screen):
            return cls()
        return cls(screen, tuple(_parse_query(query)))


# The hash's encoding, as urllib.parse writes and reads it: `quote` (the screen),
# `urlencode` and `parse_qsl` (the parameters), for text, with their defaults. Importing
# urllib.parse for them took about 15 ms of every start in the browser (it imports
# `ipaddress` and makes six named tuples); tests/test_views.py checks that these give what
# urllib.parse gives, for any text.
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_HEX = frozenset("0123456789abcdefABCDEF")
_PLAIN = re.compile(r"[A-Za-z0-9_.~-]*")  # _UNRESERVED's characters only


def _quote(text: str, *, safe: bytes = b"", plus: bool = False) -> str:
    """`quote(text, safe)`, or with `plus` `quote_plus(text)`: UTF-8 bytes outside the
    unreserved ones as %XX (a space as + with `plus`). Most names and ids are unreserved
    throughout, and come back as they are (a screen of links quotes hundreds)."""
    if _PLAIN.fullmatch(text):
        return text
    return "".join(
        chr(byte) if byte in _UNRESERVED or byte in safe else "+" if plus and byte == 0x20 else f"%{byte:02X}"
        for byte in text.encode("utf-8")
    )


def _unquote_plus(text: str) -> str:
    """`unquote_plus(text)`: + as a space, runs of %XX decoded as UTF-8 (what is not
    UTF-8 as U+FFFD), anything else as it is."""
    text = text.replace("+", " ")
    if "%" not in text:
        return text
    first, *parts = text.split("%")
    out, pending = [first], bytearray()
    for part in parts:
        if len(part) >= 2 and part[0] in _HEX and part[1] in _HEX:
            pending.append(int(part[:2], 16))
            rest = part[2:]
        else:
            rest = "%" + part
        if rest:
            if pending:
                out.append(pending.decode("utf-8", "replace"))
                pending.clear()
            out.append(rest)
    if pending:
        out.append(pending.decode("utf-8", "replace"))
    return "".join(out)


def _parse_query(query: str) -> list[tuple[str, str]]:
    """`parse_qsl(query)`: the name=value pairs between &, those without a value left out."""
    pairs = []
    for pair in query.split("&"):
        name, _, value = pair.partition("=")
        if value:
            pairs.append((_unquote_plus(name), _unquote_plus(value)))
    return pairs


def route(screen: str, **params: str) -> Route:
    return Route(screen, tuple((k, v) for k, v in params.items() if v))
