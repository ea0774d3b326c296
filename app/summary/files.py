"""Summaries as files: safe names, and everyone's at once in one zip (standard library).

Names read like cercle-<group>-<date>-<member>.html: ASCII only, lowercase, no path
separators or dots of their own, so that any system, mail client or phone accepts them.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from app.i18n import translator
from app.model import Workspace
from app.summary.summaries import GroupSummary, Summary, group_summary, member_summaries
from app.summary.layout import Document, layout
from app.summary.render import markdown, standalone

SLUG_LENGTH = 40
MIME_TYPES = {"html": "text/html;charset=utf-8", "md": "text/markdown;charset=utf-8"}


@dataclass(frozen=True)
class File:
    name: str
    mime: str
    data: bytes


def slug(text: str, fallback: str) -> str:
    """"Émilie O'Brien" -> "emilie-o-brien"; text without any Latin letter or digit
    gives the fallback, so that a name is never empty."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return words[:SLUG_LENGTH].strip("-") or fallback


def file_name(summary: Summary, extension: str) -> str:
    _ = translator(summary.frame.language)
    frame = summary.frame
    who = _("summary.file.group") if isinstance(summary, GroupSummary) else slug(summary.member, _("summary.file.member"))
    parts = ["cercle", slug(frame.group, _("summary.file.group")), slug(frame.date, "date"), who]
    return "-".join(parts) + "." + extension


def summary_file(summary: Summary, extension: str, doc: Document | None = None) -> File:
    """The summary as a file; `doc`, its layout if already made (both formats share it)."""
    doc = doc or layout(summary)
    text = standalone(doc) if extension == "html" else markdown(doc)
    return File(file_name(summary, extension), MIME_TYPES[extension], text.encode("utf-8"))


def _unique(name: str, taken: set[str]) -> str:
    """Two members whose names slug alike ("Zoé", "Zoe") still get a file each."""
    stem, dot, extension = name.rpartition(".")
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}{dot}{extension}"
    taken.add(candidate)
    return candidate


def everyone(ws: Workspace, session_id: str, language: str) -> list[File]:
    """Each member's summary in both formats, then the group's summary."""
    summaries: list[Summary] = list(member_summaries(ws, session_id, language).values())
    summaries.append(group_summary(ws, session_id, language))
    taken: set[str] = set()
    files = []
    for summary in summaries:
        doc = layout(summary)
        for extension in MIME_TYPES:
            file = summary_file(summary, extension, doc)
            files.append(File(_unique(file.name, taken), file.mime, file.data))
    return files


def _zip_time(iso: str) -> tuple[int, int, int, int, int, int]:
    """Noon of the session's day: the archive is the same bytes whenever it is made."""
    try:
        year, month, day = (int(x) for x in iso.split("-"))
    except ValueError:
        return (1980, 1, 1, 0, 0, 0)
    return (max(year, 1980), month, day, 12, 0, 0)


def archive(ws: Workspace, session_id: str, language: str) -> File:
    """Everyone's summaries in one zip, dated like the session, built in memory."""
    session = ws.sessions[session_id]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        for file in everyone(ws, session_id, language):
            info = zipfile.ZipInfo(file.name, date_time=_zip_time(session.date))
            info.compress_type = zipfile.ZIP_DEFLATED
            zipped.writestr(info, file.data)
    group = ws.groups[session.group_id]
    _ = translator(language)
    name = "-".join(["cercle", slug(group.name, _("summary.file.group")), slug(session.date, "date")]) + ".zip"
    return File(name, "application/zip", buffer.getvalue())
