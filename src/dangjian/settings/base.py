"""Settings shared by every deployment; the environment decides the rest.

Deployment-specific modules (dev, test, production) import this and override little.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from .schema import ChoiceNames

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# Where the embedded default keeps its database and files: var/ beside the working directory.
VAR_DIR = Path(os.environ.get("DANGJIAN_VAR_DIR", Path.cwd() / "var"))


def env_secret(name: str, default: str | None = None) -> str | None:
    """A secret from ``NAME`` or from the file named by ``NAME_FILE`` (Docker/K8s style)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = env_secret("DANGJIAN_SECRET_KEY") or "insecure-development-key-change-me"
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("DANGJIAN_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "django_tables2",
    "drf_spectacular",
    "treebeard",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    # the framework every app builds on (templates, static files, template tags)
    "dangjian.core",
    # bottom layer
    "dangjian.orgs",
    "dangjian.audit",
    "dangjian.calendar",
    "dangjian.documents",
    "dangjian.notifications",
    # people, then access
    "dangjian.people",
    "dangjian.access",
    # domain apps
    "dangjian.duties",
    "dangjian.tasks",
    "dangjian.oversight",
    "dangjian.orglife",
    "dangjian.members",
    "dangjian.openness",
    "dangjian.villages",
    # above the domain apps: the assessment reads them, the cockpit reads all
    "dangjian.assessment",
    "dangjian.dashboard",
    # pages and tools on top
    "dangjian.web",
    "dangjian.demo",
    "dangjian.keys",
    "dangjian.ops",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "dangjian.web.middleware.NoStoreMiddleware",  # below whitenoise: static files stay cached
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "dangjian.web.middleware.PasswordChangeRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "dangjian.audit.middleware.RequestContextMiddleware",
]

ROOT_URLCONF = "dangjian.urls"
WSGI_APPLICATION = "dangjian.wsgi.application"
AUTH_USER_MODEL = "access.User"
AUTHENTICATION_BACKENDS = ["dangjian.access.backends.DangjianBackend"]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dangjian.web.navigation.layout",
                "dangjian.notifications.context.unread",
            ]
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_secret("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'dangjian.sqlite3'}",
        conn_max_age=60,
        # A connection kept across requests is checked first, so that after a database
        # restart the next request reconnects instead of failing (fault drill, bench/drills.py).
        conn_health_checks=True,
    )
}
# SQLite: a write transaction takes the database's write lock when it begins (BEGIN
# IMMEDIATE), and a second writer waits for it up to ``timeout`` seconds. With the default
# (deferred) mode two transactions that both read and then write deadlock, and one fails at
# once with "database is locked"; waiting, it reads what the first wrote (a stale version is
# then a 409, a notice number the next one).
SQLITE_OPTIONS = {"transaction_mode": "IMMEDIATE", "timeout": 20}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = VAR_DIR / "media"

SESSION_COOKIE_AGE = env_int("DANGJIAN_SESSION_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True  # idle timeout rather than absolute (等保 身份鉴别 b)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True  # shared office computers: closing the browser logs out

# Identification and authentication (等保 2.0 身份鉴别 a, b, d; docs/security.md).
# Argon2 first: new and upgraded hashes are Argon2; the others only verify older hashes.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
DANGJIAN_PASSWORD_MIN_LENGTH = env_int("DANGJIAN_PASSWORD_MIN_LENGTH", 8)
DANGJIAN_PASSWORD_HISTORY = env_int("DANGJIAN_PASSWORD_HISTORY", 5)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "dangjian.access.passwords.ComplexityValidator",
     "OPTIONS": {"min_length": DANGJIAN_PASSWORD_MIN_LENGTH, "min_classes": 3}},
    {"NAME": "dangjian.access.passwords.NotUsernameValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "dangjian.access.passwords.HistoryValidator",
     "OPTIONS": {"count": DANGJIAN_PASSWORD_HISTORY}},
]
# Passwords older than this many days must be changed at the next login (0: never).
DANGJIAN_PASSWORD_MAX_AGE_DAYS = env_int("DANGJIAN_PASSWORD_MAX_AGE_DAYS", 90)
# Lockout: this many failures (password or one-time code) within the window lock the account.
DANGJIAN_LOGIN_FAILURE_LIMIT = env_int("DANGJIAN_LOGIN_FAILURE_LIMIT", 5)
DANGJIAN_LOGIN_FAILURE_WINDOW = timedelta(
    minutes=env_int("DANGJIAN_LOGIN_FAILURE_WINDOW_MINUTES", 15))
DANGJIAN_LOGIN_LOCK = timedelta(minutes=env_int("DANGJIAN_LOGIN_LOCK_MINUTES", 30))
# One source address failing this often (any user names) within the window is locked as a whole.
DANGJIAN_LOGIN_ADDRESS_FAILURE_LIMIT = env_int("DANGJIAN_LOGIN_ADDRESS_FAILURE_LIMIT", 20)
# Peers whose X-Real-IP / X-Forwarded-For are believed (comma-separated IPs or CIDRs).
DANGJIAN_TRUSTED_PROXIES = [
    p.strip() for p in os.environ.get("DANGJIAN_TRUSTED_PROXIES", "").split(",") if p.strip()]
# Accounts without a login for this many days are disabled by the daily job (访问控制 c).
DANGJIAN_ACCOUNT_IDLE_DAYS = env_int("DANGJIAN_ACCOUNT_IDLE_DAYS", 90)
# TOTP second factor: always for the 三员; for every account when this is on.
DANGJIAN_REQUIRE_2FA = env_flag("DANGJIAN_REQUIRE_2FA")
OTP_TOTP_ISSUER = "党建平台"
# Our lockout already counts wrong codes with wrong passwords; django-otp's own per-device
# back-off would only add a second, unexplained refusal.
OTP_TOTP_THROTTLE_FACTOR = 0

# Headers (等保 入侵防范; docs/security.md). Templates carry no inline script or style.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],  # Pico draws its form icons as data: SVG
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "dangjian.access.tokens.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # Bounded JSON (depth, numbers) and Chinese parse errors (dangjian.core.parsers).
    "DEFAULT_PARSER_CLASSES": ["dangjian.core.parsers.JSONParser",
                               "dangjian.core.parsers.FormParser",
                               "dangjian.core.parsers.MultiPartParser"],
    "DEFAULT_PAGINATION_CLASS": "dangjian.core.api.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "dangjian.core.api.exception_handler",
}
# The pages' filter menus say 全部, never django-filter's "---------".
FILTERS_EMPTY_CHOICE_LABEL = "全部"
FILTERS_NULL_CHOICE_LABEL = "未填写"
SPECTACULAR_SETTINGS = {
    "TITLE": "党建平台 API",
    "DESCRIPTION": "全面从严治党主体责任平台接口",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Enums named after their Choices class, so that no two apps' "kind" fields collide.
    "ENUM_NAME_OVERRIDES": ChoiceNames(),
    "PREPROCESSING_HOOKS": ["dangjian.settings.schema.drop_slash_aliases"],
    # The refusals (400/401/403/404/409) each operation can give, beside its success.
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "dangjian.settings.schema.document_error_responses"],
}

# Bearer tokens of the API (POST /api/v1/auth/token/) live this long unless revoked.
DANGJIAN_TOKEN_LIFETIME = timedelta(hours=float(os.environ.get("DANGJIAN_TOKEN_HOURS", 8)))

# Field encryption (SM4) and look-up hashes (HMAC-SM3) of personal data. Production must set it.
DANGJIAN_FIELD_KEY = env_secret("DANGJIAN_FIELD_KEY") or "dev-field-key-not-for-production"
# The keyring for rotation, "v2:new,v1:old" (dangjian.core.crypto); when set it replaces the above.
DANGJIAN_FIELD_KEYS = env_secret("DANGJIAN_FIELD_KEYS") or ""

# Signs the daily audit archive (audit.segments); the deployment check warns while unset.
DANGJIAN_AUDIT_ARCHIVE_KEY = env_secret("DANGJIAN_AUDIT_ARCHIVE_KEY") or ""

DANGJIAN_DEMO_PASSWORD = os.environ.get("DANGJIAN_DEMO_PASSWORD", "Demo@2026!")
# The production settings refuse demo accounts; see demo.services.
DANGJIAN_ALLOW_DEMO = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Audit log retention in calendar months; fewer than 6 is refused (网络安全法 第二十一条（三）).
DANGJIAN_AUDIT_RETENTION_MONTHS = env_int("DANGJIAN_AUDIT_RETENTION_MONTHS", 6)
# Where `dangjian audit archive` writes the signed segments (copy them off-site).
DANGJIAN_AUDIT_ARCHIVE_DIR = os.environ.get("DANGJIAN_AUDIT_ARCHIVE_DIR") or str(
    VAR_DIR / "audit-archive")
