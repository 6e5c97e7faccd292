from django.apps import AppConfig


class VillagesConfig(AppConfig):
    name = "dangjian.villages"
    verbose_name = "村集体经济"

    def ready(self) -> None:
        from .services import permissions  # noqa: F401  (registers the action table)
