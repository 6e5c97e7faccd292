"""The oversight registers' list and detail pages, declared on the core page kernel."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.urls import reverse

from dangjian.access.actor import actor_of
from dangjian.access.scoping import restrict
from dangjian.core.detail import Action, RecordDetailView, Section
from dangjian.core.history import related
from dangjian.core.lists import RegisterListView
from dangjian.core.permissions import can

from . import selectors
from .filtersets import (
    AccountabilityFilterSet,
    CampaignFilterSet,
    FindingFilterSet,
    InspectionFilterSet,
    MeasureFilterSet,
    NoticeFilterSet,
    RiskPointFilterSet,
    SelfCheckFilterSet,
)
from .models import (
    Accountability,
    Campaign,
    Finding,
    Inspection,
    Measure,
    MeasureStatus,
    Notice,
    NoticeStatus,
    Recheck,
    RiskPoint,
    SelfCheck,
)
from .models.findings import FindingStatus
from .services import accountability as accountability_services
from .services import campaigns as campaign_services
from .services import findings as finding_services
from .services import measures as measure_services
from .services import notices as notice_services
from .services import rechecks as recheck_services
from .services.inspections import organiser_refusal
from .tables import (
    AccountabilityTable,
    CampaignProgressTable,
    CampaignTable,
    EscalationTable,
    EvidenceTable,
    FindingTable,
    InspectionFileTable,
    InspectionItemTable,
    InspectionTable,
    LinkedPlanTable,
    MeasureTable,
    NoticeActionTable,
    NoticeTable,
    ProgressTable,
    RecheckTable,
    RiskPointTable,
    SelfCheckTable,
    VerificationTable,
)


def _url(name: str, *args: Any) -> str:
    return reverse(f"oversight:{name}", args=args)


def _raising_side(user: Any, finding: Finding) -> bool:
    try:
        finding_services.require_raising_side(user, finding)
    except PermissionDenied:
        return False
    return True


def _may_move(transitions: dict[str, set[str]], current: str, new: str) -> bool:
    return new in transitions.get(current, set())


class FindingList(RegisterListView):
    model = Finding
    filterset_class = FindingFilterSet
    table_class = FindingTable
    title = "问题台账"
    export_name = "问题台账"
    new_url = "oversight:finding-new"
    new_label = "登记问题"

    def rows(self) -> QuerySet[Finding]:
        return selectors.findings_for(self.request.user).order_by("-discovered_on", "-id")


class NoticeList(RegisterListView):
    model = Notice
    filterset_class = NoticeFilterSet
    table_class = NoticeTable
    title = "监督工作提示单"
    export_name = "监督工作提示单"
    new_url = "oversight:notice-new"
    new_label = "起草提示单"

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
    new_url = "oversight:riskpoint-new"
    new_label = "登记廉政风险点"

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
        # Each section shows only what the viewer may open: peer units' self-checks and
        # notices to leaders are outside a unit clerk's scope.
        finding, user = self.object, self.request.user
        measures = restrict(finding.measures.select_related("finding__organization", "owner"),
                            user)
        notices = restrict(finding.notices.select_related("organization", "recipient"), user)
        checks = restrict(finding.self_checks.select_related("origin__organization",
                                                             "organization"), user)
        rechecks = Recheck.objects.filter(finding=finding).select_related("checked_by")
        return [Section("整改措施", MeasureTable(measures, orderable=False)),
                Section("监督工作提示单", NoticeTable(notices, orderable=False)),
                Section("举一反三自查", SelfCheckTable(checks, orderable=False)),
                Section("回头看", RecheckTable(rechecks, orderable=False))]

    def actions(self) -> list[Action]:
        finding: Finding = self.object
        user, found = self.request.user, []
        if finding.status == FindingStatus.CLOSED:
            if can(user, "oversight.inspect") and recheck_services.may_recheck(finding):
                found.append(Action("回头看", _url("finding-recheck", finding.pk)))
            return found
        if finding.status == FindingStatus.WITHDRAWN:
            return []
        if can(user, "oversight.rectify", finding.organization):
            found.append(Action("添加整改措施", _url("measure-new", finding.pk)))
        if can(user, "oversight.inspect"):
            found += [Action("起草提示单", _url("notice-new") + f"?findings={finding.pk}",
                             style="secondary"),
                      Action("举一反三", _url("selfcheck-send", finding.pk), style="secondary")]
        if _raising_side(user, finding):
            found.append(Action("更正", _url("finding-correct", finding.pk),
                                style="secondary outline"))
            if not finding.measures.exists() and not finding.notices.exclude(
                    status=NoticeStatus.DRAFT).exists():
                found.append(Action("撤销", _url("finding-withdraw", finding.pk),
                                    style="secondary outline"))
        return found

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
        actions = self.object.actions.select_related("person")
        return [Section("问题", FindingTable(findings, orderable=False)),
                Section("回复措施（一岗双责）", NoticeActionTable(actions))]

    def actions(self) -> list[Action]:
        notice: Notice = self.object
        user, status, found = self.request.user, self.object.status, []
        moves = notice_services.TRANSITIONS.get(status, set())
        inspector = can(user, "oversight.inspect")
        person = getattr(user, "person_id", None)
        recipient = person is not None and person == notice.recipient_id
        S = notice_services.S
        if inspector and S.ISSUED in moves:
            found.append(Action("签发", _url("notice-act", notice.pk, "issue"), "post",
                                confirm="签发后将编号并通知接收领导，确定签发吗？"))
        if recipient and S.ACKNOWLEDGED in moves:
            found.append(Action("签收", _url("notice-act", notice.pk, "acknowledge"), "post"))
        if recipient and S.REPLIED in moves:
            found.append(Action("回复", _url("notice-act", notice.pk, "reply")))
        if inspector and S.CLOSED in moves:
            found.append(Action("办结", _url("notice-act", notice.pk, "close"), "post"))
        if notice.number:
            found.append(Action("下载公文（Word）", f"/api/v1/notices/{notice.pk}/document.docx",
                                style="secondary outline"))
        return found


class MeasureDetail(RecordDetailView):
    model = Measure
    fields = ("finding", "description", "owner", "due_on", "criterion", "status", "closed_on",
              "created_at")
    list_url = "oversight:measure_list"
    template_name = "oversight/measure_detail.html"

    def sections(self) -> list[Section]:
        measure: Measure = self.object
        return [
            Section("进展", ProgressTable(
                measure.progress.select_related("author", "correction")
                .order_by("-created_at", "-id"),
                exclude=() if self._may_rectify() else ("correct",))),
            Section("佐证材料", EvidenceTable(measure.evidence.select_related("uploaded_by")
                                              .order_by("id"))),
            Section("核查记录", VerificationTable(measure.verifications.select_related("inspector")
                                                  .order_by("id"))),
            Section("督办升级", EscalationTable(measure.escalations.order_by("taken_on", "id"))),
        ]

    def _may_rectify(self) -> bool:
        return can(self.request.user, "oversight.rectify", self.object.finding.organization)

    def actions(self) -> list[Action]:
        measure: Measure = self.object
        user, status, found = actor_of(self.request), measure.status, []
        moves = measure_services.TRANSITIONS.get(status, set())
        if can(user, "oversight.rectify", measure.finding.organization):
            if status in (MeasureStatus.PENDING, MeasureStatus.IN_PROGRESS):
                found.append(Action("报送进展", _url("measure-progress", measure.pk)))
                found.append(Action("上传佐证", _url("measure-evidence", measure.pk),
                                    style="secondary"))
            if status != MeasureStatus.CLOSED:
                found.append(Action("修改", _url("measure-edit", measure.pk),
                                    style="secondary outline"))
            if MeasureStatus.SUBMITTED in moves:
                found.append(Action("提交核查", _url("measure-submit", measure.pk),
                                    style="secondary"))
        if MeasureStatus.CLOSED in moves and measure_services.may_verify(user, measure):
            found.append(Action("核查", _url("measure-verify", measure.pk)))
        return found

    def history_records(self) -> list[Any]:
        return [self.object]


class RiskPointDetail(RecordDetailView):
    model = RiskPoint
    fields = ("organization", "post", "area", "risk", "level", "controls", "owner", "review_on")
    list_url = "oversight:riskpoint_list"

    def sections(self) -> list[Section]:
        findings = selectors.findings_for(self.request.user).filter(risk_point=self.object)
        return [Section("对应问题", FindingTable(findings, orderable=False))]

    def actions(self) -> list[Action]:
        point: RiskPoint = self.object
        if can(self.request.user, "oversight.rectify", point.organization):
            return [Action("修改", _url("riskpoint-edit", point.pk))]
        return []


class SelfCheckList(RegisterListView):
    model = SelfCheck
    filterset_class = SelfCheckFilterSet
    table_class = SelfCheckTable
    title = "举一反三自查"
    export_name = "举一反三自查"
    status_field = "answer"

    def rows(self) -> QuerySet[SelfCheck]:
        return selectors.self_checks_for(self.request.user).select_related(
            "origin__organization").order_by("answer", "due_on", "id")


class SelfCheckDetail(RecordDetailView):
    model = SelfCheck
    fields = ("origin", "organization", "due_on", "answer", "answer_text", "answered_at")
    list_url = "oversight:selfcheck_list"

    def actions(self) -> list[Action]:
        check: SelfCheck = self.object
        if not check.answer and can(self.request.user, "oversight.rectify", check.organization):
            return [Action("反馈", _url("selfcheck-answer", check.pk))]
        return []


class AccountabilityList(RegisterListView):
    model = Accountability
    filterset_class = AccountabilityFilterSet
    table_class = AccountabilityTable
    title = "问责"
    export_name = "问责台账"
    new_url = "oversight:accountability-new"
    new_label = "提出问责建议"

    def rows(self) -> QuerySet[Accountability]:
        return selectors.accountability_for(self.request.user).order_by("-created_at", "-id")


class AccountabilityDetail(RecordDetailView):
    model = Accountability
    fields = ("organization", "person", "reason", "findings", "status", "form", "four_forms",
              "deciding_body", "decided_on", "complete_by", "completed_on", "created_at")
    list_url = "oversight:accountability_list"

    def sections(self) -> list[Section]:
        findings = selectors.findings_for(self.request.user).filter(
            accountability=self.object)
        return [Section("关联问题", FindingTable(findings, orderable=False))]

    def actions(self) -> list[Action]:
        case: Accountability = self.object
        if not can(self.request.user, "oversight.inspect"):
            return []
        S = Accountability.Status
        moves = accountability_services.TRANSITIONS.get(case.status, set())
        found = []
        if S.DECIDED in moves:
            found.append(Action("作出决定", _url("accountability-decide", case.pk)))
        if S.COMPLETED in moves:
            found.append(Action("登记落实", _url("accountability-complete", case.pk)))
        if case.status != S.PROPOSED:
            found.append(Action("更正", _url("accountability-correct", case.pk),
                                style="secondary"))
        return found

    def history_records(self) -> list[Any]:
        return related(self.object, "corrections")


class InspectionList(RegisterListView):
    model = Inspection
    filterset_class = InspectionFilterSet
    table_class = InspectionTable
    title = "督导检查"
    export_name = "督导检查"
    new_url = "oversight:inspection-new"
    new_label = "登记督导检查"
    status_field = None

    def rows(self) -> QuerySet[Inspection]:
        return selectors.inspections_for(self.request.user).prefetch_related("targets").annotate(
            finding_count=Count("findings")).order_by("-inspected_on", "-id")


class InspectionDetail(RecordDetailView):
    model = Inspection
    fields = ("organizer", "targets", "inspected_on", "report", "created_by", "created_at")
    list_url = "oversight:inspection_list"

    def sections(self) -> list[Section]:
        inspection: Inspection = self.object
        findings = selectors.findings_for(self.request.user).filter(inspection=inspection)
        files = inspection.files.select_related("uploaded_by")
        return [Section(f"检查清单（{inspection.topics_text}）",
                        InspectionItemTable(inspection.items.all())),
                Section("发现问题", FindingTable(findings, orderable=False)),
                Section("检查报告文件", InspectionFileTable(files))]

    def actions(self) -> list[Action]:
        inspection: Inspection = self.object
        report = Action("导出报告（Word）", _url("inspection-report", inspection.pk),
                        style="secondary")
        if organiser_refusal(self.request.user, inspection, ""):
            return [report]
        return [Action("登记发现问题", _url("inspection-finding", inspection.pk)),
                Action("上传检查报告", _url("inspection-attach", inspection.pk)), report]

    def history_records(self) -> list[Any]:
        return related(self.object, "findings")


class CampaignList(RegisterListView):
    model = Campaign
    filterset_class = CampaignFilterSet
    table_class = CampaignTable
    title = "专项整治"
    export_name = "专项整治"
    new_url = "oversight:campaign-new"
    new_label = "发起专项整治"
    status_field = None

    def rows(self) -> QuerySet[Campaign]:
        return selectors.campaigns_for(self.request.user).annotate(
            finding_count=Count("findings")).order_by("-starts_on", "-id")


class CampaignDetail(RecordDetailView):
    model = Campaign
    fields = ("name", "organization", "starts_on", "ends_on", "basis", "created_by",
              "created_at")
    list_url = "oversight:campaign_list"

    def sections(self) -> list[Section]:
        campaign: Campaign = self.object
        user = self.request.user
        progress = campaign_services.campaign_progress(campaign, user)
        findings = selectors.findings_for(user).filter(campaign=campaign)
        measures = restrict(Measure.objects.filter(finding__campaign=campaign), user
                            ).select_related("finding__organization", "owner")
        return [Section("整治进度", CampaignProgressTable([progress])),
                Section("问题", FindingTable(findings, orderable=False)),
                Section("整改措施", MeasureTable(measures, orderable=False)),
                Section("工作部署", LinkedPlanTable(
                    campaign_services.linked_plans(campaign, user)))]

    def actions(self) -> list[Action]:
        if not can(self.request.user, "oversight.inspect"):
            return []
        campaign: Campaign = self.object
        return [Action("列入问题", _url("campaign-findings", campaign.pk)),
                Action("关联工作部署", _url("campaign-plan", campaign.pk), style="secondary")]
