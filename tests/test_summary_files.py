"""Summaries as files: names anyone's system accepts, and everyone's in one zip."""

from __future__ import annotations

import io
import zipfile

from app.summary.summaries import group_summary, member_summary
from app.summary.files import archive, everyone, file_name, slug, summary_file
from app.summary.render import markdown, standalone
from support.halfday import half_day
from support.room import Room


def test_names_read_like_the_group_the_date_and_the_member():
    ws = half_day().ws
    assert file_name(member_summary(ws, "s-1", "m-lea", "fr"), "html") == "cercle-cadres-de-sante-chu-nord-2026-12-03-lea-fontaine.html"
    assert file_name(member_summary(ws, "s-1", "m-ines", "en"), "md") == "cercle-cadres-de-sante-chu-nord-2026-12-03-ines-carvalho.md"
    assert file_name(group_summary(ws, "s-1", "fr"), "html") == "cercle-cadres-de-sante-chu-nord-2026-12-03-compte-rendu.html"
    assert file_name(group_summary(ws, "s-1", "en"), "md") == "cercle-cadres-de-sante-chu-nord-2026-12-03-report.md"


def test_slugs_are_safe_whatever_the_name():
    assert slug("Émilie O'Brien", "x") == "emilie-o-brien"
    assert slug("../../etc/passwd", "x") == "etc-passwd"
    assert slug("李小龍", "membre") == "membre"
    assert slug("  --  ", "membre") == "membre"
    assert slug("Ça\u202eva\u200d 🙂 bien", "x") == "cava-bien"
    long = slug("Jean-Baptiste " * 10, "x")
    assert len(long) <= 40 and not long.endswith("-")


def test_a_summary_file_holds_the_rendered_page():
    ws = half_day().ws
    summary = member_summary(ws, "s-1", "m-sophie", "fr")
    html, md = summary_file(summary, "html"), summary_file(summary, "md")
    assert html.data.decode("utf-8") == standalone(summary) and html.mime == "text/html;charset=utf-8"
    assert md.data.decode("utf-8") == markdown(summary) and md.mime == "text/markdown;charset=utf-8"


def test_everyone_at_once_in_one_zip():
    ws = half_day().ws
    file = archive(ws, "s-1", "fr")
    assert file.name == "cercle-cadres-de-sante-chu-nord-2026-12-03.zip" and file.mime == "application/zip"
    with zipfile.ZipFile(io.BytesIO(file.data)) as zipped:
        assert zipped.testzip() is None
        names = zipped.namelist()
        stem = "cercle-cadres-de-sante-chu-nord-2026-12-03-"
        people = ["sophie-garnier", "karim-haddad", "lea-fontaine", "marc-olivier", "ines-carvalho", "compte-rendu"]
        assert names == [stem + who + ext for who in people for ext in (".html", ".md")]
        lea = member_summary(ws, "s-1", "m-lea", "fr")
        assert zipped.read(stem + "lea-fontaine.html").decode("utf-8") == standalone(lea)
        assert zipped.read(stem + "lea-fontaine.md").decode("utf-8") == markdown(lea)
        assert zipped.getinfo(names[0]).date_time == (2026, 12, 3, 12, 0, 0)
    assert archive(ws, "s-1", "fr").data == file.data  # the same bytes whenever it is made


def test_members_whose_names_look_alike_still_get_a_file_each():
    room = Room()
    room.group(names=("Zoé", "Zoe", "李", "王"))
    room.session()
    names = [f.name for f in everyone(room.ws, "s-1", "en")]
    assert len(set(names)) == len(names) == 10
    assert names[:4] == [
        "cercle-cadres-sante-2026-12-01-zoe.html", "cercle-cadres-sante-2026-12-01-zoe.md",
        "cercle-cadres-sante-2026-12-01-zoe-2.html", "cercle-cadres-sante-2026-12-01-zoe-2.md",
    ]
    assert names[4:8] == [
        "cercle-cadres-sante-2026-12-01-member.html", "cercle-cadres-sante-2026-12-01-member.md",
        "cercle-cadres-sante-2026-12-01-member-2.html", "cercle-cadres-sante-2026-12-01-member-2.md",
    ]
