"""Encrypted files: the envelope the core builds and reads, with the arithmetic done here by
the `cryptography` package (WebCrypto's stand-in, as in the browser it is WebCrypto)."""

from __future__ import annotations

import asyncio
import base64
import json

import pytest

from app import envelope, sync
from app.restore import FileFormatError
import reference_crypto
from test_sync_file import played, records

PASSPHRASE = "Le cercle des pairs, mardi 14 h"


class PythonCipher:
    async def encrypt(self, passphrase, salt, iterations, iv, plain):
        return reference_crypto.AESGCM(reference_crypto.key(passphrase, salt, iterations)).encrypt(iv, plain, None)

    async def decrypt(self, passphrase, salt, iterations, iv, sealed):
        return reference_crypto.AESGCM(reference_crypto.key(passphrase, salt, iterations)).decrypt(iv, sealed, None)


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
    return seal(sync.dump(played()))


def test_an_encrypted_file_opens_with_its_passphrase(sealed):
    assert records(sync.load(unseal(sealed))) == records(played())


def test_the_envelope_is_the_documented_one_and_hides_the_text(sealed):
    fields = json.loads(sealed)
    assert fields["format"] == "cercle-encrypted" and fields["version"] == 1
    assert (fields["kdf"], fields["cipher"]) == ("PBKDF2-SHA256", "AES-256-GCM")
    assert fields["iterations"] >= 600_000
    assert len(base64.b64decode(fields["salt"])) == 16 and len(base64.b64decode(fields["iv"])) == 12
    assert b"Cadres" not in sealed and b"onerror" not in sealed
    assert reference_crypto.decrypt(sealed, PASSPHRASE) == unseal(sealed)  # the README's few lines open it


def test_each_export_has_its_own_salt_and_iv():
    one, two = (json.loads(seal(b"{}")) for _ in range(2))
    assert one["salt"] != two["salt"] and one["iv"] != two["iv"]


def test_a_file_the_reference_lines_encrypted_opens():
    plain = sync.dump(played())
    assert unseal(reference_crypto.encrypt(plain, PASSPHRASE)) == plain


def test_loading_an_encrypted_file_without_its_passphrase_asks_for_it(sealed):
    with pytest.raises(FileFormatError) as error:
        sync.load(sealed)
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
        ({"version": 2}, "sync.error.newer"),
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
