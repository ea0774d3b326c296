"""End to end: after the French half-day, the facilitator downloads a member's summary, the
Markdown, everyone's zip and the calendar file; the files are read back and checked; the
printable page opens in a new window; the group's history shows who carried what."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import icalendar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the half-day, the readers

from app.summary.summaries import member_summary  # noqa: E402
from app.summary.render import markdown, standalone  # noqa: E402
from support.halfday import half_day  # noqa: E402
from support.summary_outline import html_outline  # noqa: E402
from ui_helpers import seed  # noqa: E402


def downloaded(page, name: str) -> tuple[str, bytes]:
    """Click the button named `name`; the file the browser saved: its name and bytes."""
    with page.expect_download() as started:
        page.get_by_role("button", name=name, exact=True).click()
    download = started.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def test_summaries_are_downloaded_and_read_back(app, tmp_path):
    ws = half_day().ws
    page = app.page
    seed(page, ws)
    app.open("#/summaries?session=s-1")
    assert page.get_by_role("heading", level=1).inner_text() == "Synthèses — Cadres de santé — CHU Nord, jeudi 3 décembre 2026"

    name, data = downloaded(page, "Page HTML — synthèse de Sophie Garnier")
    assert name == "cercle-cadres-de-sante-chu-nord-2026-12-03-sophie-garnier.html"
    sophie = member_summary(ws, "s-1", "m-sophie", "fr")
    assert data.decode("utf-8") == standalone(sophie)
    outline = html_outline(data.decode("utf-8"))
    assert ("h2", "Tour 1 — votre question") in outline
    assert ("quote", "Tu cherches comment transformer un rival en allié.", "Léa Fontaine") in outline
    assert ("entry", "", "Proposer à mon collègue de piloter le projet qualité", "pour le vendredi 15 janvier 2027", "") in outline
    assert not any("As-tu des enfants" in str(line) for line in outline)  # out of frame
    assert page.get_by_role("status").inner_text() == f"Fichier prêt : {name}"

    name, data = downloaded(page, "Markdown — synthèse de Karim Haddad")
    assert name == "cercle-cadres-de-sante-chu-nord-2026-12-03-karim-haddad.md"
    assert data.decode("utf-8") == markdown(member_summary(ws, "s-1", "m-karim", "fr"))
    assert data.decode("utf-8").startswith("# Synthèse de séance — Karim Haddad\n")

    name, data = downloaded(page, "Toutes les synthèses (zip)")
    assert name == "cercle-cadres-de-sante-chu-nord-2026-12-03.zip"
    with zipfile.ZipFile(io.BytesIO(data)) as zipped:
        assert len(zipped.namelist()) == 12
        lea = zipped.read("cercle-cadres-de-sante-chu-nord-2026-12-03-lea-fontaine.html").decode("utf-8")
        assert lea == standalone(member_summary(ws, "s-1", "m-lea", "fr"))
        report = zipped.read("cercle-cadres-de-sante-chu-nord-2026-12-03-compte-rendu.md").decode("utf-8")
        assert report.startswith("# Compte rendu de séance — Cadres de santé — CHU Nord\n")

    name, data = downloaded(page, "Ajouter à l’agenda (.ics)")
    assert name == "cercle-cadres-de-sante-chu-nord-2027-03-11.ics"
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Groupe de pairs — Cadres de santé — CHU Nord"
    assert str(event["LOCATION"]) == "Salle Pasteur" and str(event.decoded("DTSTART")) == "2027-03-11"

    # "Print / Save as PDF": the standalone page, in a window of its own
    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Imprimer / PDF — synthèse d’Inès Carvalho").click()
    printable = opened.value
    printable.wait_for_load_state()
    assert printable.title() == "Synthèse de séance — Inès Carvalho"
    assert printable.locator("h2").first.inner_text() == "Tour 1 — Sophie Garnier"
    assert printable.evaluate("document.scripts.length") == 0
    printable.close()

    # the options the group chose change what the next download says
    page.get_by_role("switch", name="Ne pas nommer les auteurs des contributions").click()
    page.get_by_role("switch", name="Ne pas nommer les auteurs des contributions", checked=True).wait_for()
    name, data = downloaded(page, "Markdown — synthèse de Sophie Garnier")
    text = data.decode("utf-8")
    assert "À la demande du groupe, les contributions ne sont pas attribuées." in text
    assert "**Karim Haddad**" not in text

    # the group's history, one link away
    page.get_by_role("link", name="Cadres de santé — CHU Nord").click()
    page.get_by_role("link", name="Historique du groupe").first.click()
    page.get_by_role("heading", name="Qui a porté quoi, et quand").wait_for()
    rows = page.locator("table").first.locator("tbody tr")
    assert rows.count() == 3
    assert rows.nth(0).locator("td").nth(2).inner_text() == "Sophie Garnier"
