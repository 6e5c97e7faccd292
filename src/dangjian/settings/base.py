"""Settings shared by every deployment; the environment decides the rest.

Deployment-specific modules (dev, test, production) import this and override little.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# Where the embedded default keeps its database and files: var/ beside the working directory.
VAR_DIR = Path(os.environ.get("DANGJIAN_VAR_DIR", Path.cwd() / "var"))


def env_secret(name: str, default: str | None = None) -> str | None:
    """A secret from ``NAME`` or from the file named by ``NAME_FILE`` (Docker/K8s style)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


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
    "drf_spectacular",
    "treebeard",
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
    # pages and tools on top
    "dangjian.web",
    "dangjian.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
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
                "dangjian.web.navigation.nav_items",
            ]
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'dangjian.sqlite3'}",
        conn_max_age=60,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = VAR_DIR / "media"

SESSION_COOKIE_AGE = int(os.environ.get("DANGJIAN_SESSION_SECONDS", 30 * 60))
SESSION_SAVE_EVERY_REQUEST = True  # idle timeout rather than absolute (等保 身份鉴别 b)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "dangjian.access.tokens.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "dangjian.api.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "dangjian.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "党建平台 API",
    "DESCRIPTION": "全面从严治党主体责任平台接口",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Bearer tokens of the API (POST /api/v1/auth/token/) live this long unless revoked.
DANGJIAN_TOKEN_LIFETIME = timedelta(hours=float(os.environ.get("DANGJIAN_TOKEN_HOURS", 8)))

# Field encryption (SM4) and look-up hashes (HMAC-SM3) of personal data. Production must set it.
DANGJIAN_FIELD_KEY = env_secret("DANGJIAN_FIELD_KEY") or "dev-field-key-not-for-production"

DANGJIAN_DEMO_PASSWORD = os.environ.get("DANGJIAN_DEMO_PASSWORD", "Demo@2026!")
# The production settings refuse demo accounts; see demo.services.
DANGJIAN_ALLOW_DEMO = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
