"""French typography and grammar in everything the app shows or exports: the catalogs and
the protocols' texts (typographic apostrophe, narrow no-break space before ; : ? ! and
inside « », elision before a name, agreement with a count)."""

import re

import pytest

from app.i18n import DOMAINS, LOCALES, Grammar, read_po, translator
from app.protocol import LIBRARY, Text

NNBSP = "\u202f"


def french_texts() -> list[tuple[str, str]]:
    """(where, text) for every French message and every French text of the library."""
    found = []
    for domain in DOMAINS:
        path = LOCALES / "fr" / "LC_MESSAGES" / f"{domain}.po"
        found += [(f"{domain}:{key}", text) for key, text in read_po(path.read_text(encoding="utf-8")).items()]
    for protocol in LIBRARY.values():
        found += [(f"{protocol.id}:{where}", text.fr) for where, text in texts_of(protocol)]
    return found


def texts_of(value, where=""):
    if isinstance(value, Text):
        yield where, value
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from texts_of(item, f"{where}[{i}]")
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from texts_of(getattr(value, name), f"{where}.{name}")


FRENCH = french_texts()


def offending(pattern: str) -> list[tuple[str, str]]:
    return [(where, text) for where, text in FRENCH if re.search(pattern, text)]


def test_the_sweep_reads_every_catalog_and_protocol():
    assert len(FRENCH) > 500 and any(where.startswith("gease:") for where, _ in FRENCH)


def test_french_uses_the_typographic_apostrophe():
    assert offending("'") == []


@pytest.mark.parametrize("mark", [";", ":", "?", "!", "»"])
def test_a_narrow_no_break_space_comes_before_high_punctuation(mark):
    assert offending(rf"[ \u00a0]{re.escape(mark)}") == []
    assert offending(rf"[A-Za-zÀ-ÿ)}}]{re.escape(mark)}(\s|$)") == []


def test_a_narrow_no_break_space_follows_the_opening_guillemet():
    assert offending(r"«(?!\u202f)") == []


def test_a_name_after_de_is_elided_by_the_catalog():
    # "Nom de {name}" would read "Nom de Élodie": the catalog writes "Nom {name:de}"
    assert offending(r"\b[dD]e \{(name|carrier|member|author|owner|narrator)\}") == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_word_after_a_count_agrees_with_it(lang):
    """`{n} tours` would read "1 tours": counts go through plural keys (.one/.many) or the
    inline form `{n} {n:tour|tours}`."""
    invariable = {"voix", "avis", "min", "fois", "mis", "plus", "sur", "pas"}
    wrong = []
    for domain in DOMAINS:
        messages = read_po((LOCALES / lang / "LC_MESSAGES" / f"{domain}.po").read_text(encoding="utf-8"))
        for key, text in messages.items():
            if key.endswith((".many", ".zero")):
                continue
            # (a number after "step", "Étape"... is an ordinal: "Step {n} has" is no count)
            for count, word in re.findall(r"(?<![Tt]ep )(?<![Tt]ape )\{(n|count|new|updated|conflicting|total|deleted|removed)\} (\w+)", text):
                if word.endswith(("s", "x")) and word not in invariable:
                    wrong.append((key, text))
    assert wrong == []


def test_grammar_elides_and_agrees():
    assert format(Grammar("Élodie", "fr"), "de") == "d’Élodie" and format(Grammar("Paul", "fr"), "de") == "de Paul"
    assert "{n} {n:tour|tours}".format_map({"n": Grammar(1, "fr")}) == "1 tour"
    assert "{n} {n:tour|tours}".format_map({"n": Grammar(0, "fr")}) == "0 tour"
    assert "{n} {n:round|rounds}".format_map({"n": Grammar(0, "en")}) == "0 rounds"
    assert "{n} {n:round|rounds}".format_map({"n": Grammar(2, "en")}) == "2 rounds"


def test_the_merge_message_agrees_with_each_count():
    _ = translator("fr")
    assert "1 nouveau," in _("sync.ui.incoming.merged", new=1, updated=2, conflicting=0)
    assert "2 nouveaux," in _("sync.ui.incoming.merged", new=2, updated=2, conflicting=0)
