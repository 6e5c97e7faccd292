"""Settings for the drills' subprocesses: the embedded default, plus this issue's command apps
until the lead registers them in ``INSTALLED_APPS`` (then this adds nothing)."""

from dangjian.settings.dev import *  # noqa: F403
from dangjian.settings.dev import INSTALLED_APPS

OPS_APPS = ["dangjian.keys", "dangjian.ops"]
INSTALLED_APPS = [*INSTALLED_APPS, *(app for app in OPS_APPS if app not in INSTALLED_APPS)]
