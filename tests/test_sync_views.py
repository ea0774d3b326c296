"""The transfer screen and the export reminder, rendered from plain data."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from app.sync.merge import merge, preview
from app.views import transfer
from app.views.context import BrowserState, Incoming, Storage, View
from app.views.routes import Route
from support.room import START, Room
from test_sync_merge import two_devices

DAY = transfer.DAY


def html(view: View, browser: BrowserState | None = None) -> str:
    return str(transfer.render(replace(view, browser=browser) if browser else view))


def in_both_languages(ws, route=Route("transfer"), browser=None, now=START):
    for lang in ("fr", "en"):
        page = html(View(ws=ws, route=route, lang=lang, now=now), browser)
        assert not re.search(r">\s*sync\.[a-z_.]+\s*<", page), "a message key shows instead of its text"
        yield lang, page


def test_the_screen_offers_export_import_and_storage_in_both_languages():
    room = Room()
    room.group()
    for lang, page in in_both_languages(room.ws, browser=BrowserState(Storage(used=300_000))):
        assert 'data-command="export"' in page and 'type="password"' in page
        assert 'type="file"' in page and "data-import" in page
        assert "<meter" in page and 'value="300000"' in page
        assert ("292 Ko utilisés (5 %)" if lang == "fr" else "292 KB used (5%)") in page
        assert "Cadres santé" in page  # the group one may delete from this device


def test_a_passphrase_is_never_a_draft():
    page = html(View(ws=Room().ws, route=Route("transfer")))
    for field in re.findall(r"<input[^>]*password[^>]*>", page):
        assert "data-draft" not in field


def test_the_share_button_shows_only_where_the_device_can_share_files():
    ws = Room().ws
    assert 'data-share="1"' not in html(View(ws=ws, route=Route("transfer")))
    assert 'data-command="export" data-share="1"' in html(View(ws=ws, route=Route("transfer")), BrowserState(can_share=True))


def test_nearly_full_and_failed_storage_say_so():
    ws = Room().ws
    full = BrowserState(Storage(used=int(0.85 * transfer.shards.QUOTA), failed=True))
    page = html(View(ws=ws, route=Route("transfer"), lang="en"), full)
    assert "is 85% full" in page and "could not be saved in this browser" in page and 'role="alert"' in page
    assert "full" not in html(View(ws=ws, route=Route("transfer"), lang="en"), BrowserState(Storage(used=1000)))


def test_data_set_aside_can_be_downloaded_or_deleted():
    browser = BrowserState(Storage(set_aside=("cercle.aside.s.x.1780000000000",)))
    page = html(View(ws=Room().ws, route=Route("transfer"), lang="en"), browser)
    assert 'data-command="aside-download"' in page and 'data-key="cercle.aside.s.x.1780000000000"' in page
    assert 'data-command="aside-delete"' in page


def test_deleting_a_group_asks_for_confirmation_first():
    room = Room()
    room.group()
    room.session()
    page = html(View(ws=room.ws, route=Route("transfer"), lang="en"))
    assert 'data-command="delete-group"' not in page
    assert 'href="#/transfer?delete=g-1"' in page
    asking = html(View(ws=room.ws, route=Route("transfer", (("delete", "g-1"),)), lang="en"))
    assert "Delete the group “Cadres santé”, its members and its session from this browser?" in asking
    assert 'data-command="delete-group" data-id="g-1"' in asking


def test_a_locked_file_asks_for_its_passphrase():
    browser = BrowserState(incoming=Incoming("cercle-2026-11-28-encrypted.json"))
    for _lang, page in in_both_languages(Room().ws, browser=browser):
        assert 'data-command="import-unlock"' in page and 'autocomplete="current-password"' in page
        assert 'data-command="import-cancel"' in page


def test_the_preview_shows_new_updated_and_conflicting_records_before_merging():
    laptop, tablet = two_devices()
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "Sur le portable"})
    tablet.do({"type": "edit_entry", "id": "q-0", "text": "Sur la tablette"})
    tablet.do({"type": "rename_member", "id": "m-2", "name": "Chloé B."})
    tablet.do({"type": "add_entry", "id": "q-9", "session_id": "s-1", "round_id": "r-1", "kind": "question", "author_id": "m-3", "text": "Et toi ?"})
    browser = BrowserState(incoming=Incoming("tablette.json", preview(laptop.ws, tablet.ws)))
    page = html(View(ws=laptop.ws, route=Route("transfer"), lang="en"), browser)
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th>((?:<td>\d+</td>)+)', page))
    assert rows == {"Members": "<td>0</td><td>1</td><td>0</td><td>0</td>", "Contributions": "<td>1</td><td>0</td><td>1</td><td>0</td>"}
    assert 'data-command="import-merge"' in page and "Both versions are kept" in page
    assert "deletion wins" not in page


def test_the_preview_names_what_the_file_deletes_and_the_edits_made_here_it_drops():
    laptop, tablet = two_devices()
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "Précisé sur le portable"})
    tablet.do({"type": "delete_entry", "id": "q-0"})
    browser = BrowserState(incoming=Incoming("tablette.json", preview(laptop.ws, tablet.ws)))
    page = html(View(ws=laptop.ws, route=Route("transfer"), lang="en"), browser)
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th>((?:<td>\d+</td>)+)', page))
    assert rows == {"Contributions": "<td>0</td><td>0</td><td>0</td><td>1</td>"}
    assert "Deleted here" in page and "1 item this file deletes was edited on this device since: the deletion wins and those edits will be lost" in page


def test_the_preview_counts_a_protocols_text_edited_here_among_the_edits_a_deletion_drops():
    from test_sync_merge_protocols import guidance, two_devices as protocol_devices

    laptop, tablet = protocol_devices()
    laptop.do(guidance("expose", "Le porteur expose, sans être interrompu."))
    tablet.do({"type": "delete_protocol", "id": "p-own"})
    seen = preview(laptop.ws, tablet.ws)
    assert seen.deleted == {"protocols": 1} and seen.dropped == {"protocols": 1}
    browser = BrowserState(incoming=Incoming("tablette.json", seen))
    said = {lang: html(View(ws=laptop.ws, route=Route("transfer"), lang=lang), browser) for lang in ("fr", "en")}
    assert "1 élément que ce fichier supprime a été modifié sur cet appareil depuis\u202f: la suppression l’emporte" in said["fr"]
    assert "1 item this file deletes was edited on this device since: the deletion wins" in said["en"]
    # a protocol the file deletes that nobody edited here drops nothing
    laptop, tablet = protocol_devices()
    tablet.do({"type": "delete_protocol", "id": "p-own"})
    assert preview(laptop.ws, tablet.ws).dropped == {}


def test_a_file_with_nothing_new_says_so():
    room = Room()
    room.group()
    browser = BrowserState(incoming=Incoming("same.json", preview(room.ws, room.ws)))
    assert "holds nothing that this device does not already have" in html(View(ws=room.ws, route=Route("transfer"), lang="en"), browser)


def test_versions_to_compare_are_listed_with_a_button_for_each_that_resolves_it():
    laptop, tablet = two_devices()
    laptop.do({"type": "edit_entry", "id": "q-0", "text": "<script>alert('portable')</script>"})
    tablet.do({"type": "edit_entry", "id": "q-0", "text": "Sur la tablette"}, after_s=3)
    merged = merge(laptop.ws, tablet.ws)
    page = html(View(ws=merged, route=Route("transfer"), lang="en"))
    assert "Versions to compare" in page and "<script>" not in page and "&lt;script&gt;" in page
    buttons = re.findall(r'<button type="button" data-action="resolve_conflict" ([^>]*)>', page)
    assert len(buttons) == 2
    for attrs in buttons:
        data = {k.replace("data-", "").replace("-", "_"): v for k, v in re.findall(r'(data-[a-z-]+)="([^"]*)"', attrs)}
        room = Room(merged, device="d-laptop", now=START + 20_000_000)
        room.do({"type": "resolve_conflict", **data})
        assert room.ws.entries["q-0"].conflicts == ()
        assert "Versions to compare" not in html(View(ws=room.ws, route=Route("transfer"), lang="en"))


@pytest.mark.parametrize(
    ("exported_days_ago", "made_days_ago", "changed_since", "due"),
    [
        (None, 1, True, False),  # a group made yesterday, never exported: not yet
        (None, 8, True, True),  # a week of work only here
        (10, 30, True, True),
        (3, 30, True, False),
        (10, 30, False, False),  # exported, nothing changed since
    ],
)
def test_the_reminder_comes_after_a_week_of_work_not_exported(exported_days_ago, made_days_ago, changed_since, due):
    now = START + 60 * DAY
    room = Room(now=now - made_days_ago * DAY)
    room.group()
    if exported_days_ago is not None:
        exported = now - exported_days_ago * DAY
        if changed_since:
            room.now = exported + DAY
            room.do({"type": "rename_member", "id": "m-1", "name": "Bruno L."})
        room.ws = room.ws.model_copy(update={"local": room.ws.local.model_copy(update={"exported_at": exported})})
    assert transfer.export_due(room.ws, now) is due
    view = View(ws=room.ws, route=Route("home"), lang="en", now=now)
    assert (transfer.reminder(view) is not None) is due
    if due:
        assert 'href="#/transfer"' in str(transfer.reminder(view))


def test_an_empty_workspace_needs_no_reminder():
    assert transfer.reminder(View(ws=Room().ws, now=START + 100 * DAY)) is None


def test_while_saving_fails_every_screen_can_offer_the_export():
    view = View(ws=Room().ws, route=Route("session", (("id", "s-1"),)), lang="en")
    assert transfer.banner(view) is None
    failing = BrowserState(Storage(failed=True))
    shown = str(transfer.banner(replace(view, browser=failing)))
    assert 'role="alert"' in shown and "could not be saved" in shown and 'href="#/transfer"' in shown
    on_transfer = str(transfer.banner(View(ws=Room().ws, route=Route("transfer"), lang="en", browser=failing)))
    assert "could not be saved" in on_transfer and "href" not in on_transfer  # the export is right there
    assert transfer.banner(View(ws=Room().ws, presentation=True, browser=failing)) is None  # not in front of the room


def test_the_breadcrumb_keeps_the_group_the_screen_was_opened_from():
    room = Room()
    room.group()
    page = html(View(ws=room.ws, route=Route("transfer", (("group", "g-1"),)), lang="fr"))
    crumbs = page[page.index('<nav class="crumbs"'):page.index("</nav>")]
    assert re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', crumbs) == [
        ("#/home", "Cercle"), ("#/group?id=g-1", "Cadres santé"), ("#/transfer?group=g-1", "Fichiers et stockage")
    ]
    assert 'href="#/transfer?group=g-1&amp;delete=g-1"' in page  # asking to delete stays under the group
    alone = html(View(ws=room.ws, route=Route("transfer"), lang="fr"))
    assert "#/group?id=g-1" not in alone[alone.index('<nav class="crumbs"'):alone.index("</nav>")]


def test_while_storage_is_full_the_banner_says_the_work_is_kept_in_the_tab_then_that_it_is_written():
    view = View(ws=Room().ws, route=Route("session", (("id", "s-1"),)), lang="en")
    kept = str(transfer.banner(replace(view, browser=BrowserState(Storage(failed=True, kept=True)))))
    assert 'role="alert"' in kept and "kept in this tab, even if you reload it" in kept and 'href="#/transfer"' in kept
    written = str(transfer.banner(replace(view, browser=BrowserState(Storage(written_back=True)))))
    assert 'role="status"' in written and "now saved in this browser" in written
