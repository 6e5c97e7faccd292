from django.apps import AppConfig


class OrglifeConfig(AppConfig):
    name = "dangjian.orglife"
    verbose_name = "组织生活"

    def ready(self) -> None:
        from dangjian.core.crossings import provide

        from . import evidence  # noqa: F401  (registers the duty proofs from meeting records)
        from .publicity import disclosure_facts
        from .services import permissions  # noqa: F401  (registers the action table)

        # openness drafts a 组织生活会/民主评议 disclosure from meetings held (core.crossings).
        provide("orglife.disclosure_facts", disclosure_facts)
