"""The encrypted file: a JSON envelope around the bytes of a Cercle file.

    {"format": "cercle-encrypted", "version": 2,
     "kdf": "PBKDF2-SHA256", "iterations": 600000, "salt": "<base64, 16 bytes>",
     "cipher": "AES-256-GCM", "iv": "<base64, 12 bytes>",
     "ciphertext": "<base64: the encrypted file, then the 16-byte GCM tag>"}

The key is PBKDF2-HMAC-SHA256(passphrase, salt, iterations, 32 bytes), the passphrase in
Unicode's NFC form (the same letters typed on two systems may come as different code
points), as UTF-8. The plaintext is the plain file (app/sync/file_format.py). The header (every field
but the ciphertext) is AES-GCM's associated data, as compact JSON with sorted keys: changing
any of it, a downgrade to version 1 included, fails the tag. Version 1 envelopes (no
associated data, the passphrase as typed) are still read.

This module builds and reads envelopes and decides what is refused; the arithmetic is done by
a `Cipher` the caller passes: WebCrypto in the browser (app/web/crypto.py), whose calls are
asynchronous, hence `seal` and `unseal` are coroutines. A wrong passphrase and a tampered
file look the same to AES-GCM, so they get the same message.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from typing import Protocol

from app.sync.restore import MAX_BYTES, FileFormatError, parse

FORMAT = "cercle-encrypted"
VERSION = 2
KDF = "PBKDF2-SHA256"
CIPHER = "AES-256-GCM"
ITERATIONS = 600_000  # OWASP's 2023 figure for PBKDF2-HMAC-SHA256
MAX_ITERATIONS = 10_000_000  # a hostile file must not freeze the page
SALT_BYTES = 16
IV_BYTES = 12
TAG_BYTES = 16
# The smallest plain file is {"format":"cercle","version":1}: a ciphertext shorter than it and
# its tag was cut, which is said before a passphrase is asked for.
MIN_PLAIN_BYTES = 31
# Whoever holds the file can try passphrases offline, as fast as their hardware allows: below
# this length, the 600,000 iterations of each try no longer make a search hopeless.
MIN_PASSPHRASE = 8


class Cipher(Protocol):
    """AES-256-GCM with a PBKDF2-SHA256 key; `aad` is the associated data (b"": none)."""

    async def encrypt(self, passphrase: str, salt: bytes, iterations: int, iv: bytes, plain: bytes, aad: bytes) -> bytes: ...

    async def decrypt(self, passphrase: str, salt: bytes, iterations: int, iv: bytes, sealed: bytes, aad: bytes) -> bytes:
        """The plaintext; raises anything if the tag does not match."""
        ...


class Envelope:
    def __init__(self, salt: bytes, iterations: int, iv: bytes, ciphertext: bytes = b"", version: int = VERSION) -> None:
        self.salt, self.iterations, self.iv, self.ciphertext, self.version = salt, iterations, iv, ciphertext, version

    def header(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "version": self.version,
            "kdf": KDF,
            "iterations": self.iterations,
            "salt": base64.b64encode(self.salt).decode(),
            "cipher": CIPHER,
            "iv": base64.b64encode(self.iv).decode(),
        }

    def associated_data(self) -> bytes:
        """What the tag also covers: the header, from version 2 on."""
        if self.version < 2:
            return b""
        return json.dumps(self.header(), sort_keys=True, separators=(",", ":")).encode()

    def key_text(self, passphrase: str) -> str:
        """The passphrase as the key is made from it: NFC from version 2 on, as typed before."""
        return passphrase if self.version < 2 else normalized(passphrase)

    def to_bytes(self) -> bytes:
        fields = {**self.header(), "ciphertext": base64.b64encode(self.ciphertext).decode()}
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
        if len(salt) < SALT_BYTES or len(iv) != IV_BYTES or len(ciphertext) < MIN_PLAIN_BYTES + TAG_BYTES:
            raise FileFormatError("sync.error.envelope")
        return cls(salt, iterations, iv, ciphertext, fields["version"])


def _bytes(text: object) -> bytes:
    if not isinstance(text, str):
        raise FileFormatError("sync.error.envelope")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise FileFormatError("sync.error.envelope") from None


def normalized(passphrase: str) -> str:
    import unicodedata  # its tables are loaded when a passphrase is first used, not at start-up

    return unicodedata.normalize("NFC", passphrase)


async def seal(plain: bytes, passphrase: str, cipher: Cipher) -> bytes:
    """The encrypted file for `plain`, with a fresh salt and iv."""
    if not passphrase:
        raise FileFormatError("sync.error.no_passphrase")
    if len(normalized(passphrase)) < MIN_PASSPHRASE:
        raise FileFormatError("restore.error.short_passphrase", minimum=MIN_PASSPHRASE)
    envelope = Envelope(secrets.token_bytes(SALT_BYTES), ITERATIONS, secrets.token_bytes(IV_BYTES))
    envelope.ciphertext = await cipher.encrypt(
        envelope.key_text(passphrase), envelope.salt, envelope.iterations, envelope.iv, plain, envelope.associated_data()
    )
    return envelope.to_bytes()


async def unseal(data: bytes, passphrase: str, cipher: Cipher) -> bytes:
    """The plain file inside an encrypted one; FileFormatError if the envelope is unsound or
    the passphrase does not open it."""
    envelope = Envelope.from_bytes(data)
    if not passphrase:
        raise FileFormatError("sync.error.no_passphrase")
    try:
        plain = await cipher.decrypt(envelope.key_text(passphrase), envelope.salt, envelope.iterations, envelope.iv,
                                     envelope.ciphertext, envelope.associated_data())
    except FileFormatError:
        raise
    except Exception:  # the tag did not match: WebCrypto says no more than that
        raise FileFormatError("sync.error.wrong_passphrase") from None
    if len(plain) > MAX_BYTES:
        raise FileFormatError("sync.error.too_large", megabytes=MAX_BYTES // (1024 * 1024))
    if FORMAT.encode() in plain and parse(bytes(plain)).get("format") == FORMAT:
        # Cercle never encrypts an encrypted file: asking for a second passphrase would only
        # puzzle the person, who typed the one they know.
        raise FileFormatError("restore.error.nested_envelope")
    return bytes(plain)
