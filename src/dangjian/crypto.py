"""国密 primitives: SM3 hashing, SM4 field encryption and HMAC-SM3 look-up keys.

The audit chain hashes with ``gmssl`` (pure Python, the reference the issue names). Personal-data
fields use the same algorithms through ``cryptography`` (OpenSSL) because gmssl costs about
1.7 ms per person, which makes a province-scale load take half an hour; the tests check that
both libraries agree byte for byte.
"""

import base64
import os
from functools import lru_cache

from cryptography.hazmat.primitives import hashes, hmac, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from gmssl import func, sm3

_FORMAT = "sm4cbc1"  # stored prefix, so that a later key or mode rotation can tell versions apart


def sm3_hex(data: bytes) -> str:
    """SM3 digest (GB/T 32905-2016) as 64 hex characters, computed by gmssl."""
    return str(sm3.sm3_hash(func.bytes_to_list(data)))


@lru_cache(maxsize=8)
def _derive(secret: str, purpose: str) -> bytes:
    # Separate keys for encryption and look-up, so a leaked look-up key decrypts nothing.
    digest = hashes.Hash(hashes.SM3())
    digest.update(f"{purpose}:{secret}".encode())
    return digest.finalize()


def _secret() -> str:
    from django.conf import settings

    return str(settings.DANGJIAN_FIELD_KEY)


def encrypt_field(plaintext: str) -> str:
    """SM4-CBC with a random IV; returns ``sm4cbc1:<base64 iv+ciphertext>``."""
    key = _derive(_secret(), "encrypt")[:16]
    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    data = padder.update(plaintext.encode()) + padder.finalize()
    encryptor = Cipher(algorithms.SM4(key), modes.CBC(iv)).encryptor()
    blob = iv + encryptor.update(data) + encryptor.finalize()
    return f"{_FORMAT}:{base64.b64encode(blob).decode()}"


def decrypt_field(stored: str) -> str:
    prefix, _, payload = stored.partition(":")
    if prefix != _FORMAT:
        raise ValueError("unknown field cipher format")
    blob = base64.b64decode(payload)
    key = _derive(_secret(), "encrypt")[:16]
    decryptor = Cipher(algorithms.SM4(key), modes.CBC(blob[:16])).decryptor()
    data = decryptor.update(blob[16:]) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(data) + unpadder.finalize()).decode()


def lookup_hash(value: str) -> str:
    """Keyed HMAC-SM3 of a normalised value: equality look-up without storing the value."""
    mac = hmac.HMAC(_derive(_secret(), "lookup"), hashes.SM3())
    mac.update(value.encode())
    return mac.finalize().hex()


