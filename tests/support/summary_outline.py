"""Read a rendered summary back into an outline of fields, from Markdown or from HTML.

Both readers give the same kind of list, so a test states once what a reader must find
(headings, fields, contributions with who said them, quotes) and checks both formats.

    ("h2", "Tour 1 — votre question")
    ("entry", lead, text, tags, detail)   a field (label, value) or a list item
    ("quote", text, who)
    ("p", text)
    ("footer", text)
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _plain(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text)


def markdown_outline(text: str, colon: str) -> list[tuple]:
    out: list[tuple] = []
    lines = text.split("\n")
    i, footer_next = 0, False
    item = re.compile(r"^- (?:\*\*(?P<lead>.+?)\*\*" + re.escape(colon) + r")?(?P<text>.*?)(?: _\((?P<tags>.+)\)_)?(?P<br>  )?$")
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line:
            continue
        if line == "---":
            footer_next = True
            continue
        heading = re.match(r"^(#{1,6}) (.*)$", line)
        if heading:
            out.append((f"h{len(heading[1])}", _plain(heading[2])))
        elif line.startswith("- "):
            body = [line]
            while i < len(lines) and lines[i].startswith("  "):
                body.append(lines[i][2:])
                i += 1
            first = item.match(body[0])
            texts, detail = [first["text"]], ""
            rest = body[1:]
            if first["br"]:  # a detail line follows the hard break
                detail, rest = "\n".join(rest), []
            texts += rest
            tags = first["tags"] or ""
            if rest and rest[-1].endswith(")_"):  # tags after a multi-line text
                texts[-1], tags = re.match(r"^(.*?) _\((.+)\)_$", rest[-1]).groups()
            out.append(("entry", _plain(first["lead"] or ""), _plain("\n".join(texts)), _plain(tags), _plain(detail)))
        elif line.startswith(">"):
            body = [line]
            while i < len(lines) and lines[i].startswith(">"):
                body.append(lines[i])
                i += 1
            quoted = [b[2:] if b.startswith("> ") else "" for b in body]
            who = ""
            if quoted[-1].startswith("— ") and len(quoted) > 2 and quoted[-2] == "":
                who, quoted = quoted[-1][2:], quoted[:-2]
            out.append(("quote", _plain("\n".join(quoted)), _plain(who)))
        else:
            body = [line]
            while i < len(lines) and lines[i]:
                body.append(lines[i])
                i += 1
            para = "\n".join(body)
            if para.startswith("_") and para.endswith("_"):  # a remark, or the footer
                para = para[1:-1]
            out.append(("footer" if footer_next else "p", _plain(para)))
    return out


VOID = {"area", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict) -> None:
        self.tag, self.attrs, self.children = tag, attrs, []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find(self, tag: str, cls: str | None = None) -> "Node | None":
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag and (cls is None or child.attrs.get("class") == cls):
                    return child
                found = child.find(tag, cls)
                if found:
                    return found
        return None

    def elements(self) -> list["Node"]:
        return [c for c in self.children if isinstance(c, Node)]


class _Tree(HTMLParser):
    """A page as a tree of nodes, entities decoded, as a browser's parser reads it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        if any(n.tag == tag for n in self.stack[1:]):
            while self.stack.pop().tag != tag:
                pass

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def html_tree(page: str) -> Node:
    tree = _Tree()
    tree.feed(page)
    tree.close()
    return tree.root


def _text(node: Node | None) -> str:
    return node.text() if node else ""


def html_outline(page: str) -> list[tuple]:
    main = html_tree(page).find("main")
    out: list[tuple] = []
    for node in main.elements():
        if node.tag in ("h1", "h2", "h3", "p", "footer"):
            out.append((node.tag, node.text()))
        elif node.tag == "dl":
            out += [("entry", _text(div.find("dt")), _text(div.find("dd")), "", "") for div in node.elements()]
        elif node.tag == "ul":
            for li in node.elements():
                lead = _text(li.find("strong"))
                out.append(("entry", lead, _text(li.find("span", "text")), _text(li.find("span", "tags")), _text(li.find("span", "detail"))))
        elif node.tag == "blockquote":
            out.append(("quote", _text(node.find("p")), _text(node.find("footer")).removeprefix("— ")))
        else:
            raise AssertionError(f"unexpected <{node.tag}> in a summary")
    return out


def html_tags(page: str) -> list[tuple[str, dict]]:
    """Every element of a page with its attributes, as a browser's parser would see them."""
    found: list[tuple[str, dict]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

    Tags().feed(page)
    return found
