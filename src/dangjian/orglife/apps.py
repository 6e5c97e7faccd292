from django.apps import AppConfig


class OrglifeConfig(AppConfig):
    name = "dangjian.orglife"
    verbose_name = "组织生活"

    def ready(self) -> None:
        from . import evidence  # noqa: F401  (registers the duty proofs from meeting records)
        from .services import permissions  # noqa: F401  (registers the action table)
