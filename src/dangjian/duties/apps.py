from django.apps import AppConfig


class DutiesConfig(AppConfig):
    name = "dangjian.duties"
    verbose_name = "主体责任"

    def ready(self) -> None:
        # The providers this app knows of; other apps register theirs from their own ready().
        from .evidence import oversight, tasks  # noqa: F401
        from .services import permissions  # noqa: F401  (registers the action table)
