"""End to end: export and import files in Chromium. A plain export and an encrypted one are
read back by Python (the encrypted one with the README's few lines of `cryptography`); a
file those lines encrypted is imported with a preview; bad files are refused with a clear
message and change nothing, on screen or in storage; hostile text stays text."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: rooms, the reference crypto

from support import reference_crypto  # noqa: E402
from app.sync import file_format, shards  # noqa: E402
from app.model import COLLECTIONS, Workspace  # noqa: E402
from support.halfday import half_day  # noqa: E402
from support.room import Room  # noqa: E402

PASSPHRASE = "trois mots pour le cercle"


def records(ws: Workspace) -> dict:
    return {name: {rid: r.model_dump() for rid, r in ws.collection(name).items()} for name in COLLECTIONS}


def seed(page, ws: Workspace) -> None:
    """Before the page's scripts run (first load only), store `ws` as the app stores it."""
    script = "(items => { if (!sessionStorage.getItem('seeded')) { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); sessionStorage.setItem('seeded', '1'); } })(%s)"
    page.add_init_script(script % json.dumps(shards.items(ws)))


def stored(page) -> dict[str, str]:
    """What this origin stores of the workspace: every item but the last screen the app
    rendered (`cercle.screen`, app/web/last_screen.py), which follows whatever is shown."""
    return page.evaluate("Object.fromEntries(Object.entries(localStorage).filter(([key]) => key !== 'cercle.screen'))")


def stored_workspace(page) -> Workspace:
    ws, unreadable = shards.read(stored(page))
    assert not unreadable
    return ws


def export(page, passphrase: str = "") -> tuple[str, bytes]:
    """Export from the transfer screen; the file the browser saved: its name and bytes."""
    form = page.locator("form[data-command=export]")
    form.locator("input[name=passphrase]").fill(passphrase)
    form.locator("input[name=passphrase_again]").fill(passphrase)
    with page.expect_download() as started:
        form.locator("button[type=submit]").first.click()
    download = started.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def pick(page, name: str, data: bytes) -> None:
    page.locator("input[type=file][data-import]").set_input_files({"name": name, "mimeType": "application/json", "buffer": data})


def refused(page, message: str) -> None:
    """The refusal `message` shows in the page's alert region."""
    page.locator("p.error[role=alert]", has_text=message).wait_for()


def group_named(name: str) -> Workspace:
    room = Room()
    room.do({"type": "create_group", "id": "g-x", "name": name, "members": [{"id": f"x-{i}", "name": f"Pair {i}"} for i in range(4)]})
    return room.ws


def test_exports_are_read_back_by_python_plain_and_encrypted(app):
    ws = half_day().ws
    page = app.page
    seed(page, ws)
    app.open("#/transfer")
    assert page.get_by_role("heading", level=1).inner_text() == "Fichiers et stockage"
    assert "Pas encore exporté." in page.inner_text("body")

    name, data = export(page)
    assert name.startswith("cercle-cadres-de-sante-chu-nord-") and name.endswith(".json") and "encrypted" not in name
    assert records(file_format.load(data)) == records(ws)
    page.get_by_text(f"Exporté : {name}.").wait_for()
    assert "Dernier export :" in page.inner_text("body")

    name, data = export(page, PASSPHRASE)
    assert name.endswith("-encrypted.json")
    envelope = json.loads(data)
    assert (envelope["kdf"], envelope["iterations"], envelope["cipher"]) == ("PBKDF2-SHA256", 600_000, "AES-256-GCM")
    assert b"Sophie" not in data
    assert records(file_format.load(reference_crypto.decrypt(data, PASSPHRASE))) == records(ws)  # a few lines of Python

    form = page.locator("form[data-command=export]")
    form.locator("input[name=passphrase]").fill("une")
    form.locator("input[name=passphrase_again]").fill("autre")
    form.locator("button[type=submit]").first.click()
    refused(page, "Les deux phrases secrètes diffèrent")
    # Both stay as typed, to be corrected (the page alone holds them: never a draft).
    assert form.locator("input[name=passphrase]").input_value() == "une"
    assert form.locator("input[name=passphrase_again]").input_value() == "autre"


def test_a_file_encrypted_by_python_is_imported_after_its_preview(app):
    page = app.page
    seed(page, group_named("Intervision Lyon"))
    app.open("#/transfer")
    before = stored(page)
    sealed = reference_crypto.encrypt(file_format.dump(half_day().ws), PASSPHRASE)

    pick(page, "de-la-tablette.json", sealed)
    page.get_by_role("heading", name="Fichier « de-la-tablette.json »").wait_for()
    page.get_by_label("Phrase secrète du fichier").fill("pas la bonne")
    page.get_by_role("button", name="Ouvrir le fichier").click()
    refused(page, "Phrase secrète incorrecte")
    assert stored(page) == before

    page.get_by_label("Phrase secrète du fichier").fill(PASSPHRASE)
    page.get_by_role("button", name="Ouvrir le fichier").click()
    table = page.locator("table.preview")
    table.wait_for()
    rows = {row.locator("th").inner_text(): row.locator("td").all_inner_texts() for row in table.locator("tbody tr").all()}
    assert rows["Groupes"] == ["1", "0", "0", "0"] and rows["Membres"] == ["5", "0", "0", "0"]
    assert int(rows["Contributions"][0]) > 50
    assert stored(page) == before  # nothing changes before the merge is confirmed

    page.get_by_role("button", name="Fusionner dans cet appareil").click()
    page.get_by_text("Fichier fusionné :").wait_for()
    held = stored_workspace(page)
    assert set(held.groups) == {"g-x", "g-1"} and len(held.entries) == len(half_day().ws.entries)
    app.open("")
    assert "Cadres de santé — CHU Nord" in page.inner_text("body") and "Intervision Lyon" in page.inner_text("body")


BAD_FILES = [
    ("notes.txt", b"Compte rendu de la seance du mardi", "Ce n’est pas un fichier Cercle (ce n’est pas du texte JSON lisible)."),
    ("coupe.json", file_format.dump(half_day().ws)[:5000], "Ce fichier est incomplet"),
    ("futur.json", b'{"format": "cercle", "version": 9, "groups": {}}', "créé par une version plus récente de Cercle"),
    ("vide.json", b"", "Ce fichier est vide."),
    ("autre.json", b'{"type": "excalidraw", "elements": []}', "Ce n’est pas un fichier Cercle."),
    ("profond.json", b'{"format": "cercle", "version": 1, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "imbriqué bien trop profondément"),
    ("enorme.json", b"[" * (21 * 1024 * 1024), "Ce fichier est trop volumineux (plus de 20 Mo)"),
]


def test_bad_files_are_refused_with_a_clear_message_and_change_nothing(app):
    page = app.page
    seed(page, group_named("Intervision Lyon"))
    app.open("#/transfer")
    before = stored(page)
    for name, data, message in BAD_FILES:
        pick(page, name, data)
        refused(page, message)
        assert stored(page) == before
        assert page.locator("table.preview").count() == 0 and "Fichier «" not in page.inner_text("main")
    assert "Intervision Lyon" in page.inner_text("main")

    sealed = bytearray(reference_crypto.encrypt(file_format.dump(half_day().ws), PASSPHRASE))
    envelope = json.loads(bytes(sealed))
    envelope["ciphertext"] = ("A" if envelope["ciphertext"][0] != "A" else "B") + envelope["ciphertext"][1:]
    pick(page, "altere.json", json.dumps(envelope).encode())
    page.get_by_label("Phrase secrète du fichier").fill(PASSPHRASE)
    page.get_by_role("button", name="Ouvrir le fichier").click()
    refused(page, "le fichier a été modifié depuis son export")
    assert stored(page) == before


HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'


def test_hostile_text_in_an_imported_file_shows_as_text(app):
    page = app.page
    app.open("#/transfer")
    room = Room()
    room.do({"type": "create_group", "id": "g-h", "name": HOSTILE, "members": [{"id": f"h-{i}", "name": f"{HOSTILE}{i}"} for i in range(4)]})
    pick(page, "piege.json", file_format.dump(room.ws))
    page.get_by_role("button", name="Fusionner dans cet appareil").click()
    page.get_by_text("Fichier fusionné :").wait_for()
    app.open("")
    page.get_by_role("link", name=HOSTILE).click()
    page.get_by_text(f"{HOSTILE}3").first.wait_for()
    assert page.evaluate("window.pwned") is None
    assert page.locator("main img, main script").count() == 0


def test_a_file_dropped_anywhere_on_the_page_is_previewed(app):
    page = app.page
    app.open("")
    data = file_format.dump(group_named("Déposé sur la page"))
    transfer = page.evaluate_handle(
        "bytes => { const t = new DataTransfer(); t.items.add(new File([new Uint8Array(bytes)], 'depose.json', {type: 'application/json'})); return t; }",
        list(data),
    )
    page.dispatch_event("main", "dragover", {"dataTransfer": transfer})
    page.dispatch_event("main", "drop", {"dataTransfer": transfer})
    page.get_by_role("heading", name="Fichier « depose.json »").wait_for()
    assert page.get_by_role("heading", level=1).inner_text() == "Fichiers et stockage"
    page.get_by_role("button", name="Fusionner dans cet appareil").click()
    page.get_by_text("Fichier fusionné : 5 nouveaux, 0 mis à jour, 0 à comparer.").wait_for()


@pytest.mark.context(locale="en-US")
def test_a_group_is_deleted_from_this_device_after_confirmation(app):
    page = app.page
    seed(page, half_day().ws)
    app.open("#/transfer")
    page.get_by_role("link", name="Delete “Cadres de santé — CHU Nord” from this device…").click()
    page.get_by_text("Delete the group “Cadres de santé — CHU Nord”, its members and its").wait_for()
    page.get_by_role("link", name="Keep it").click()
    assert any(key.startswith("cercle.s.") for key in stored(page))

    page.get_by_role("link", name="Delete “Cadres de santé — CHU Nord” from this device…").click()
    page.get_by_role("button", name="Delete “Cadres de santé — CHU Nord” from this device").click()
    page.get_by_text("“Cadres de santé — CHU Nord” was deleted from this device.").wait_for()
    assert set(stored(page)) == {"cercle.local"}
    app.open("")
    assert "Cadres de santé" not in page.inner_text("body")
