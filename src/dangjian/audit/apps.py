from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "dangjian.audit"
    verbose_name = "审计"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (login, logout and failed-login receivers)
