"""Production: PostgreSQL from DATABASE_URL, secrets from the environment, HTTPS only."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DANGJIAN_FIELD_KEY, DATABASES, SECRET_KEY

if SECRET_KEY.startswith("insecure-") or DANGJIAN_FIELD_KEY.startswith("dev-"):
    raise ImproperlyConfigured("生产环境必须设置 DANGJIAN_SECRET_KEY 和 DANGJIAN_FIELD_KEY")
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("生产环境必须通过 DATABASE_URL 使用 PostgreSQL")

DANGJIAN_ALLOW_DEMO = False
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
