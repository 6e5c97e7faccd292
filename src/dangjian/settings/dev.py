"""The embedded default: SQLite under var/, debug pages, local host only."""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, VAR_DIR

DEBUG = True
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]
VAR_DIR.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True  # serve app static files without collectstatic
