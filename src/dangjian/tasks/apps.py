from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "dangjian.tasks"
    verbose_name = "督查督办"

    def ready(self) -> None:
        from .linked import connect
        from .services import permissions  # noqa: F401  (registers the action table)

        connect()  # oversight's 专项整治 read plans through dangjian.core.linked
