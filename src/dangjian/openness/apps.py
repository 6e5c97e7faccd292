from django.apps import AppConfig


class OpennessConfig(AppConfig):
    name = "dangjian.openness"
    verbose_name = "党务政务公开"

    def ready(self) -> None:
        from .services import permissions  # noqa: F401  (registers the action table)
