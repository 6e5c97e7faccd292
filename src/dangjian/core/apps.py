from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The framework package as an app, so its templates, static files and template tags load."""

    name = "dangjian.core"
    label = "core"
    verbose_name = "框架"
