"""The few lines of Python that open and make Cercle's encrypted files (README.md, "File
format"), with the `cryptography` package and nothing from app/: the independent check that
the browser's WebCrypto and the documented envelope agree."""

from __future__ import annotations

import base64
import json
import os
import unicodedata

from cryptography.exceptions import InvalidTag  # noqa: F401  (what a failed tag raises, for the tests)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC


def key(passphrase: str, salt: bytes, iterations: int) -> bytes:
    return PBKDF2HMAC(algorithm=SHA256(), length=32, salt=salt, iterations=iterations).derive(passphrase.encode())


def header(envelope: dict) -> bytes:
    """The associated data of a version 2 envelope: every field but the ciphertext."""
    return json.dumps({k: v for k, v in envelope.items() if k != "ciphertext"}, sort_keys=True, separators=(",", ":")).encode()


def decrypt(data: bytes, passphrase: str) -> bytes:
    envelope = json.loads(data)
    assert (envelope["format"], envelope["kdf"], envelope["cipher"]) == ("cercle-encrypted", "PBKDF2-SHA256", "AES-256-GCM")
    salt, iv, sealed = (base64.b64decode(envelope[k]) for k in ("salt", "iv", "ciphertext"))
    if envelope["version"] == 1:  # no associated data, the passphrase as typed
        return AESGCM(key(passphrase, salt, envelope["iterations"])).decrypt(iv, sealed, None)
    passphrase = unicodedata.normalize("NFC", passphrase)
    return AESGCM(key(passphrase, salt, envelope["iterations"])).decrypt(iv, sealed, header(envelope))


def encrypt(plain: bytes, passphrase: str, iterations: int = 600_000) -> bytes:
    salt, iv = os.urandom(16), os.urandom(12)
    envelope = {"format": "cercle-encrypted", "version": 2, "kdf": "PBKDF2-SHA256", "iterations": iterations,
                "salt": base64.b64encode(salt).decode(), "cipher": "AES-256-GCM", "iv": base64.b64encode(iv).decode()}
    sealed = AESGCM(key(unicodedata.normalize("NFC", passphrase), salt, iterations)).encrypt(iv, plain, header(envelope))
    return json.dumps({**envelope, "ciphertext": base64.b64encode(sealed).decode()}).encode()
