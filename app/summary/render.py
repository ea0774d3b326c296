"""A summary as Markdown, and as one standalone HTML page that prints cleanly on A4.

The HTML page has its style inline and no script at all (its Content-Security-Policy says
so too), so it opens offline in any browser, from a download or a mail attachment. Every
piece of user text goes through the escaping builder (app/markup.py); in Markdown, user text
has its markup characters backslash-escaped, so a name like "*Bob*" or "<b>" stays text.
"""

from __future__ import annotations

import re

from app.markup import Markup, fragment, h
from app.summary.summaries import Summary
from app.summary.layout import Block, Document, Fields, Heading, Item, Items, Paragraph, Quote, layout

# Markdown ----------------------------------------------------------------------------------

_MD_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|~&"})
# A list or heading marker at the start of a line: "-", "+", "=", or a number and "." or ")".
_MD_LINE_START = re.compile(r"^(\s*(?:\d+(?=[.)]))?)([-+=.)])", re.MULTILINE)


def md_text(text: str) -> str:
    """User text that Markdown shows as it is: punctuation with a meaning is escaped, and
    so are list and heading markers at the start of a line ("1." becomes "1\\.")."""
    return _MD_LINE_START.sub(r"\1\\\2", text.strip().translate(_MD_ESCAPES))


_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def md_inline(text: str) -> str:
    """User text on one line (headings, field values): runs of ASCII white space become one
    space; the no-break spaces of French typography stay."""
    return md_text(_ASCII_SPACE.sub(" ", text).strip(" "))


def _md_indented(text: str, indent: str) -> str:
    """Continuation lines indented so that they stay inside their list item or quote."""
    first, *rest = md_text(text).split("\n")
    return "\n".join([first] + [(indent + line).rstrip() for line in rest])


def _md_item(item: Item, colon: str) -> str:
    lead = f"**{md_inline(item.who)}**{colon}" if item.who else ""
    tags = f" _({md_inline(' · '.join(item.tags))})_" if item.tags else ""
    line = f"- {lead}{_md_indented(item.text, '  ')}{tags}"
    if item.detail:
        line += "  \n  " + _md_indented(item.detail, "  ")
    return line


def _md_block(block: Block, colon: str) -> str:
    if isinstance(block, Heading):
        return "#" * block.level + " " + md_inline(block.text)
    if isinstance(block, Fields):
        return "\n".join(f"- **{md_inline(label)}**{colon}{md_inline(value)}" for label, value in block.pairs)
    if isinstance(block, Paragraph):
        text = md_text(block.text)
        return f"_{text}_" if block.quiet else text
    if isinstance(block, Quote):
        quote = "> " + _md_indented(block.text, "> ")
        return quote + (f"\n>\n> — {md_inline(block.who)}" if block.who else "")
    return "\n".join(_md_item(item, colon) for item in block.items)


def _document(summary: Summary | Document) -> Document:
    return summary if isinstance(summary, Document) else layout(summary)


def markdown(summary: Summary | Document) -> str:
    doc = _document(summary)
    parts = [f"# {md_inline(doc.title)}"]
    parts += [_md_block(block, doc.colon) for block in doc.blocks]
    parts += ["---", f"_{md_inline(doc.footer)}_"]
    return "\n\n".join(parts) + "\n"


# HTML --------------------------------------------------------------------------------------

# Only inline style may apply; nothing may load or run, even if some text slipped through.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

CSS = Markup(
    """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#fff;color:#1b1b1b;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem 2rem}
h1{font-size:1.6rem;line-height:1.2;margin:0 0 .75rem}
h2{font-size:1.2rem;margin:1.75rem 0 .5rem;padding-bottom:.2rem;border-bottom:2px solid #3d5a80}
h3{font-size:1rem;margin:1.1rem 0 .35rem;color:#3d5a80}
h1,h2,h3,p,li,dd,dt,blockquote{overflow-wrap:anywhere}
p,.text,.detail,blockquote p{white-space:pre-line}
dl{margin:.5rem 0;display:grid;grid-template-columns:minmax(6rem,max-content) minmax(0,1fr);gap:.15rem .75rem}
dl div{display:contents}
dt{font-weight:600;color:#444}
dd{margin:0}
ul{margin:.35rem 0;padding-left:1.25rem}
li{margin:.3rem 0}
.tags{color:#555;font-size:.9em}
.detail{color:#333;font-style:italic}
blockquote{margin:.5rem 0;padding:.4rem .9rem;border-left:4px solid #98c1d9;background:#f3f7fa}
blockquote p{margin:0}
blockquote footer{margin-top:.25rem;color:#555}
.note{color:#555;font-style:italic}
main>footer{margin-top:2.5rem;padding-top:.5rem;border-top:1px solid #ccc;color:#555;font-size:.85rem}
@page{size:A4;margin:16mm 15mm}
@media print{
body{font-size:10.5pt}
main{max-width:none;margin:0;padding:0}
h2,h3{break-after:avoid}
li,blockquote,dl div{break-inside:avoid}
blockquote{background:none}
}
"""
)


def _html_item(item: Item, colon: str) -> Markup:
    # Separators are text, not CSS, so that a copy, a screen reader and an unstyled page
    # (the app's own screens) read "who : text — tags" too.
    return h(
        "li",
        None,
        item.who and fragment(h("strong", None, item.who), colon),
        h("span", {"class": "text"}, item.text),
        item.tags and fragment(" — ", h("span", {"class": "tags"}, " · ".join(item.tags))),
        item.detail and fragment(h("br"), h("span", {"class": "detail"}, item.detail)),
    )


def _html_block(block: Block, colon: str) -> Markup:
    if isinstance(block, Heading):
        return h(f"h{min(max(block.level, 2), 6)}", None, block.text)
    if isinstance(block, Fields):
        return h("dl", None, [h("div", None, h("dt", None, label), h("dd", None, value)) for label, value in block.pairs])
    if isinstance(block, Paragraph):
        return h("p", {"class": "note"} if block.quiet else None, block.text)
    if isinstance(block, Quote):
        return h("blockquote", None, h("p", None, block.text), block.who and h("footer", None, "— ", block.who))
    assert isinstance(block, Items)
    return h("ul", None, [_html_item(item, colon) for item in block.items])


def article(doc: Document, *, tag: str = "main", title: dict[str, str] | None = None) -> Markup:
    """The summary's content: the standalone page's <main>, or an <article> in the app's
    own screens (`title` gives the heading its attributes there)."""
    return h(
        tag,
        {"class": "summary", "lang": doc.language},
        h("h1", title, doc.title),
        [_html_block(block, doc.colon) for block in doc.blocks],
        h("footer", None, doc.footer),
    )


def standalone(summary: Summary | Document) -> str:
    """One self-contained HTML file: no script, no request, printable on A4."""
    doc = _document(summary)
    head = h(
        "head",
        None,
        h("meta", {"charset": "utf-8"}),
        h("meta", {"http-equiv": "Content-Security-Policy", "content": POLICY}),
        h("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        h("meta", {"name": "robots", "content": "noindex"}),
        h("title", None, doc.title),
        h("style", None, CSS),
    )
    page = h("html", {"lang": doc.language}, head, h("body", None, article(doc)))
    return fragment(Markup("<!doctype html>\n"), page, "\n")
