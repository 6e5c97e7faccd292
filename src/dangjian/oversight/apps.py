from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "dangjian.oversight"
    verbose_name = "监督整改"

    def ready(self) -> None:
        from dangjian.core import proposals
        from dangjian.core.crossings import provide

        from .publicity import accountability_facts, rectification_facts
        from .services import permissions  # noqa: F401  (registers the action table)
        from .services.accountability import propose_from_source
        from .services.reviews import review_findings_create, review_terms

        # orglife's 民主生活会 整改清单 becomes findings here (core.crossings).
        provide("oversight.review_findings", review_findings_create)
        provide("oversight.review_terms", review_terms)
        # 问责建议 from the sibling apps (duties, tasks) land in this register.
        proposals.connect(propose_from_source)
        # openness drafts 巡察整改 progress and public 问责 decisions from here (core.crossings).
        provide("oversight.rectification_facts", rectification_facts)
        provide("oversight.accountability_facts", accountability_facts)
