"""RFC 6238 codes computed here, independently of django-otp, as an authenticator app does."""

import hashlib
import hmac
import struct
import time
from base64 import b32decode

from dangjian.access.otp import DEMO_TOTP_SECRET


def totp(secret: str = DEMO_TOTP_SECRET, *, steps_ago: int = 0) -> str:
    """The 6-digit code for ``secret`` (base32) now, or ``steps_ago`` 30-second steps ago."""
    key = b32decode(secret + "=" * (-len(secret) % 8))
    counter = int(time.time() // 30) - steps_ago
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"
