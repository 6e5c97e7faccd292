"""Pages of the oversight loop: one desk whose sections follow the user's roles, and one
small POST view per action. Views only parse forms and call services."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render

from dangjian.access.roles import Role
from dangjian.access.scoping import reaches, restrict, roles_of
from dangjian.core.actions import action, optional_date, parse_date, picked, scoped, version_of
from dangjian.core.files.checks import XLSX, attachment
from dangjian.core.files.views import download_page
from dangjian.core.forms import Inputs
from dangjian.documents.spreadsheets import render_xlsx
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from . import selectors
from .models import Evidence, Finding, Measure, Notice, SelfCheck, Term, TermKind
from .services import findings as finding_services
from .services import measures as measure_services
from .services import notices as notice_services
from .services import selfchecks as selfcheck_services
from .services.lights import LABELS, cutoffs

UNIT_ROLES = {Role.UNIT_CLERK, Role.UNIT_SECRETARY}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    roles = roles_of(user)
    lights = cutoffs()
    drafts = request.session.get("drafts", {})
    context: dict[str, Any] = {
        "roles": roles, "labels": LABELS, "drafts": drafts,
        "reply_drafts": {int(key.split("-")[1]): draft.get("text", "")
                         for key, draft in drafts.items() if key.startswith("notice-")},
        "is_inspector": Role.INSPECTOR in roles, "is_unit": bool(roles & UNIT_ROLES),
        "is_vice_head": Role.VICE_HEAD in roles, "is_leader": Role.COUNTY_LEADER in roles,
    }
    findings = selectors.findings_for(user).order_by("-discovered_on", "-id")[:200]
    context["findings"] = selectors.with_lights(findings, lights, "earliest_open_due")
    context["notices"] = selectors.notices_for(user).order_by("-id")[:100]
    open_measures = selectors.measures_for(user).exclude(status="已销号").order_by("due_on")
    context["measures"] = selectors.with_lights(open_measures[:200], lights, "due_on")
    context["self_checks"] = selectors.self_checks_for(user).filter(answer="")
    context["risk_points"] = selectors.risk_points_for(user).order_by("organization__path")[:200]
    if context["is_leader"] or context["is_vice_head"]:
        context["overview"] = selectors.overview(user, lights)
    if context["is_inspector"]:
        context["terms"] = {k: Term.objects.filter(kind=k, active=True)
                            for k in (TermKind.SOURCE, TermKind.CATEGORY, TermKind.SEVERITY)}
        context["units"] = restrict(Organization.objects.filter(kind="政府部门/单位"), user)
        context["leaders"] = Person.objects.filter(charges__isnull=False).distinct()
    if context["is_unit"]:
        context["owners"] = restrict(Person.objects.filter(
            party_status__in=["正式党员", "预备党员"]), user)[:300]
    return render(request, "oversight/home.html", context)



@action("finding", back="oversight:home")
def finding_new(request: HttpRequest) -> str:
    post = request.POST
    finding = finding_services.finding_create(
        actor=request.user, organization=picked(Organization, request, post.get("organization"),
                                                         "organization"),
        source=post.get("source", ""), category=post.get("category", ""),
        severity=post.get("severity", ""), description=post.get("description", ""),
        discovered_on=parse_date(post.get("discovered_on"), "发现日期"),
        regulation=post.get("regulation", ""),
    )
    repeat = "（屡查屡犯）" if finding.repeat_of_id else ""
    return f"已登记问题：{finding.organization}{repeat}"


@action("notice", back="oversight:home")
def notice_new(request: HttpRequest) -> str:
    post = request.POST
    findings = [picked(Finding, request, pk, "findings") for pk in post.getlist("findings")]
    notice_services.notice_create(
        actor=request.user, recipient=picked(Person, request, post.get("recipient"), "recipient"),
        findings=findings, reply_due=parse_date(post.get("reply_due"), "回复期限"),
    )
    return f"已起草提示单（{len(findings)}个问题），请核对后签发"


NOTICE_ACTIONS = {
    "issue": (notice_services.notice_issue, "已签发"),
    "acknowledge": (notice_services.notice_acknowledge, "已签收"),
    "close": (notice_services.notice_close, "已办结"),
}


@action("notice-{pk}", back="oversight:home")
def notice_act(request: HttpRequest, pk: int, verb: str) -> str:
    notice = scoped(Notice, request, pk)
    if verb == "reply":
        notice = notice_services.notice_reply(actor=request.user, notice=notice,
                                              text=request.POST.get("text", ""))
        return f"{notice.number} 已回复"
    if verb not in NOTICE_ACTIONS:
        raise Http404("没有这个操作")
    service, done = NOTICE_ACTIONS[verb]
    notice = service(actor=request.user, notice=notice)
    return f"{notice.number} {done}"


MEASURE_FIELDS = {"description": "整改措施", "owner": "责任人", "due_on": "完成时限",
                  "criterion": "完成标准", "finding": "问题"}


@action("measure-{finding}", back="oversight:home", labels=MEASURE_FIELDS)
def measure_new(request: HttpRequest, finding: int) -> str:
    inputs = Inputs(request, MEASURE_FIELDS)
    description, criterion = inputs.text("description"), inputs.text("criterion")
    owner, due_on = inputs.picked(Person, "owner"), inputs.date("due_on")
    inputs.check()
    assert due_on is not None  # check() refused an empty one
    measure = measure_services.measure_create(
        actor=request.user, finding=scoped(Finding, request, finding), description=description,
        owner=owner, due_on=due_on, criterion=criterion)
    return f"已添加整改措施，完成时限 {measure.due_on:%Y-%m-%d}"


@action("progress-{pk}", back="oversight:home")
def measure_progress(request: HttpRequest, pk: int) -> str:
    measure_services.measure_report_progress(
        actor=request.user, measure=scoped(Measure, request, pk),
        text=request.POST.get("text", ""), version=version_of(request))
    return "进展已报送"


@action("evidence-{pk}", back="oversight:home")
def measure_evidence(request: HttpRequest, pk: int) -> str:
    upload = request.FILES.get("file")
    if upload is None:
        raise ValidationError("请选择要上传的佐证材料")
    proves = request.POST.get("proves_date")
    evidence = measure_services.measure_add_evidence(
        actor=request.user, measure=scoped(Measure, request, pk), upload=upload,
        proves_date=optional_date(proves, "佐证日期"))
    return f"已上传佐证材料：{evidence.original_name}"


@login_required
def evidence_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """An evidence file, only for a measure the user sees, checked against its SHA-256."""
    item = get_object_or_404(Evidence.objects.filter(
        measure__in=restrict(Measure.objects.all(), request.user)), pk=pk)
    return download_page(evidence=item, actor=request.user)


@action("submit-{pk}", back="oversight:home")
def measure_submit(request: HttpRequest, pk: int) -> str:
    measure_services.measure_submit(actor=request.user, measure=scoped(Measure, request, pk),
                                    version=version_of(request))
    return "已提交核查"


@action("verify-{pk}", back="oversight:home")
def measure_verify(request: HttpRequest, pk: int) -> str:
    measure = measure_services.measure_verify(
        actor=request.user, measure=scoped(Measure, request, pk),
        decision=request.POST.get("decision", ""), comment=request.POST.get("comment", ""),
        version=version_of(request))
    return "已通过，措施销号" if measure.status == "已销号" else "已退回整改"


@action("selfcheck-{pk}", back="oversight:home")
def self_check_answer(request: HttpRequest, pk: int) -> str:
    check = selfcheck_services.self_check_answer(
        actor=request.user, check=scoped(SelfCheck, request, pk),
        answer=request.POST.get("answer", ""), text=request.POST.get("text", ""))
    return f"自查结果已反馈：{check.answer}"



LEDGER_HEADERS = ["序号", "问题单位", "问题来源", "问题类别", "严重程度", "问题描述", "发现日期",
                  "分管领导", "状态", "灯号", "最近完成时限", "屡查屡犯"]


@login_required
def ledger_export(request: HttpRequest) -> HttpResponse:
    """问题整改台账 as .xlsx, the same scoped rows as the page; refused to a user whose scope
    does not cover findings at all (a plain 党员)."""
    if not reaches(request.user, Finding):
        raise PermissionDenied("您的查看范围不包括问题整改台账")
    lights = cutoffs()
    rows = [  # earliest_open_due: annotated by selectors.findings_for
        [n, f.organization.name, f.source.name, f.category.name, f.severity.name, f.description,
         f.discovered_on, f.responsible_leader.name if f.responsible_leader else "", f.status,
         LABELS[lights.light(f.earliest_open_due)],  # type: ignore[attr-defined]
         f.earliest_open_due,  # type: ignore[attr-defined]
         "是" if f.repeat_of_id else ""]
        for n, f in enumerate(selectors.findings_for(request.user).order_by("organization__path",
                                                                             "discovered_on"), 1)
    ]
    data = render_xlsx(title="问题整改台账", headers=LEDGER_HEADERS, rows=rows)
    return attachment(data, XLSX, "问题整改台账.xlsx")
