import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.markup import Markup, escape, escape_text, fragment, h

HOSTILE = ['<img src=x onerror=alert(1)>', "<script>alert('x')</script>", '" onmouseover="alert(1)', "&amp; \u202e\u0000 🧑‍⚕️"]


@pytest.mark.parametrize("text", HOSTILE)
def test_user_text_is_escaped_in_children_and_attributes(text):
    out = h("div", {"title": text, "data-id": text}, text, [text, None, h("b", None, text)])
    assert "<img" not in out and "<script" not in out
    assert out.count("<b>") == 1 and out.startswith('<div title="')
    attrs = h("div", {"title": text})
    assert attrs.count('"') == 2  # a quote in the value cannot close the attribute


def test_markup_passes_through_and_booleans_toggle_attributes():
    inner = h("em", None, "ok")
    assert h("p", {"class_": "a", "aria_label": "b", "hidden": False, "disabled": True, "x": None}, inner, 3) == (
        '<p class="a" aria-label="b" disabled><em>ok</em>3</p>'
    )
    assert h("input", {"value": "v"}) == '<input value="v">'
    assert isinstance(fragment("a", inner), Markup) and fragment("<", inner) == "&lt;<em>ok</em>"
    assert escape("<a>") == "&lt;a&gt;"


@pytest.mark.parametrize("tag,attrs", [("scr ipt", None), ("p", {"on click": "x"}), ("p", {'a"b': 1})])
def test_tag_and_attribute_names_are_checked(tag, attrs):
    with pytest.raises(ValueError):
        h(tag, attrs)


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("&<>\"'"), max_size=60), st.booleans())
def test_escaping_is_what_the_standard_library_does(text, quote):
    assert escape_text(text, quote) == html.escape(text, quote)
    assert escape(text) == html.escape(text, quote=True)
