from django.apps import AppConfig


class VillagesConfig(AppConfig):
    name = "dangjian.villages"
    verbose_name = "村集体经济"

    def ready(self) -> None:
        from dangjian.core.crossings import provide

        from .publicity import finance_facts
        from .services import permissions  # noqa: F401  (registers the action table)

        # openness drafts a village's 财务公开 from its confirmed income (core.crossings).
        provide("villages.finance_facts", finance_facts)
