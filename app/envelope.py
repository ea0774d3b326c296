"""The encrypted file: a JSON envelope around the bytes of a Cercle file.

    {"format": "cercle-encrypted", "version": 1,
     "kdf": "PBKDF2-SHA256", "iterations": 600000, "salt": "<base64, 16 bytes>",
     "cipher": "AES-256-GCM", "iv": "<base64, 12 bytes>",
     "ciphertext": "<base64: the encrypted file, then the 16-byte GCM tag>"}

The key is PBKDF2-HMAC-SHA256(passphrase as UTF-8, salt, iterations, 32 bytes); the
plaintext is the plain file (app/sync.py). This module builds and reads envelopes and
decides what is refused; the arithmetic is done by a `Cipher` the caller passes: WebCrypto
in the browser (app/web/crypto.py), whose calls are asynchronous, hence `seal` and `unseal`
are coroutines. A wrong passphrase and a tampered file look the same to AES-GCM, so they
get the same message.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from typing import Protocol

from app.restore import MAX_BYTES, FileFormatError, parse

FORMAT = "cercle-encrypted"
VERSION = 1
KDF = "PBKDF2-SHA256"
CIPHER = "AES-256-GCM"
ITERATIONS = 600_000  # OWASP's 2023 figure for PBKDF2-HMAC-SHA256
MAX_ITERATIONS = 10_000_000  # a hostile file must not freeze the page
SALT_BYTES = 16
IV_BYTES = 12
TAG_BYTES = 16


class Cipher(Protocol):
    async def encrypt(self, passphrase: str, salt: bytes, iterations: int, iv: bytes, plain: bytes) -> bytes: ...

    async def decrypt(self, passphrase: str, salt: bytes, iterations: int, iv: bytes, sealed: bytes) -> bytes:
        """The plaintext; raises anything if the tag does not match."""
        ...


class Envelope:
    def __init__(self, salt: bytes, iterations: int, iv: bytes, ciphertext: bytes) -> None:
        self.salt, self.iterations, self.iv, self.ciphertext = salt, iterations, iv, ciphertext

    def to_bytes(self) -> bytes:
        fields = {
            "format": FORMAT,
            "version": VERSION,
            "kdf": KDF,
            "iterations": self.iterations,
            "salt": base64.b64encode(self.salt).decode(),
            "cipher": CIPHER,
            "iv": base64.b64encode(self.iv).decode(),
            "ciphertext": base64.b64encode(self.ciphertext).decode(),
        }
        return json.dumps(fields, indent=1).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> Envelope:
        """The envelope in `data`, or FileFormatError if it is not a sound one."""
        fields = parse(data)
        if fields.get("format") != FORMAT:
            raise FileFormatError("sync.error.not_cercle")
        if not isinstance(fields.get("version"), int) or fields["version"] < 1:
            raise FileFormatError("sync.error.bad_version")
        if fields["version"] > VERSION:
            raise FileFormatError("sync.error.newer", version=fields["version"])
        if fields.get("kdf") != KDF or fields.get("cipher") != CIPHER:
            raise FileFormatError("sync.error.envelope")
        iterations = fields.get("iterations")
        if not isinstance(iterations, int) or not ITERATIONS <= iterations <= MAX_ITERATIONS:
            raise FileFormatError("sync.error.envelope")
        salt, iv, ciphertext = (_bytes(fields.get(name)) for name in ("salt", "iv", "ciphertext"))
        if len(salt) < SALT_BYTES or len(iv) != IV_BYTES or len(ciphertext) < TAG_BYTES:
            raise FileFormatError("sync.error.envelope")
        return cls(salt, iterations, iv, ciphertext)


def _bytes(text: object) -> bytes:
    if not isinstance(text, str):
        raise FileFormatError("sync.error.envelope")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise FileFormatError("sync.error.envelope") from None


async def seal(plain: bytes, passphrase: str, cipher: Cipher) -> bytes:
    """The encrypted file for `plain`, with a fresh salt and iv."""
    if not passphrase:
        raise FileFormatError("sync.error.no_passphrase")
    salt, iv = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(IV_BYTES)
    ciphertext = await cipher.encrypt(passphrase, salt, ITERATIONS, iv, plain)
    return Envelope(salt, ITERATIONS, iv, ciphertext).to_bytes()


async def unseal(data: bytes, passphrase: str, cipher: Cipher) -> bytes:
    """The plain file inside an encrypted one; FileFormatError if the envelope is unsound or
    the passphrase does not open it."""
    envelope = Envelope.from_bytes(data)
    if not passphrase:
        raise FileFormatError("sync.error.no_passphrase")
    try:
        plain = await cipher.decrypt(passphrase, envelope.salt, envelope.iterations, envelope.iv, envelope.ciphertext)
    except FileFormatError:
        raise
    except Exception:  # the tag did not match: WebCrypto says no more than that
        raise FileFormatError("sync.error.wrong_passphrase") from None
    if len(plain) > MAX_BYTES:
        raise FileFormatError("sync.error.too_large", megabytes=MAX_BYTES // (1024 * 1024))
    return bytes(plain)
