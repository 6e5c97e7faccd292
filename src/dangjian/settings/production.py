"""Production: PostgreSQL from DATABASE_URL, secrets from the environment, HTTPS only.

Secrets (DANGJIAN_SECRET_KEY, DANGJIAN_FIELD_KEY, DATABASE_URL) come from the environment or
from the file named by ``NAME_FILE``; nothing secret is written here. ``make check-deploy``
runs Django's deployment check on this module with throwaway values.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DANGJIAN_FIELD_KEY, DANGJIAN_FIELD_KEYS, DATABASES, SECRET_KEY

_FIELD_KEY_SET = bool(DANGJIAN_FIELD_KEYS.strip()) or not DANGJIAN_FIELD_KEY.startswith("dev-")
if SECRET_KEY.startswith("insecure-") or not _FIELD_KEY_SET:
    raise ImproperlyConfigured("生产环境必须设置 DANGJIAN_SECRET_KEY 和 DANGJIAN_FIELD_KEY"
                               "（或密钥环 DANGJIAN_FIELD_KEYS）")
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("生产环境必须通过 DATABASE_URL 使用 PostgreSQL")

DANGJIAN_ALLOW_DEMO = False  # demo accounts and the demo TOTP secret are refused
DANGJIAN_REQUIRE_2FA = True  # 等保 身份鉴别 d: password plus TOTP for every account

# 等保 身份鉴别 c: credentials only over TLS (nginx terminates it and sets X-Forwarded-Proto).
SECURE_SSL_REDIRECT = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer asks the backend over plain HTTP
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True  # only allows submitting the domain; listing it is a separate step
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True  # pages read the token from the form field, never from script
