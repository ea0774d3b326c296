"""The arithmetic of encrypted files, by the browser's WebCrypto: PBKDF2-SHA256 for the key,
AES-256-GCM for the data. The envelope around it, and what is refused, is app/sync/envelope.py."""

from __future__ import annotations

import js
from pyodide.ffi import to_js

from app.sync.restore import FileFormatError


def _array(data: bytes):
    array = js.Uint8Array.new(len(data))
    array.assign(data)
    return array


def _options(**fields):
    return to_js(fields, dict_converter=js.Object.fromEntries)


def _subtle():
    subtle = getattr(js.crypto, "subtle", None) if hasattr(js, "crypto") else None
    if subtle is None or not js.isSecureContext:
        raise FileFormatError("sync.error.no_crypto")  # WebCrypto exists on https and localhost only
    return subtle


async def _key(passphrase: str, salt: bytes, iterations: int, usage: str):
    subtle = _subtle()
    material = await subtle.importKey("raw", _array(passphrase.encode()), "PBKDF2", False, to_js(["deriveKey"]))
    derivation = _options(name="PBKDF2", salt=_array(salt), iterations=iterations, hash="SHA-256")
    return await subtle.deriveKey(derivation, material, _options(name="AES-GCM", length=256), False, to_js([usage]))


def _gcm(iv: bytes, aad: bytes):
    # Empty associated data is the same to AES-GCM as none: version 1 envelopes read alike.
    return _options(name="AES-GCM", iv=_array(iv), additionalData=_array(aad))


class WebCipher:
    async def encrypt(self, passphrase: str, salt: bytes, iterations: int, iv: bytes, plain: bytes, aad: bytes) -> bytes:
        key = await _key(passphrase, salt, iterations, "encrypt")
        sealed = await _subtle().encrypt(_gcm(iv, aad), key, _array(plain))
        return js.Uint8Array.new(sealed).to_bytes()

    async def decrypt(self, passphrase: str, salt: bytes, iterations: int, iv: bytes, sealed: bytes, aad: bytes) -> bytes:
        key = await _key(passphrase, salt, iterations, "decrypt")
        plain = await _subtle().decrypt(_gcm(iv, aad), key, _array(sealed))
        return js.Uint8Array.new(plain).to_bytes()


WEB = WebCipher()
