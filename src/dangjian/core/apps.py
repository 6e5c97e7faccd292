from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The framework package as an app only for its templates, template tags and static files
    (the form components); it has no models of its own."""

    name = "dangjian.core"
    label = "dangjian_core"
    verbose_name = "框架"
