"""The oversight registers' list and detail pages, declared on the core page kernel."""

from typing import Any

from django.db.models import QuerySet

from dangjian.core.detail import RecordDetailView, Section
from dangjian.core.history import related
from dangjian.core.lists import RegisterListView

from . import selectors
from .filtersets import FindingFilterSet, MeasureFilterSet, NoticeFilterSet, RiskPointFilterSet
from .models import Finding, Measure, Notice, RiskPoint
from .tables import FindingTable, MeasureTable, NoticeTable, RiskPointTable


class FindingList(RegisterListView):
    model = Finding
    filterset_class = FindingFilterSet
    table_class = FindingTable
    title = "问题台账"
    export_name = "问题台账"

    def rows(self) -> QuerySet[Finding]:
        return selectors.findings_for(self.request.user).order_by("-discovered_on", "-id")


class NoticeList(RegisterListView):
    model = Notice
    filterset_class = NoticeFilterSet
    table_class = NoticeTable
    title = "监督工作提示单"
    export_name = "监督工作提示单"

    def rows(self) -> QuerySet[Notice]:
        return selectors.notices_for(self.request.user).select_related(
            "organization", "recipient").order_by("-id")


class MeasureList(RegisterListView):
    model = Measure
    filterset_class = MeasureFilterSet
    table_class = MeasureTable
    title = "整改措施"
    export_name = "整改措施"

    def rows(self) -> QuerySet[Measure]:
        return selectors.measures_for(self.request.user).order_by("due_on", "id")


class RiskPointList(RegisterListView):
    model = RiskPoint
    filterset_class = RiskPointFilterSet
    table_class = RiskPointTable
    title = "廉政风险点"
    export_name = "廉政风险点"
    status_field = "level"

    def rows(self) -> QuerySet[RiskPoint]:
        return selectors.risk_points_for(self.request.user).select_related(
            "organization", "area", "owner").order_by("organization__path", "id")


class FindingDetail(RecordDetailView):
    model = Finding
    fields = ("organization", "source", "category", "severity", "description", "discovered_on",
              "regulation", "responsible_leader", "status", "repeat_of", "risk_point",
              "closed_on", "recheck_on", "raised_by", "created_at")
    list_url = "oversight:finding_list"

    def sections(self) -> list[Section]:
        finding: Finding = self.object
        measures = finding.measures.select_related("finding__organization", "owner")
        notices = finding.notices.select_related("organization", "recipient")
        return [Section("整改措施", MeasureTable(measures, orderable=False)),
                Section("监督工作提示单", NoticeTable(notices, orderable=False))]

    def history_records(self) -> list[Any]:
        return related(self.object, "measures")


class NoticeDetail(RecordDetailView):
    model = Notice
    fields = ("title", "organization", "recipient", "reply_due", "status", "issued_on",
              "acknowledged_at", "reply_text", "replied_at", "closed_at", "created_by",
              "created_at")
    list_url = "oversight:notice_list"

    def sections(self) -> list[Section]:
        findings = selectors.findings_for(self.request.user).filter(notices=self.object)
        return [Section("问题", FindingTable(findings, orderable=False))]


class MeasureDetail(RecordDetailView):
    model = Measure
    fields = ("finding", "description", "owner", "due_on", "criterion", "status", "closed_on",
              "created_at")
    list_url = "oversight:measure_list"

    def history_records(self) -> list[Any]:
        return [self.object]


class RiskPointDetail(RecordDetailView):
    model = RiskPoint
    fields = ("organization", "post", "area", "risk", "level", "controls", "owner", "review_on")
    list_url = "oversight:riskpoint_list"

    def sections(self) -> list[Section]:
        findings = selectors.findings_for(self.request.user).filter(risk_point=self.object)
        return [Section("对应问题", FindingTable(findings, orderable=False))]
