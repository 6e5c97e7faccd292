from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "dangjian.access"
    verbose_name = "权限"

    def ready(self) -> None:
        from .api import schema  # noqa: F401  (registers the bearer token with the schema)
