"""TOTP second factor (等保 身份鉴别 d: password plus a cryptographic technique).

Required always for the 三员 (ADMIN_ROLES) and for every account when
``DANGJIAN_REQUIRE_2FA`` is on (production). Devices are django-otp's ``TOTPDevice``
(RFC 6238, HMAC-SHA1, 6 digits, 30 s), which stores its key as hex.
"""

from base64 import b32decode, b32encode
from binascii import unhexlify
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from dangjian.audit.services import record

from .models import User
from .roles import ADMIN_ROLES

# Published in README and docs/security.md: every demo administrator shares it. Refused
# wherever demo data is not allowed (production).
DEMO_TOTP_SECRET = "DANGJIANDEMOTOTP"  # noqa: S105  (base32; public by design)
DEMO_TOTP_KEY = b32decode(DEMO_TOTP_SECRET).hex()  # as TOTPDevice stores it
DEVICE_NAME = "动态口令"


def second_factor_required(user: Any) -> bool:
    if settings.DANGJIAN_REQUIRE_2FA:
        return True
    return bool(user.grants.filter(role__in=ADMIN_ROLES).exists())


def usable_device(user: Any) -> TOTPDevice | None:
    """The user's confirmed TOTP device, unless it is the demo one where demos are refused."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
    if device is not None and device.key == DEMO_TOTP_KEY and not settings.DANGJIAN_ALLOW_DEMO:
        return None
    return device


def base32_secret(device: TOTPDevice) -> str:
    """The key as authenticator apps take it."""
    return b32encode(unhexlify(device.key)).decode().rstrip("=")


def current_code(device: TOTPDevice) -> str:
    """The code an authenticator shows now (for the demo's helper command and tests)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def enrol(*, actor: Any, user: User) -> TOTPDevice:
    """A new random TOTP key for ``user``, replacing any earlier device; audited."""
    with transaction.atomic():
        replaced = TOTPDevice.objects.filter(user=user).delete()[0]
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)
        record(actor=actor, action="otp.enrol", target=user,
               after={"device": device.pk, "replaced": replaced})
    return device


def ensure_demo_devices() -> int:
    """Give each demo administrator the shared demo key; returns how many were created."""
    if not settings.DANGJIAN_ALLOW_DEMO:
        raise ImproperlyConfigured("生产环境不允许使用演示动态口令")
    admins = User.objects.filter(is_demo=True, grants__role__in=ADMIN_ROLES).distinct()
    created = 0
    for user in admins:
        _, made = TOTPDevice.objects.get_or_create(
            user=user, name=DEVICE_NAME,
            defaults={"key": DEMO_TOTP_KEY, "confirmed": True},
        )
        created += made
    return created
