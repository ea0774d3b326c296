"""Encrypted files: the envelope the core builds and reads, with the arithmetic done here by
the `cryptography` package (WebCrypto's stand-in, as in the browser it is WebCrypto)."""

from __future__ import annotations

import asyncio
import base64
import json

import pytest

from app.sync import envelope, file_format
from app.sync.restore import FileFormatError
from support import reference_crypto
from test_sync_file import FIXTURES, played, records

PASSPHRASE = "Le cercle des pairs, mardi 14 h"


class PythonCipher:
    async def encrypt(self, passphrase, salt, iterations, iv, plain, aad):
        return reference_crypto.AESGCM(reference_crypto.key(passphrase, salt, iterations)).encrypt(iv, plain, aad)

    async def decrypt(self, passphrase, salt, iterations, iv, sealed, aad):
        return reference_crypto.AESGCM(reference_crypto.key(passphrase, salt, iterations)).decrypt(iv, sealed, aad)


def seal(plain: bytes, passphrase: str = PASSPHRASE) -> bytes:
    return asyncio.run(envelope.seal(plain, passphrase, PythonCipher()))


def unseal(data: bytes, passphrase: str = PASSPHRASE) -> bytes:
    return asyncio.run(envelope.unseal(data, passphrase, PythonCipher()))


def refused(data: bytes, passphrase: str = PASSPHRASE) -> str:
    with pytest.raises(FileFormatError) as error:
        unseal(data, passphrase)
    return error.value.key


@pytest.fixture(scope="module")
def sealed() -> bytes:
    return seal(file_format.dump(played()))


def test_an_encrypted_file_opens_with_its_passphrase(sealed):
    assert records(file_format.load(unseal(sealed))) == records(played())


def test_the_envelope_is_the_documented_one_and_hides_the_text(sealed):
    fields = json.loads(sealed)
    assert fields["format"] == "cercle-encrypted" and fields["version"] == 2
    assert (fields["kdf"], fields["cipher"]) == ("PBKDF2-SHA256", "AES-256-GCM")
    assert fields["iterations"] >= 600_000
    assert len(base64.b64decode(fields["salt"])) == 16 and len(base64.b64decode(fields["iv"])) == 12
    assert b"Cadres" not in sealed and b"onerror" not in sealed
    assert reference_crypto.decrypt(sealed, PASSPHRASE) == unseal(sealed)  # the README's few lines open it


def test_each_export_has_its_own_salt_and_iv():
    one, two = (json.loads(seal(b"{}")) for _ in range(2))
    assert one["salt"] != two["salt"] and one["iv"] != two["iv"]


def test_a_file_the_reference_lines_encrypted_opens():
    plain = file_format.dump(played())
    assert unseal(reference_crypto.encrypt(plain, PASSPHRASE)) == plain


def test_loading_an_encrypted_file_without_its_passphrase_asks_for_it(sealed):
    with pytest.raises(FileFormatError) as error:
        file_format.load(sealed)
    assert error.value.key == "sync.error.locked"


def test_a_wrong_passphrase_is_refused(sealed):
    assert refused(sealed, "le cercle des pairs, mardi 14 h") == "sync.error.wrong_passphrase"
    assert refused(sealed, "") == "sync.error.no_passphrase"


def tampered(sealed: bytes, field: str, flip: int) -> bytes:
    fields = json.loads(sealed)
    raw = bytearray(base64.b64decode(fields[field]))
    raw[flip] ^= 0x01
    fields[field] = base64.b64encode(bytes(raw)).decode()
    return json.dumps(fields).encode()


@pytest.mark.parametrize(("field", "flip"), [("ciphertext", 0), ("ciphertext", -1), ("ciphertext", 500), ("iv", 3), ("salt", 0)])
def test_a_tampered_file_is_refused(sealed, field, flip):
    assert refused(tampered(sealed, field, flip)) == "sync.error.wrong_passphrase"


def test_a_tampered_iteration_count_is_refused(sealed):
    fields = json.loads(sealed)
    assert refused(json.dumps({**fields, "iterations": 600_001}).encode()) == "sync.error.wrong_passphrase"


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"iterations": 1000}, "sync.error.envelope"),  # too weak to be ours
        ({"iterations": 10**12}, "sync.error.envelope"),  # would freeze the page
        ({"iterations": "600000"}, "sync.error.envelope"),
        ({"kdf": "scrypt"}, "sync.error.envelope"),
        ({"cipher": "AES-128-CBC"}, "sync.error.envelope"),
        ({"iv": "not base64 !"}, "sync.error.envelope"),
        ({"iv": base64.b64encode(b"short").decode()}, "sync.error.envelope"),
        ({"salt": None}, "sync.error.envelope"),
        ({"ciphertext": ""}, "sync.error.envelope"),
        ({"version": 3}, "sync.error.newer"),
        ({"format": "cercle"}, "sync.error.not_cercle"),
    ],
)
def test_a_broken_envelope_is_refused_before_any_decryption(sealed, change, key):
    assert refused(json.dumps({**json.loads(sealed), **change}).encode()) == key


def test_a_truncated_or_foreign_encrypted_file_is_refused(sealed):
    assert refused(sealed[: len(sealed) // 2]) == "sync.error.truncated"
    assert refused(b"not json") == "sync.error.not_json"
    assert refused(b"") == "sync.error.empty"


def test_sealing_needs_a_passphrase():
    with pytest.raises(FileFormatError) as error:
        seal(b"{}", "")
    assert error.value.key == "sync.error.no_passphrase"


# Issue 16, items 3 and 10.

V1 = (FIXTURES / "cercle-encrypted-v1.json").read_bytes()  # made by the build before version 2


def test_a_version_1_file_still_opens(sealed):
    assert json.loads(V1)["version"] == 1
    # The same records, but for the protocol snapshot (a session keeps the protocol as it was
    # when it started, and the library's texts have been rewritten since that file was made)
    # and for what was added since: `changed` (file version 2; a version-1 file names no
    # change), a session's `roles` and `coached` (a session now starts with its roles).
    def unsnapped(ws):
        found = {name: {i: {k: v for k, v in r.items() if k != "changed"} for i, r in rs.items()} for name, rs in records(ws).items()}
        found["sessions"] = {i: {**r, "protocol": None, "roles": None, "coached": None} for i, r in found["sessions"].items()}
        return found

    assert unsnapped(file_format.load(unseal(V1))) == unsnapped(played())
    assert reference_crypto.decrypt(V1, PASSPHRASE) == unseal(V1)


def test_the_header_is_bound_to_the_ciphertext(sealed):
    """Relabelled as version 1 (no associated data), or any header field changed: refused."""
    fields = json.loads(sealed)
    assert refused(json.dumps({**fields, "version": 1}).encode()) == "sync.error.wrong_passphrase"
    key = reference_crypto.key(PASSPHRASE, base64.b64decode(fields["salt"]), fields["iterations"])
    iv, ciphertext = base64.b64decode(fields["iv"]), base64.b64decode(fields["ciphertext"])
    with pytest.raises(reference_crypto.InvalidTag):
        reference_crypto.AESGCM(key).decrypt(iv, ciphertext, None)  # the tag covers more than the text
    reference_crypto.AESGCM(key).decrypt(iv, ciphertext, reference_crypto.header(fields))


def test_the_passphrase_is_the_same_however_its_letters_were_typed():
    composed, decomposed = "Clé de l'été 2026", "Cle\u0301 de l'e\u0301te\u0301 2026"
    assert composed != decomposed
    locked = seal(b'{"format":"cercle","version":1}', decomposed)
    assert unseal(locked, composed) == b'{"format":"cercle","version":1}'
    assert reference_crypto.decrypt(locked, composed) == b'{"format":"cercle","version":1}'


@pytest.mark.parametrize("passphrase", ["1", "court", "7 chars", "e\u0301t\u00e9 \u00e9t\u00e9"[:7]])
def test_a_short_passphrase_is_refused_with_the_minimum(passphrase):
    with pytest.raises(FileFormatError) as error:
        seal(b"{}", passphrase)
    assert (error.value.key, error.value.params) == ("restore.error.short_passphrase", {"minimum": 8})


def test_the_minimum_counts_letters_as_they_are_shown():
    with pytest.raises(FileFormatError):
        seal(b"{}", "e\u0301" * 7)  # 14 code points, 7 letters
    assert json.loads(seal(b"{}", "e\u0301" * 8))["version"] == 2


def cut(sealed: bytes, size: int) -> bytes:
    fields = json.loads(sealed)
    return json.dumps({**fields, "ciphertext": base64.b64encode(base64.b64decode(fields["ciphertext"])[:size]).decode()}).encode()


@pytest.mark.parametrize("size", [0, 16, 40, envelope.MIN_PLAIN_BYTES + envelope.TAG_BYTES - 1])
def test_a_ciphertext_too_short_to_hold_a_file_says_it_is_damaged_before_asking_for_a_passphrase(sealed, size):
    with pytest.raises(FileFormatError) as error:
        file_format.load(cut(sealed, size))
    assert error.value.key == "sync.error.envelope"
    assert refused(cut(sealed, size)) == "sync.error.envelope"


def test_the_smallest_file_fits_the_smallest_ciphertext():
    from app.model import Workspace

    assert len(file_format.dump(Workspace())) == envelope.MIN_PLAIN_BYTES
    assert unseal(seal(file_format.dump(Workspace()))) == file_format.dump(Workspace())


def test_an_encrypted_file_inside_an_encrypted_file_is_refused_once_opened(sealed):
    assert refused(seal(sealed)) == "restore.error.nested_envelope"
