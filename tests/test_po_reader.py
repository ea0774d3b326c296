"""app/i18n.py reads the .po catalogs with a reader of its own (fast at start-up): it must
read every catalog as gettext tools do (polib as the reference), and refuse what it cannot
honour instead of misreading it."""

from __future__ import annotations

import polib
import pytest
from hypothesis import given, strategies as st

from app.i18n import DOMAINS, LANGUAGES, LOCALES, read_po


def reference(text: str) -> dict[str, str]:
    """What gettext would show: translated entries, neither fuzzy nor obsolete, header aside."""
    return {e.msgid: e.msgstr for e in polib.pofile(text) if e.msgid and e.translated() and not e.obsolete}


@pytest.mark.parametrize("path", [LOCALES / lang / "LC_MESSAGES" / f"{domain}.po" for lang in LANGUAGES for domain in DOMAINS],
                         ids=lambda path: f"{path.parent.parent.name}/{path.stem}")
def test_every_catalog_reads_as_gettext_reads_it(path):
    text = path.read_text(encoding="utf-8")
    assert read_po(text) == reference(text)


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
# Text as catalogs hold it: quotes, backslashes, newlines, tabs, accents, narrow spaces.
MESSAGE = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from('"\\\n\t'), max_size=40)


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


@given(st.dictionaries(st.from_regex(r"[a-z]+(\.[a-z_]+){1,3}", fullmatch=True), MESSAGE, max_size=6))
def test_any_plain_catalog_reads_as_gettext_reads_it(messages):
    text = HEADER + "".join(f"msgid {quoted(k)}\nmsgstr {quoted(v)}\n\n" for k, v in messages.items())
    assert read_po(text) == reference(text) == {k: v for k, v in messages.items() if v}


@pytest.mark.parametrize("entry, what", [
    ('#, fuzzy\nmsgid "ui.a"\nmsgstr "Peut-être"\n', "fuzzy"),
    ('#, python-format, fuzzy\nmsgid "ui.a"\nmsgstr "Peut-être"\n', "fuzzy"),
    ('msgctxt "menu"\nmsgid "ui.a"\nmsgstr "Ouvrir"\n', "msgctxt"),
    ('msgid "ui.a"\nmsgid_plural "ui.as"\nmsgstr[0] "un"\nmsgstr[1] "plusieurs"\n', "msgid_plural"),
])
def test_what_the_reader_cannot_honour_is_refused_with_its_line(entry, what):
    text = HEADER + 'msgid "ui.b"\nmsgstr "Bien"\n\n' + entry
    special = polib.pofile(text).find("ui.a", include_obsolete_entries=False, msgctxt="menu" if what == "msgctxt" else False)
    assert special.fuzzy or special.msgctxt or special.msgid_plural, "gettext reads it as more than a plain message"
    with pytest.raises(ValueError, match=f"line \\d+: .*{what}"):
        read_po(text)
