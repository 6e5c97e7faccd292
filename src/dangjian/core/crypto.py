"""国密 primitives: SM3 hashing, SM4 field encryption and HMAC-SM3 look-up keys, with a keyring.

Everything runs through ``cryptography`` (OpenSSL). ``gmssl`` (pure Python) stays as the
independent reference the tests check against byte for byte: its SM3 costs about 4.6 ms per
audit event (≈ 5 µs in OpenSSL), which capped audited writes at about 200 a second under the
chain-head lock, and its SM4 about 1.7 ms per person.

Keys come from the environment as a keyring, ``DANGJIAN_FIELD_KEYS="v2:secret2,v1:secret1"``
(the first is current; secrets may contain ``:`` but not ``,``), or, for deployments from before
rotation, the single ``DANGJIAN_FIELD_KEY``, which is version ``v1``. Ciphertext names its key:
``sm4cbc1:v2:<base64>``; a value without a version (``sm4cbc1:<base64>``) is ``v1``.
Look-up hashes do not carry a version: ``lookup_hashes`` gives one per key, current first, so a
look-up matches rows hashed under any key while ``dangjian keys rotate`` moves them (ADR 0002).
"""

import base64
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import hashes, hmac, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.core.exceptions import ImproperlyConfigured

_FORMAT = "sm4cbc1"  # stored prefix, so that a later key or mode rotation can tell versions apart
LEGACY_VERSION = "v1"  # what DANGJIAN_FIELD_KEY and unversioned ciphertext are
_VERSION = re.compile(r"v[0-9]{1,4}")


class UnknownKeyVersion(ValueError):
    """Ciphertext written under a key that the keyring no longer (or not yet) holds."""


def sm3_hex(data: bytes) -> str:
    """SM3 digest (GB/T 32905-2016) as 64 hex characters (OpenSSL)."""
    digest = hashes.Hash(hashes.SM3())
    digest.update(data)
    return digest.finalize().hex()


def sm3_file_hex(path: Path) -> str:
    """SM3 of a file, streamed through OpenSSL (gmssl would take minutes on a large archive)."""
    digest = hashes.Hash(hashes.SM3())
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.finalize().hex()


def hmac_sm3_hex(key: bytes, data: bytes) -> str:
    """HMAC-SM3 (OpenSSL) as 64 hex characters: signatures of audit archives, look-up hashes."""
    mac = hmac.HMAC(key, hashes.SM3())
    mac.update(data)
    return mac.finalize().hex()


@lru_cache(maxsize=32)
def _derive(secret: str, purpose: str) -> bytes:
    # Separate keys for encryption and look-up, so a leaked look-up key decrypts nothing.
    digest = hashes.Hash(hashes.SM3())
    digest.update(f"{purpose}:{secret}".encode())
    return digest.finalize()


@dataclass(frozen=True)
class Keyring:
    """Field keys by version, the current one first."""

    keys: tuple[tuple[str, str], ...]

    @property
    def current(self) -> str:
        return self.keys[0][0]

    @property
    def versions(self) -> list[str]:
        return [version for version, _ in self.keys]

    def secret(self, version: str) -> str:
        for known, secret in self.keys:
            if known == version:
                return secret
        raise UnknownKeyVersion(
            f"密文使用密钥版本 {version}，但 DANGJIAN_FIELD_KEYS 中没有该版本；"
            "轮换完成前请保留旧密钥"
        )


@lru_cache(maxsize=8)
def parse_keyring(spec: str) -> Keyring:
    """``"v2:secret2,v1:secret1"`` → a keyring; refuses malformed, empty or repeated versions."""
    keys: list[tuple[str, str]] = []
    for item in re.split(r"[,\n]", spec):
        if not item.strip():
            continue
        version, sep, secret = item.strip().partition(":")
        if not sep or not _VERSION.fullmatch(version) or not secret:
            raise ImproperlyConfigured(
                "DANGJIAN_FIELD_KEYS 格式应为“v2:新密钥,v1:旧密钥”"
                "（版本号为 v 加数字，密钥不能为空）"
            )
        if version in dict(keys):
            raise ImproperlyConfigured(f"DANGJIAN_FIELD_KEYS 中密钥版本 {version} 重复")
        keys.append((version, secret))
    if not keys:
        raise ImproperlyConfigured("DANGJIAN_FIELD_KEYS 中没有任何密钥")
    return Keyring(tuple(keys))


def keyring() -> Keyring:
    from django.conf import settings

    spec = getattr(settings, "DANGJIAN_FIELD_KEYS", "") or ""
    if spec.strip():
        return parse_keyring(spec)
    return Keyring(((LEGACY_VERSION, str(settings.DANGJIAN_FIELD_KEY)),))


def version_prefix(version: str) -> str:
    """What every value encrypted under ``version`` starts with (for queries by version)."""
    return f"{_FORMAT}:{version}:"


def key_version(stored: str) -> str:
    """The key version a stored value was written under (``v1`` for unversioned values)."""
    parts = stored.split(":")
    if parts[0] != _FORMAT or len(parts) not in (2, 3):
        raise ValueError("unknown field cipher format")
    return parts[1] if len(parts) == 3 else LEGACY_VERSION


def encrypt_field(plaintext: str, *, version: str | None = None) -> str:
    """SM4-CBC with a random IV under the current key; ``sm4cbc1:<version>:<base64 iv+ct>``."""
    ring = keyring()
    version = version or ring.current
    key = _derive(ring.secret(version), "encrypt")[:16]
    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    data = padder.update(plaintext.encode()) + padder.finalize()
    encryptor = Cipher(algorithms.SM4(key), modes.CBC(iv)).encryptor()
    blob = iv + encryptor.update(data) + encryptor.finalize()
    return f"{version_prefix(version)}{base64.b64encode(blob).decode()}"


def decrypt_field(stored: str) -> str:
    version = key_version(stored)
    blob = base64.b64decode(stored.rsplit(":", 1)[1])
    key = _derive(keyring().secret(version), "encrypt")[:16]
    decryptor = Cipher(algorithms.SM4(key), modes.CBC(blob[:16])).decryptor()
    data = decryptor.update(blob[16:]) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(data) + unpadder.finalize()).decode()


def lookup_hash(value: str, *, version: str | None = None) -> str:
    """Keyed HMAC-SM3 of a normalised value under one key (the current one by default)."""
    ring = keyring()
    return hmac_sm3_hex(_derive(ring.secret(version or ring.current), "lookup"), value.encode())


def lookup_hashes(value: str) -> list[str]:
    """The value's look-up hash under every key of the keyring, current first."""
    return [lookup_hash(value, version=version) for version in keyring().versions]
