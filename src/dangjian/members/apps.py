from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "dangjian.members"
    verbose_name = "党员发展与教育"

    def ready(self) -> None:
        from .services import permissions  # noqa: F401  (registers the action table)
