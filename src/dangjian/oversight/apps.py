from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "dangjian.oversight"
    verbose_name = "监督整改"

    def ready(self) -> None:
        from .services import permissions  # noqa: F401  (registers the action table)
