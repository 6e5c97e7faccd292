from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "dangjian.oversight"
    verbose_name = "监督整改"

    def ready(self) -> None:
        from dangjian.core import proposals

        from .services import permissions  # noqa: F401  (registers the action table)
        from .services.accountability import propose_from_source

        # 问责建议 from the sibling apps (duties, tasks) land in this register.
        proposals.connect(propose_from_source)
