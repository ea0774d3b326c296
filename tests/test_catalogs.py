"""Every catalog: the same messages in French and English, and counts said properly."""

import re

import pytest

from app.i18n import DOMAINS, LOCALES, catalog, read_po


def messages(lang: str, domain: str) -> dict[str, str]:
    return read_po((LOCALES / lang / "LC_MESSAGES" / f"{domain}.po").read_text(encoding="utf-8"))


def test_every_domain_exists_in_both_languages_and_is_read():
    for lang in ("fr", "en"):
        assert sorted(p.stem for p in (LOCALES / lang / "LC_MESSAGES").glob("*.po")) == sorted(DOMAINS), (
            "a catalog file that app.i18n.DOMAINS does not list is never read")
        assert catalog(lang) == {key: text for domain in DOMAINS for key, text in messages(lang, domain).items()}


@pytest.mark.parametrize("domain", DOMAINS)
def test_french_and_english_have_the_same_messages(domain):
    assert sorted(messages("fr", domain)) == sorted(messages("en", domain))


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_message_hedges_a_plural_with_parentheses(lang, domain):
    assert [k for k, text in messages(lang, domain).items() if re.search(r"\((s|e|es|x)\)", text)] == []


def test_the_catalogs_build_py_ships_as_json_are_the_catalogs():
    import json

    from app.i18n import LANGUAGES, compiled_catalogs

    shipped = compiled_catalogs(lambda path: (LOCALES.parent / path).read_text(encoding="utf-8"))
    assert sorted(shipped) == sorted(f"locales/{lang}.json" for lang in LANGUAGES)
    for lang in LANGUAGES:
        assert json.loads(shipped[f"locales/{lang}.json"]) == catalog(lang)
