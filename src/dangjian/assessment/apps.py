from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "dangjian.assessment"
    verbose_name = "党建考核"

    def ready(self) -> None:
        from dangjian.core.contributions import contribute
        from dangjian.duties.documents import REPORT_EVENT

        from . import feeds
        from .services import permissions  # noqa: F401  (registers the action table)

        # The 述责述廉 feed: the duties report cites the released result (duties cannot import us).
        contribute(REPORT_EVENT, feeds.report_lines)
