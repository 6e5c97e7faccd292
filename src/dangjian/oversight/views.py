"""Pages of the oversight loop: one desk whose sections follow the user's roles, and one
small POST view per action. Views only parse forms and call services."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from dangjian.access.actor import actor_of
from dangjian.access.roles import Role
from dangjian.access.scoping import reaches, restrict, roles_of
from dangjian.core.actions import action, parse_date, picked, scoped, version_of
from dangjian.core.files.checks import DOCX, XLSX, attachment
from dangjian.core.files.views import download_page
from dangjian.core.forms import Inputs
from dangjian.core.permissions import can
from dangjian.documents.spreadsheets import render_xlsx
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from . import selectors
from .documents import inspection_docx, inspection_docx_name
from .models import (
    Accountability,
    Campaign,
    Evidence,
    Finding,
    Inspection,
    InspectionFile,
    InspectionTopic,
    Measure,
    MeasureStatus,
    Notice,
    NoticeStatus,
    RiskPoint,
    SelfCheck,
    TermKind,
)
from .services import accountability as accountability_services
from .services import campaigns as campaign_services
from .services import findings as finding_services
from .services import inspections as inspection_services
from .services import measures as measure_services
from .services import notices as notice_services
from .services import rechecks as recheck_services
from .services import risks as risk_services
from .services import selfchecks as selfcheck_services
from .services.lights import LABELS, cutoffs


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The overview (监督整改): the county leaders' table of units by status and light, and
    links to the registers; every form lives on its own page."""
    user = request.user
    roles = roles_of(user)
    context: dict[str, Any] = {
        "is_inspector": can(user, "oversight.inspect"),
        "registers": selectors.register_counts(user),
    }
    if roles & {Role.COUNTY_LEADER, Role.VICE_HEAD}:
        context["overview"] = selectors.overview(user, cutoffs())
    return render(request, "oversight/home.html", context)


def _detail(name: str, pk: int) -> str:
    return reverse(f"oversight:{name}_detail", args=[pk])


# Each action's fields by their Chinese labels, as its page shows them (``action_pages``):
# a refusal is shown inside the form, no banner repeats it.
FINDING_FIELDS = {"organization": "问题单位", "source": "问题来源", "category": "问题类别",
                  "severity": "严重程度", "discovered_on": "发现日期", "description": "问题描述",
                  "regulation": "违反的规定"}
NOTICE_FIELDS = {"findings": "提示单包含的问题", "recipient": "接收领导", "reply_due": "回复期限"}
NOTICE_ACT_FIELDS = {"text": "书面回复", "actions": "回复措施"}
PROGRESS_FIELDS = {"text": "本期进展"}
EVIDENCE_FIELDS = {"file": "佐证材料", "proves_date": "佐证日期"}
VERIFY_FIELDS = {"decision": "核查结论", "comment": "核查意见"}
SELFCHECK_FIELDS = {"answer": "自查结果", "text": "自查情况及整改措施"}
SELFCHECKS_FIELDS = {"units": "自查单位", "due_on": "反馈期限"}
DECIDE_FIELDS = {"form": "问责方式", "four_forms": "四种形态", "deciding_body": "决定机关",
                 "decided_on": "决定日期"}
COMPLETE_FIELDS = {"completed_on": "手续完成日期"}
CORRECT_FIELDS = {"reason": "更正理由", **DECIDE_FIELDS, **COMPLETE_FIELDS}


@action("finding", back="oversight:finding-new", labels=FINDING_FIELDS)
def finding_new(request: HttpRequest) -> tuple[str, str]:
    post = request.POST
    inputs = Inputs(request, FINDING_FIELDS)
    organization = inputs.picked(Organization, "organization")
    discovered_on, description = inputs.date("discovered_on"), inputs.text("description")
    inputs.check()
    assert discovered_on is not None  # refused by check() otherwise
    finding = finding_services.finding_create(
        actor=actor_of(request), organization=organization,
        source=post.get("source", ""), category=post.get("category", ""),
        severity=post.get("severity", ""), description=description,
        discovered_on=discovered_on, regulation=post.get("regulation", ""),
    )
    repeat = "（屡查屡犯）" if finding.repeat_of_id else ""
    return f"已登记问题：{finding.organization}{repeat}", _detail("finding", finding.pk)


@action("notice", back="oversight:notice-new", labels=NOTICE_FIELDS)
def notice_new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, NOTICE_FIELDS)
    findings = [inputs.read("findings", picked, Finding, request, pk, "findings")
                for pk in request.POST.getlist("findings")]
    recipient, reply_due = inputs.picked(Person, "recipient"), inputs.date("reply_due")
    inputs.check()
    assert reply_due is not None  # refused by check() otherwise
    notice = notice_services.notice_create(
        actor=actor_of(request), recipient=recipient, findings=findings, reply_due=reply_due)
    return (f"已起草提示单（{len(findings)}个问题），请核对后签发",
            _detail("notice", notice.pk))


NOTICE_ACTIONS = {
    "issue": (notice_services.notice_issue, NoticeStatus.ISSUED.label),
    "acknowledge": (notice_services.notice_acknowledge, NoticeStatus.ACKNOWLEDGED.label),
    "close": (notice_services.notice_close, NoticeStatus.CLOSED.label),
}


@action("notice-{pk}", back="oversight:notice-act", back_kwargs=("pk", "verb"),
        labels=NOTICE_ACT_FIELDS)
def notice_act(request: HttpRequest, pk: int, verb: str) -> tuple[str, str]:
    notice = scoped(Notice, request, pk)
    if verb == "reply":
        notice = notice_services.notice_reply(actor=actor_of(request), notice=notice,
                                              text=request.POST.get("text", ""),
                                              actions=_reply_actions(request))
        return f"{notice.number} 已回复", _detail("notice", pk)
    if verb not in NOTICE_ACTIONS:
        raise Http404("没有这个操作")
    service, done = NOTICE_ACTIONS[verb]
    notice = service(actor=actor_of(request), notice=notice)
    return f"{notice.number} {done}", _detail("notice", pk)


def _reply_actions(request: HttpRequest) -> list[dict[str, Any]]:
    """The reply page's action rows that name a measure (措施); a row half filled is refused."""
    rows = []
    for n in range(1, 11):
        kind = request.POST.get(f"action{n}_kind", "")
        if not kind:
            continue
        taken_on = parse_date(request.POST.get(f"action{n}_taken_on", ""), f"措施{n}日期")
        person = picked(Person, request, request.POST.get(f"action{n}_person"), "actions")
        rows.append({"kind": kind, "taken_on": taken_on, "person": person})
    return rows


MEASURE_FIELDS = {"description": "整改措施", "owner": "责任人", "due_on": "完成时限",
                  "criterion": "完成标准", "finding": "问题"}


@action("measure-{finding}", back="oversight:measure-new", back_kwargs=("finding",),
        labels=MEASURE_FIELDS)
def measure_new(request: HttpRequest, finding: int) -> tuple[str, str]:
    inputs = Inputs(request, MEASURE_FIELDS)
    description, criterion = inputs.text("description"), inputs.text("criterion")
    owner, due_on = inputs.picked(Person, "owner"), inputs.date("due_on")
    inputs.check()
    assert due_on is not None  # check() refused an empty one
    measure = measure_services.measure_create(
        actor=actor_of(request), finding=scoped(Finding, request, finding), description=description,
        owner=owner, due_on=due_on, criterion=criterion)
    return f"已添加整改措施，完成时限 {measure.due_on:%Y-%m-%d}", _detail("measure", measure.pk)


@action("progress-{pk}", back="oversight:measure-progress", back_kwargs=("pk",),
        labels=PROGRESS_FIELDS)
def measure_progress(request: HttpRequest, pk: int) -> tuple[str, str]:
    measure_services.measure_report_progress(
        actor=actor_of(request), measure=scoped(Measure, request, pk),
        text=request.POST.get("text", ""), version=version_of(request))
    return "进展已报送", _detail("measure", pk)


@action("evidence-{pk}", back="oversight:measure-evidence", back_kwargs=("pk",),
        labels=EVIDENCE_FIELDS)
def measure_evidence(request: HttpRequest, pk: int) -> tuple[str, str]:
    inputs = Inputs(request, EVIDENCE_FIELDS)
    upload = request.FILES.get("file")
    if upload is None:
        inputs.refuse("file", "请选择要上传的佐证材料")
    proves_date = inputs.date("proves_date", required=False)
    inputs.check()
    assert upload is not None  # refused by check() otherwise
    evidence = measure_services.measure_add_evidence(
        actor=actor_of(request), measure=scoped(Measure, request, pk), upload=upload,
        proves_date=proves_date)
    return f"已上传佐证材料：{evidence.original_name}", _detail("measure", pk)


@login_required
def evidence_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """An evidence file, only for a measure the user sees, checked against its SHA-256."""
    item = get_object_or_404(Evidence.objects.filter(
        measure__in=restrict(Measure.objects.all(), request.user)), pk=pk)
    return download_page(evidence=item, actor=actor_of(request))


@action("submit-{pk}", back="oversight:measure-submit", back_kwargs=("pk",), labels={})
def measure_submit(request: HttpRequest, pk: int) -> tuple[str, str]:
    measure_services.measure_submit(actor=actor_of(request), measure=scoped(Measure, request, pk),
                                    version=version_of(request))
    return "已提交核查", _detail("measure", pk)


@action("verify-{pk}", back="oversight:measure-verify", back_kwargs=("pk",),
        labels=VERIFY_FIELDS)
def measure_verify(request: HttpRequest, pk: int) -> tuple[str, str]:
    measure = measure_services.measure_verify(
        actor=actor_of(request), measure=scoped(Measure, request, pk),
        decision=request.POST.get("decision", ""), comment=request.POST.get("comment", ""),
        version=version_of(request))
    done = "已通过，措施销号" if measure.status == MeasureStatus.CLOSED else "已退回整改"
    return done, _detail("measure", pk)


@action("selfcheck-{pk}", back="oversight:selfcheck-answer", back_kwargs=("pk",),
        labels=SELFCHECK_FIELDS)
def self_check_answer(request: HttpRequest, pk: int) -> tuple[str, str]:
    check = selfcheck_services.self_check_answer(
        actor=actor_of(request), check=scoped(SelfCheck, request, pk),
        answer=request.POST.get("answer", ""), text=request.POST.get("text", ""))
    return f"自查结果已反馈：{check.answer}", _detail("selfcheck", pk)


@action("selfchecks-{pk}", back="oversight:selfcheck-send", back_kwargs=("pk",),
        labels=SELFCHECKS_FIELDS)
def self_checks_send(request: HttpRequest, pk: int) -> tuple[str, str]:
    """举一反三: the finding's peer units check themselves for the same problem."""
    finding = scoped(Finding, request, pk)
    inputs = Inputs(request, SELFCHECKS_FIELDS)
    units = [inputs.read("units", picked, Organization, request, unit, "units")
             for unit in request.POST.getlist("units")]
    due_on = inputs.date("due_on")
    inputs.check()
    assert due_on is not None  # refused by check() otherwise
    checks = selfcheck_services.self_checks_send(
        actor=actor_of(request), finding=finding, units=units or None, due_on=due_on)
    return f"已发起举一反三自查（{len(checks)}个单位）", _detail("finding", pk)


@action("accountability-decide-{pk}", back="oversight:accountability-decide",
        back_kwargs=("pk",), labels=DECIDE_FIELDS)
def accountability_decide(request: HttpRequest, pk: int) -> tuple[str, str]:
    post = request.POST
    inputs = Inputs(request, DECIDE_FIELDS)
    deciding_body, decided_on = inputs.text("deciding_body"), inputs.date("decided_on")
    inputs.check()
    assert decided_on is not None  # refused by check() otherwise
    accountability_services.accountability_decide(
        actor=actor_of(request), case=scoped(Accountability, request, pk),
        form=post.get("form", ""), four_forms=post.get("four_forms", ""),
        deciding_body=deciding_body, decided_on=decided_on)
    return "已登记问责决定", _detail("accountability", pk)


@action("accountability-complete-{pk}", back="oversight:accountability-complete",
        back_kwargs=("pk",), labels=COMPLETE_FIELDS)
def accountability_complete(request: HttpRequest, pk: int) -> tuple[str, str]:
    accountability_services.accountability_complete(
        actor=actor_of(request), case=scoped(Accountability, request, pk),
        on=parse_date(request.POST.get("completed_on"), "手续完成日期"))
    return "已登记问责落实", _detail("accountability", pk)


@action("accountability-correct-{pk}", back="oversight:accountability-correct",
        back_kwargs=("pk",), labels=CORRECT_FIELDS)
def accountability_correct(request: HttpRequest, pk: int) -> tuple[str, str]:
    """A correction names only the fields the inspector changed (left blank: unchanged)."""
    post = request.POST
    changes: dict[str, Any] = {}
    for name in ("form", "four_forms", "deciding_body"):
        if post.get(name):
            changes[name] = post[name]
    inputs = Inputs(request, CORRECT_FIELDS)
    for name in ("decided_on", "completed_on"):
        if post.get(name):
            changes[name] = inputs.date(name)
    inputs.check()
    accountability_services.accountability_correct(
        actor=actor_of(request), case=scoped(Accountability, request, pk),
        reason=post.get("reason", ""), **changes)
    return "已更正问责记录", _detail("accountability", pk)



FINDING_CORRECT_FIELDS = {"reason": "更正理由", "description": "问题描述", "category": "问题类别",
                          "severity": "严重程度", "discovered_on": "发现日期",
                          "regulation": "违反的规定"}
WITHDRAW_FIELDS = {"reason": "撤销理由"}
RECHECK_FIELDS = {"checked_on": "回头看日期", "result": "结果", "note": "情况说明"}
PROGRESS_CORRECT_FIELDS = {"text": "更正后的进展", "reason": "更正理由"}
ACCOUNTABILITY_NEW_FIELDS = {"organization": "被问责组织", "person": "被问责领导干部",
                             "findings": "关联问题", "reason": "事由"}
RISK_FIELDS = {"organization": "单位", "post": "岗位", "area": "风险领域", "risk": "风险描述",
               "level": "风险等级", "controls": "防控措施", "owner": "责任人",
               "review_on": "复核日期"}


@action("finding-correct-{pk}", back="oversight:finding-correct", back_kwargs=("pk",),
        labels=FINDING_CORRECT_FIELDS)
def finding_correct(request: HttpRequest, pk: int) -> tuple[str, str]:
    """A correction names only the fields changed (left blank: unchanged)."""
    post = request.POST
    inputs = Inputs(request, FINDING_CORRECT_FIELDS)
    changes: dict[str, Any] = {name: post[name].strip() for name in
                               ("description", "category", "severity", "regulation")
                               if post.get(name, "").strip()}
    if post.get("discovered_on", "").strip():
        changes["discovered_on"] = inputs.date("discovered_on")
    inputs.check()
    finding_services.finding_correct(actor=actor_of(request),
                                     finding=scoped(Finding, request, pk),
                                     reason=post.get("reason", ""), **changes)
    return "已更正问题", _detail("finding", pk)


@action("finding-withdraw-{pk}", back="oversight:finding-withdraw", back_kwargs=("pk",),
        labels=WITHDRAW_FIELDS)
def finding_withdraw(request: HttpRequest, pk: int) -> tuple[str, str]:
    finding_services.finding_withdraw(actor=actor_of(request),
                                      finding=scoped(Finding, request, pk),
                                      reason=request.POST.get("reason", ""))
    return "问题已撤销", _detail("finding", pk)


@action("recheck-{pk}", back="oversight:finding-recheck", back_kwargs=("pk",),
        labels=RECHECK_FIELDS)
def finding_recheck(request: HttpRequest, pk: int) -> tuple[str, str]:
    inputs = Inputs(request, RECHECK_FIELDS)
    checked_on = inputs.date("checked_on")
    inputs.check()
    assert checked_on is not None  # refused by check() otherwise
    done = recheck_services.finding_recheck(
        actor=actor_of(request), finding=scoped(Finding, request, pk), checked_on=checked_on,
        result=request.POST.get("result", ""), note=request.POST.get("note", ""))
    if done.relapse_id:
        return "已登记回头看：问题反弹，已登记屡查屡犯问题", _detail("finding", done.relapse_id)
    return "已登记回头看：整改成果巩固", _detail("finding", pk)


@action("measure-edit-{pk}", back="oversight:measure-edit", back_kwargs=("pk",),
        labels=MEASURE_FIELDS)
def measure_edit(request: HttpRequest, pk: int) -> tuple[str, str]:
    inputs = Inputs(request, MEASURE_FIELDS)
    description, criterion = inputs.text("description"), inputs.text("criterion")
    owner, due_on = inputs.picked(Person, "owner"), inputs.date("due_on")
    version = version_of(request)
    if version is None:
        inputs.refuse("", "页面缺少版本号，请重新打开修改页面")
    inputs.check()
    assert version is not None  # refused by check() otherwise
    measure_services.measure_update(
        actor=actor_of(request), measure=scoped(Measure, request, pk), version=version,
        description=description, owner=owner, due_on=due_on, criterion=criterion)
    return "已修改整改措施", _detail("measure", pk)


@action("progress-correct-{pk}-{entry}", back="oversight:progress-correct",
        back_kwargs=("pk", "entry"), labels=PROGRESS_CORRECT_FIELDS)
def progress_correct(request: HttpRequest, pk: int, entry: int) -> tuple[str, str]:
    measure = scoped(Measure, request, pk)
    wrong = measure.progress.filter(pk=entry).first()
    if wrong is None:
        raise Http404("没有这条进展")
    measure_services.measure_correct_progress(
        actor=actor_of(request), measure=measure, entry=wrong,
        text=request.POST.get("text", ""), reason=request.POST.get("reason", ""))
    return "已更正进展", _detail("measure", pk)


@action("accountability-new", back="oversight:accountability-new",
        labels=ACCOUNTABILITY_NEW_FIELDS)
def accountability_new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, ACCOUNTABILITY_NEW_FIELDS)
    organization = inputs.picked(Organization, "organization")
    person = inputs.picked(Person, "person", required=False)
    findings = [inputs.read("findings", picked, Finding, request, value, "findings")
                for value in request.POST.getlist("findings")]
    reason = inputs.text("reason")
    inputs.check()
    case = accountability_services.accountability_open(
        actor=actor_of(request), organization=organization, person=person,
        findings=findings, reason=reason)
    return "已提出问责建议", _detail("accountability", case.pk)


def _risk_fields(request: HttpRequest, inputs: Inputs) -> dict[str, Any]:
    post = request.POST
    area_name = inputs.text("area")
    area = inputs.read("area", finding_services.term, TermKind.RISK_AREA, area_name) \
        if area_name else None
    fields: dict[str, Any] = {
        "post": post.get("post", "").strip(), "area": area, "risk": inputs.text("risk"),
        "level": inputs.text("level"), "controls": inputs.text("controls"),
        "owner": inputs.picked(Person, "owner", required=False),
        "review_on": inputs.date("review_on"),
    }
    return fields


@action("riskpoint", back="oversight:riskpoint-new", labels=RISK_FIELDS)
def risk_point_new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, RISK_FIELDS)
    organization = inputs.picked(Organization, "organization")
    fields = _risk_fields(request, inputs)
    inputs.check()
    point = risk_services.risk_point_create(actor=actor_of(request), organization=organization,
                                            **fields)
    return "已登记廉政风险点", _detail("riskpoint", point.pk)


@action("riskpoint-{pk}", back="oversight:riskpoint-edit", back_kwargs=("pk",),
        labels=RISK_FIELDS)
def risk_point_edit(request: HttpRequest, pk: int) -> tuple[str, str]:
    point = scoped(RiskPoint, request, pk)
    inputs = Inputs(request, RISK_FIELDS)
    fields = _risk_fields(request, inputs)
    inputs.check()
    risk_services.risk_point_update(actor=actor_of(request), point=point, **fields)
    return "已修改廉政风险点", _detail("riskpoint", pk)


LEDGER_HEADERS = ["序号", "问题单位", "问题来源", "问题类别", "严重程度", "问题描述", "发现日期",
                  "分管领导", "问题状态", "屡查屡犯", "整改措施", "责任人", "完成时限", "措施状态",
                  "灯号", "最新进展", "进展日期", "销号日期"]


def ledger_rows(user: Any) -> list[list[Any]]:
    """One row per measure, carrying its finding; a finding with no measure yet keeps one row
    with the measure columns blank (it is still open in the ledger)."""
    lights = cutoffs()
    findings = selectors.findings_for(user).order_by("organization__path", "discovered_on", "id")
    measures: dict[int, list[Measure]] = {}
    for measure in (selectors.measures_for(user).filter(finding__in=findings.values("pk"))
                    .prefetch_related("progress").order_by("due_on", "id")):
        measures.setdefault(measure.finding_id, []).append(measure)
    rows: list[list[Any]] = []
    for f in findings:
        about = [f.organization.name, f.source.name, f.category.name, f.severity.name,
                 f.description, f.discovered_on,
                 f.responsible_leader.name if f.responsible_leader else "",
                 f.get_status_display(), "是" if f.repeat_of_id else ""]
        shown: list[Measure | None] = [*measures.get(f.pk, [])] or [None]
        for m in shown:
            if m is None:
                rows.append([len(rows) + 1, *about] + [""] * 8)
                continue
            latest = max(m.progress.all(), key=lambda p: (p.created_at, p.pk), default=None)
            light = "" if m.status == MeasureStatus.CLOSED else LABELS[lights.light(m.due_on)]
            rows.append([len(rows) + 1, *about, m.description, m.owner.name, m.due_on,
                         m.get_status_display(), light, latest.text if latest else "",
                         timezone.localdate(latest.created_at) if latest else "",
                         m.closed_on or ""])
    return rows


@login_required
def ledger_export(request: HttpRequest) -> HttpResponse:
    """问题整改台账 as .xlsx, the same scoped rows as the page; refused to a user whose scope
    does not cover findings at all (a plain 党员)."""
    if not reaches(request.user, Finding):
        raise PermissionDenied("您的查看范围不包括问题整改台账")
    data = render_xlsx(title="问题整改台账", headers=LEDGER_HEADERS,
                       rows=ledger_rows(request.user))
    return attachment(data, XLSX, "问题整改台账.xlsx")


INSPECTION_FIELDS = {"targets": "被检查单位", "topics": "检查内容", "inspected_on": "检查日期",
                     "items": "检查清单", "report": "检查报告"}


@action("inspection", back="oversight:inspection-new", labels=INSPECTION_FIELDS)
def inspection_new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, INSPECTION_FIELDS)
    targets = [inputs.read("targets", picked, Organization, request, pk, "targets")
               for pk in request.POST.getlist("targets")]
    inspected_on = inputs.date("inspected_on")
    inputs.check()
    assert inspected_on is not None  # refused by check() otherwise
    topics = request.POST.getlist("topics")
    items = []
    for n, topic in enumerate(InspectionTopic.values, start=1):
        text = request.POST.get(f"item{n}_text", "").strip()
        if text:
            items.append({"topic": topic, "text": text,
                          "result": request.POST.get(f"item{n}_result", "")})
    inspection = inspection_services.inspection_create(
        actor=actor_of(request), targets=targets, topics=topics, inspected_on=inspected_on,
        items=items, report=request.POST.get("report", ""))
    return f"已登记督导检查（{len(targets)}个单位）", _detail("inspection", inspection.pk)


@action("inspection-finding-{pk}", back="oversight:inspection-finding", back_kwargs=("pk",),
        labels=FINDING_FIELDS)
def inspection_finding(request: HttpRequest, pk: int) -> tuple[str, str]:
    inspection = scoped(Inspection, request, pk)
    inputs = Inputs(request, FINDING_FIELDS)
    organization = inputs.picked(Organization, "organization")
    discovered_on, description = inputs.date("discovered_on"), inputs.text("description")
    inputs.check()
    finding = inspection_services.inspection_add_finding(
        actor=actor_of(request), inspection=inspection, organization=organization,
        category=request.POST.get("category", ""), severity=request.POST.get("severity", ""),
        description=description, discovered_on=discovered_on,
        regulation=request.POST.get("regulation", ""))
    return f"已登记督导检查发现的问题：{finding.organization}", _detail("inspection", pk)


@action("inspection-attach-{pk}", back="oversight:inspection-attach", back_kwargs=("pk",),
        labels={"file": "检查报告文件"})
def inspection_attach(request: HttpRequest, pk: int) -> tuple[str, str]:
    inspection = scoped(Inspection, request, pk)
    upload = request.FILES.get("file")
    if upload is None:
        raise ValidationError({"file": "请选择要上传的检查报告文件"})
    item = inspection_services.inspection_attach(actor=actor_of(request),
                                                 inspection=inspection, upload=upload)
    return f"已上传检查报告：{item.original_name}", _detail("inspection", pk)


@login_required
def inspection_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A file of an inspection, only for an inspection the user sees, checked against its
    SHA-256."""
    item = get_object_or_404(InspectionFile.objects.filter(
        inspection__in=restrict(Inspection.objects.all(), request.user)), pk=pk)
    return download_page(evidence=item, actor=actor_of(request))


@login_required
def inspection_report(request: HttpRequest, pk: int) -> HttpResponse:
    """督导检查情况报告 (Word), the same file as the API's."""
    inspection = scoped(Inspection, request, pk)
    return attachment(inspection_docx(inspection, request.user), DOCX,
                      inspection_docx_name(inspection))


CAMPAIGN_FIELDS = {"name": "名称", "starts_on": "开始日期", "ends_on": "结束日期",
                   "basis": "依据"}


@action("campaign", back="oversight:campaign-new", labels=CAMPAIGN_FIELDS)
def campaign_new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, CAMPAIGN_FIELDS)
    name, basis = inputs.text("name"), inputs.text("basis")
    starts_on, ends_on = inputs.date("starts_on"), inputs.date("ends_on")
    inputs.check()
    assert starts_on is not None and ends_on is not None  # refused by check() otherwise
    campaign = campaign_services.campaign_create(actor=actor_of(request), name=name,
                                                 starts_on=starts_on, ends_on=ends_on,
                                                 basis=basis)
    return f"已发起专项整治：{campaign.name}", _detail("campaign", campaign.pk)


@action("campaign-findings-{pk}", back="oversight:campaign-findings", back_kwargs=("pk",),
        labels={"findings": "问题"})
def campaign_findings(request: HttpRequest, pk: int) -> tuple[str, str]:
    campaign = scoped(Campaign, request, pk)
    inputs = Inputs(request, {"findings": "问题"})
    findings = [inputs.read("findings", picked, Finding, request, value, "findings")
                for value in request.POST.getlist("findings")]
    inputs.check()
    campaign_services.campaign_add_findings(actor=actor_of(request), campaign=campaign,
                                            findings=findings)
    return f"已列入{len(findings)}个问题", _detail("campaign", pk)


@action("campaign-plan-{pk}", back="oversight:campaign-plan", back_kwargs=("pk",),
        labels={"plan": "工作部署"})
def campaign_plan(request: HttpRequest, pk: int) -> tuple[str, str]:
    campaign = scoped(Campaign, request, pk)
    value = request.POST.get("plan", "")
    if not value.isdecimal():
        raise ValidationError({"plan": "请选择工作部署"})
    campaign_services.campaign_link_plan(actor=actor_of(request), campaign=campaign,
                                         plan_id=int(value))
    return "已关联工作部署", _detail("campaign", pk)
