from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "dangjian.assessment"
    verbose_name = "党建考核"

    def ready(self) -> None:
        from .services import permissions  # noqa: F401  (registers the action table)
