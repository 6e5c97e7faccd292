from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "dangjian.audit"
    verbose_name = "审计"

    def ready(self) -> None:
        from . import checks, signals  # noqa: F401  (start-up checks; login and logout receivers)
