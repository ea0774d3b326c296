"""The few lines of Python that open and make Cercle's encrypted files (README.md, "File
format"), with the `cryptography` package and nothing from app/: the independent check that
the browser's WebCrypto and the documented envelope agree."""

from __future__ import annotations

import base64
import json
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC


def key(passphrase: str, salt: bytes, iterations: int) -> bytes:
    return PBKDF2HMAC(algorithm=SHA256(), length=32, salt=salt, iterations=iterations).derive(passphrase.encode())


def decrypt(data: bytes, passphrase: str) -> bytes:
    envelope = json.loads(data)
    assert (envelope["format"], envelope["kdf"], envelope["cipher"]) == ("cercle-encrypted", "PBKDF2-SHA256", "AES-256-GCM")
    salt, iv, sealed = (base64.b64decode(envelope[k]) for k in ("salt", "iv", "ciphertext"))
    return AESGCM(key(passphrase, salt, envelope["iterations"])).decrypt(iv, sealed, None)


def encrypt(plain: bytes, passphrase: str, iterations: int = 600_000) -> bytes:
    salt, iv = os.urandom(16), os.urandom(12)
    sealed = AESGCM(key(passphrase, salt, iterations)).encrypt(iv, plain, None)
    fields = {"salt": salt, "iv": iv, "ciphertext": sealed}
    envelope = {"format": "cercle-encrypted", "version": 1, "kdf": "PBKDF2-SHA256", "iterations": iterations,
                "cipher": "AES-256-GCM", **{k: base64.b64encode(v).decode() for k, v in fields.items()}}  # fmt: skip
    return json.dumps(envelope).encode()
