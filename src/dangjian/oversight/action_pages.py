"""The oversight actions as pages: one form a page (GET), posted to the action view of the same
URL (``views``). A refused form comes back here with what was typed (``core.actions.drafts``);
a done one goes to the record's detail page."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone

from dangjian.access.scoping import restrict
from dangjian.core import linked
from dangjian.core.action_page import Button, Input, page_or_action, refusal_of, render_action
from dangjian.core.actions import scoped
from dangjian.core.permissions import can, rule_for
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import Charge, PartyStatus, Person

from . import selectors, views
from .models import (
    Accountability,
    Campaign,
    Finding,
    Inspection,
    InspectionTopic,
    ItemResult,
    Measure,
    Notice,
    RecheckResult,
    ReplyActionKind,
    RiskPoint,
    SelfCheck,
    Term,
    TermKind,
    Verification,
)
from .models.accountability import AccountabilityForm, FourForms
from .models.findings import FindingStatus
from .models.risks import RiskLevel
from .rules import CAMPAIGN_RULE, INSPECTION_RULE
from .services.campaigns import PLAN
from .services.findings import require_raising_side
from .services.inspections import organiser_refusal
from .services.selfchecks import peer_units


def _page(request: HttpRequest, *, title: str, inputs: list[Input], draft_key: str,
          buttons: list[Button], record: Model | None = None, detail: str = "",
          about: list[tuple[str, str]] | None = None, refusal: str = "",
          multipart: bool = False, back: str = "oversight:home") -> HttpResponse:
    record_url = (reverse(f"oversight:{detail}_detail", args=[record.pk])
                  if record is not None and detail else "")
    return render_action(request, title=title, inputs=inputs, draft_key=draft_key,
                         buttons=buttons, record=record, record_url=record_url, about=about,
                         refusal=refusal, multipart=multipart, back_url=reverse(back))


def _refusal(request: HttpRequest, action: str, obj: Any = None) -> str:
    return refusal_of(request, action, obj)


def _terms(kind: str) -> list[tuple[str, str]]:
    names = Term.objects.filter(kind=kind, active=True).values_list("name", flat=True)
    return [(name, name) for name in names]


def _today() -> str:
    return timezone.localdate().isoformat()


def finding_new(request: HttpRequest) -> HttpResponse:
    units = restrict(Organization.objects.filter(kind=OrgKind.GOVERNMENT_UNIT), request.user)
    return _page(request, title="登记问题", draft_key="finding",
                 refusal=_refusal(request, "oversight.inspect"), back="oversight:finding_list",
                 inputs=[
                     Input("organization", "问题单位", "select",
                           [(str(u.pk), u.name) for u in units.order_by("path")],
                           picker="organizations",
                           picker_params=f"kind={OrgKind.GOVERNMENT_UNIT.value}"),
                     Input("source", "问题来源", "select", _terms(TermKind.SOURCE)),
                     Input("category", "问题类别", "select", _terms(TermKind.CATEGORY)),
                     Input("severity", "严重程度", "select", _terms(TermKind.SEVERITY)),
                     Input("discovered_on", "发现日期", "date"),
                     Input("description", "问题描述", "textarea"),
                     Input("regulation", "违反的规定（可选）", required=False),
                 ], buttons=[Button("登记")])


def notice_new(request: HttpRequest) -> HttpResponse:
    findings = selectors.findings_for(request.user).exclude(status=FindingStatus.CLOSED)
    leaders = Person.objects.filter(charges__isnull=False).distinct().order_by("name")
    return _page(request, title="起草监督工作提示单", draft_key="notice",
                 refusal=_refusal(request, "oversight.inspect"), back="oversight:notice_list",
                 inputs=[
                     Input("findings", "提示单包含的问题", "checks",
                           [(str(f.pk), f"{f.organization.name}：{f.description[:60]}")
                            for f in findings.order_by("organization__path", "-discovered_on")],
                           values=request.GET.getlist("findings")),
                     Input("recipient", "接收领导（分管副县长）", "select",
                           [(str(p.pk), p.name) for p in leaders]),
                     Input("reply_due", "回复期限", "date"),
                 ], buttons=[Button("用所选问题生成监督工作提示单")])


NOTICE_PAGES = {"issue": "签发", "acknowledge": "签收", "reply": "回复", "close": "办结"}


def notice_act(request: HttpRequest, pk: int, verb: str) -> HttpResponse:
    notice = scoped(Notice, request, pk)
    if verb not in NOTICE_PAGES:
        raise Http404("没有这个操作")
    by_recipient = verb in ("acknowledge", "reply")
    if by_recipient:
        mine = request.user.person_id is not None and (  # type: ignore[union-attr]
            request.user.person_id == notice.recipient_id)  # type: ignore[union-attr]
        refusal = "" if mine else "只有提示单的接收领导可以签收和回复"
    else:
        refusal = _refusal(request, "oversight.inspect")
    inputs = ([Input("text", "书面回复（约谈提醒、批评教育、组织处理、纪律处分建议等）",
                     "textarea"), *_reply_action_inputs(request, notice)]
              if verb == "reply" else [])
    about = [("问题", "\n".join(f"{f.organization.name}：{f.description}"
                               for f in notice.findings.select_related("organization")))]
    return _page(request, title=f"{NOTICE_PAGES[verb]}提示单", draft_key=f"notice-{pk}",
                 record=notice, detail="notice", about=about, refusal=refusal, inputs=inputs,
                 buttons=[Button(NOTICE_PAGES[verb])])


REPLY_ROWS = 3  # action rows a reply page offers; the API takes any number up to 50


def _charged_persons(leader_id: int) -> list[Person]:
    """The persons of a vice head's 分管 departments, for the reply's action rows."""
    paths = [c.organization.path for c in Charge.objects.current().filter(
        leader_id=leader_id).select_related("organization")]
    if not paths:
        return []
    query = Q()
    for path in paths:
        query |= Q(organization__path__startswith=path)
    return list(Person.objects.filter(query, party_status__in=[
        PartyStatus.FULL_MEMBER, PartyStatus.PROBATIONARY]).select_related(
        "organization").order_by("organization__path", "name")[:300])


def _reply_action_inputs(request: HttpRequest, notice: Notice) -> list[Input]:
    """回复措施: a few rows (措施, 日期, 对象), each left empty when not used."""
    kinds = [("", "（无）"), *ReplyActionKind.choices]
    persons = [("", "（请选择）")] + [(str(p.pk), f"{p.name}（{p.organization.name}）")
                                   for p in _charged_persons(notice.recipient_id)]
    rows: list[Input] = []
    for n in range(1, REPLY_ROWS + 1):
        rows += [Input(f"action{n}_kind", f"措施{n}", "select", kinds, required=False),
                 Input(f"action{n}_taken_on", f"措施{n}日期", "date", required=False),
                 Input(f"action{n}_person", f"措施{n}对象", "select", persons, required=False,
                       picker="persons")]
    return rows


def measure_new(request: HttpRequest, finding: int) -> HttpResponse:
    found = scoped(Finding, request, finding)
    owners = restrict(Person.objects.filter(party_status__in=[PartyStatus.FULL_MEMBER,
                                                        PartyStatus.PROBATIONARY]),
                      request.user).select_related("organization").order_by("name")[:300]
    return _page(request, title="添加整改措施", draft_key=f"measure-{finding}", record=found,
                 detail="finding", refusal=_refusal(request, "oversight.rectify",
                                                    found.organization),
                 about=[("问题描述", found.description)], inputs=[
                     Input("description", "整改措施"),
                     Input("owner", "责任人", "select",
                           [(str(p.pk), f"{p.name}（{p.organization.name}）") for p in owners],
                           picker="persons"),
                     Input("due_on", "完成时限", "date"),
                     Input("criterion", "完成标准"),
                 ], buttons=[Button("添加")])


def _measure_page(request: HttpRequest, pk: int, *, title: str, key: str, action: str,
                  inputs: list[Input], buttons: list[Button], multipart: bool = False
                  ) -> HttpResponse:
    measure: Measure = scoped(Measure, request, pk)
    obj = measure.finding.organization if action == "oversight.rectify" else None
    about = [("整改措施", measure.description), ("完成标准", measure.criterion),
             ("状态", measure.get_status_display())]
    if measure.return_reason:
        about.append(("退回整改理由", measure.return_reason))
    return _page(request, title=title, draft_key=f"{key}-{pk}", record=measure,
                 detail="measure", about=about, refusal=_refusal(request, action, obj),
                 inputs=[Input("version", "", "hidden", value=str(measure.version)), *inputs],
                 buttons=buttons, multipart=multipart)


def measure_progress(request: HttpRequest, pk: int) -> HttpResponse:
    return _measure_page(request, pk, title="报送进展", key="progress",
                         action="oversight.rectify", inputs=[Input("text", "本期进展", "textarea")],
                         buttons=[Button("报送进展")])


def measure_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    return _measure_page(request, pk, title="上传佐证材料", key="evidence",
                         action="oversight.rectify", multipart=True, inputs=[
                             Input("file", "佐证材料", "file"),
                             Input("proves_date", "佐证日期", "date", required=False,
                                   help="材料所证明的事项发生的日期"),
                         ], buttons=[Button("上传佐证")])


def measure_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _measure_page(request, pk, title="提交核查", key="submit", action="oversight.rectify",
                         inputs=[], buttons=[Button("提交核查")])


def measure_verify(request: HttpRequest, pk: int) -> HttpResponse:
    decisions = Verification.Decision
    return _measure_page(request, pk, title="核查整改措施", key="verify",
                         action="oversight.inspect",
                         inputs=[Input("comment", "核查意见", "textarea", required=False,
                                       help="退回整改时必填")],
                         buttons=[Button(decisions.ACCEPT.label, "decision", decisions.ACCEPT),
                                  Button(decisions.RETURN.label, "decision", decisions.RETURN,
                                         "secondary")])


def self_check_answer(request: HttpRequest, pk: int) -> HttpResponse:
    check: SelfCheck = scoped(SelfCheck, request, pk)
    answers = SelfCheck.Answer
    return _page(request, title="反馈自查结果", draft_key=f"selfcheck-{pk}", record=check,
                 detail="selfcheck",
                 refusal=_refusal(request, "oversight.rectify", check.organization),
                 about=[("发现单位", check.origin.organization.name),
                        ("源问题", check.origin.description),
                        ("反馈期限", check.due_on.isoformat())],
                 inputs=[Input("answer", "自查结果", "select",
                               [(answers.ABSENT, answers.ABSENT.label),
                                (answers.EXISTS, answers.EXISTS.label)]),
                         Input("text", "自查情况及整改措施", "textarea", required=False,
                               help="自查发现问题的必填")],
                 buttons=[Button("反馈")])


def self_checks_send(request: HttpRequest, pk: int) -> HttpResponse:
    finding: Finding = scoped(Finding, request, pk)
    peers = [(str(u.pk), u.name) for u in peer_units(finding)]
    return _page(request, title="举一反三", draft_key=f"selfchecks-{pk}", record=finding,
                 detail="finding", refusal=_refusal(request, "oversight.inspect"),
                 about=[("问题描述", finding.description)],
                 inputs=[Input("units", "自查单位（同一分管领域的其他单位）", "checks", peers,
                               values=[value for value, _ in peers], required=False),
                         Input("due_on", "反馈期限", "date")],
                 buttons=[Button("发起自查")])


def _case_page(request: HttpRequest, pk: int, *, title: str, key: str, inputs: list[Input],
               buttons: list[Button]) -> HttpResponse:
    case: Accountability = scoped(Accountability, request, pk)
    return _page(request, title=title, draft_key=f"accountability-{key}-{pk}", record=case,
                 detail="accountability", refusal=_refusal(request, "oversight.inspect"),
                 about=[("被问责组织", str(case.organization)), ("事由", case.reason),
                        ("状态", case.get_status_display())],
                 inputs=inputs, buttons=buttons)


def _choices(enum: Any, blank: str | None = None) -> list[tuple[str, str]]:
    return ([("", blank)] if blank is not None else []) + list(enum.choices)


def accountability_decide(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_page(request, pk, title="作出问责决定", key="decide", inputs=[
        Input("form", "问责方式", "select", _choices(AccountabilityForm)),
        Input("four_forms", "四种形态", "select", _choices(FourForms, "（不适用）"),
              required=False),
        Input("deciding_body", "决定机关"),
        Input("decided_on", "决定日期", "date", value=_today()),
    ], buttons=[Button("登记决定")])


def accountability_complete(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_page(request, pk, title="登记问责落实", key="complete", inputs=[
        Input("completed_on", "手续完成日期", "date", value=_today()),
    ], buttons=[Button("登记落实")])


def accountability_correct(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_page(request, pk, title="更正问责记录", key="correct", inputs=[
        Input("reason", "更正理由", "textarea"),
        Input("form", "问责方式", "select", _choices(AccountabilityForm, "（不更正）"),
              required=False),
        Input("four_forms", "四种形态", "select", _choices(FourForms, "（不更正）"),
              required=False),
        Input("deciding_body", "决定机关", required=False, help="留空表示不更正"),
        Input("decided_on", "决定日期", "date", required=False, help="留空表示不更正"),
        Input("completed_on", "手续完成日期", "date", required=False, help="留空表示不更正"),
    ], buttons=[Button("更正")])


def _finding_refusal(request: HttpRequest, finding: Finding) -> str:
    """Who may correct or withdraw: the inspectors, or a self-reported finding's own unit."""
    try:
        require_raising_side(request.user, finding)  # type: ignore[arg-type]
    except PermissionDenied as refused:
        return str(refused) or "无权执行此操作"
    return ""


def finding_correct(request: HttpRequest, pk: int) -> HttpResponse:
    finding: Finding = scoped(Finding, request, pk)
    return _page(request, title="更正问题", draft_key=f"finding-correct-{pk}", record=finding,
                 detail="finding", refusal=_finding_refusal(request, finding),
                 about=[("问题描述", finding.description), ("状态", finding.get_status_display())],
                 inputs=[
                     Input("reason", "更正理由", "textarea"),
                     Input("description", "问题描述", "textarea", required=False,
                           help="留空表示不更正"),
                     Input("category", "问题类别", "select",
                           [("", "（不更正）"), *_terms(TermKind.CATEGORY)], required=False),
                     Input("severity", "严重程度", "select",
                           [("", "（不更正）"), *_terms(TermKind.SEVERITY)], required=False),
                     Input("discovered_on", "发现日期", "date", required=False,
                           help="留空表示不更正"),
                     Input("regulation", "违反的规定", required=False, help="留空表示不更正"),
                 ], buttons=[Button("更正")])


def finding_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    finding: Finding = scoped(Finding, request, pk)
    return _page(request, title="撤销问题", draft_key=f"finding-withdraw-{pk}", record=finding,
                 detail="finding", refusal=_finding_refusal(request, finding),
                 about=[("问题描述", finding.description),
                        ("说明", "登记有误的问题在签发提示单、制定整改措施之前可以撤销；"
                               "撤销后仍留在台账中，标为已撤销。")],
                 inputs=[Input("reason", "撤销理由", "textarea")],
                 buttons=[Button("撤销问题", style="secondary")])


def finding_recheck(request: HttpRequest, pk: int) -> HttpResponse:
    finding: Finding = scoped(Finding, request, pk)
    results = [(value, label) for value, label in RecheckResult.choices]
    return _page(request, title="回头看", draft_key=f"recheck-{pk}", record=finding,
                 detail="finding", refusal=_refusal(request, "oversight.inspect"),
                 about=[("问题描述", finding.description),
                        ("销号日期", f"{finding.closed_on or ''}"),
                        ("回头看日期", f"{finding.recheck_on or ''}")],
                 inputs=[
                     Input("checked_on", "回头看日期", "date", value=_today()),
                     Input("result", "结果", "select", results),
                     Input("note", "情况说明", "textarea", required=False,
                           help="问题反弹的必填；反弹将登记一条新的屡查屡犯问题"),
                 ], buttons=[Button("登记回头看")])


def measure_edit(request: HttpRequest, pk: int) -> HttpResponse:
    measure: Measure = scoped(Measure, request, pk)
    owners = restrict(Person.objects.filter(party_status__in=[PartyStatus.FULL_MEMBER,
                                                        PartyStatus.PROBATIONARY]),
                      request.user).select_related("organization").order_by("name")[:300]
    choices = [(str(p.pk), f"{p.name}（{p.organization.name}）") for p in owners]
    if measure.owner_id and str(measure.owner_id) not in {c for c, _ in choices}:
        choices.insert(0, (str(measure.owner_id), str(measure.owner)))
    return _measure_page(request, pk, title="修改整改措施", key="measure-edit",
                         action="oversight.rectify", inputs=[
                             Input("description", "整改措施", value=measure.description),
                             Input("owner", "责任人", "select", choices,
                                   value=str(measure.owner_id or ""), picker="persons"),
                             Input("due_on", "完成时限", "date",
                                   value=measure.due_on.isoformat()),
                             Input("criterion", "完成标准", value=measure.criterion),
                         ], buttons=[Button("保存修改")])


def progress_correct(request: HttpRequest, pk: int, entry: int) -> HttpResponse:
    measure: Measure = scoped(Measure, request, pk)
    wrong = measure.progress.filter(pk=entry).first()
    if wrong is None:
        raise Http404("没有这条进展")
    return _page(request, title="更正进展", draft_key=f"progress-correct-{pk}-{entry}",
                 record=measure, detail="measure",
                 refusal=_refusal(request, "oversight.rectify", measure.finding.organization),
                 about=[("整改措施", measure.description), ("要更正的进展", wrong.text)],
                 inputs=[Input("text", "更正后的进展", "textarea"),
                         Input("reason", "更正理由", "textarea")],
                 buttons=[Button("更正进展")])


def accountability_new(request: HttpRequest) -> HttpResponse:
    units = restrict(Organization.objects.all(), request.user).order_by("path")[:500]
    findings = selectors.findings_for(request.user).select_related("organization").order_by(
        "organization__path", "-discovered_on")[:200]
    return _page(request, title="提出问责建议", draft_key="accountability-new",
                 refusal=_refusal(request, "oversight.inspect"),
                 back="oversight:accountability_list", inputs=[
                     Input("organization", "被问责组织", "select",
                           [(str(u.pk), u.name) for u in units], picker="organizations"),
                     Input("person", "被问责领导干部（可选）", "select",
                           [("", "（对组织问责）"),
                            *[(str(p.pk), p.name) for p in restrict(
                                Person.objects.filter(charges__isnull=False).distinct(),
                                request.user).order_by("name")[:300]]],
                           required=False, picker="persons"),
                     Input("findings", "关联问题（可选）", "checks",
                           [(str(f.pk), f"{f.organization.name}：{f.description[:50]}")
                            for f in findings], values=request.GET.getlist("findings"),
                           required=False),
                     Input("reason", "事由", "textarea"),
                 ], buttons=[Button("提出问责建议")])


def _risk_inputs(request: HttpRequest, point: RiskPoint | None) -> list[Input]:
    owners = restrict(Person.objects.all(), request.user).order_by("name")[:300]
    owner_choices = [("", "（未指定）"), *[(str(p.pk), p.name) for p in owners]]
    if point is not None and point.owner_id and str(point.owner_id) not in {
            c for c, _ in owner_choices}:
        owner_choices.insert(1, (str(point.owner_id), str(point.owner)))
    return [
        Input("post", "岗位", value=point.post if point else "", required=False),
        Input("area", "风险领域", "select", _terms(TermKind.RISK_AREA),
              value=point.area.name if point else ""),
        Input("risk", "风险描述", "textarea", value=point.risk if point else ""),
        Input("level", "风险等级", "select", list(RiskLevel.choices),
              value=point.level if point else ""),
        Input("controls", "防控措施", "textarea", value=point.controls if point else ""),
        Input("owner", "责任人", "select", owner_choices,
              value=str(point.owner_id or "") if point else "", required=False,
              picker="persons"),
        Input("review_on", "复核日期", "date",
              value=point.review_on.isoformat() if point else ""),
    ]


def risk_point_new(request: HttpRequest) -> HttpResponse:
    units = [u for u in restrict(Organization.objects.filter(kind=OrgKind.GOVERNMENT_UNIT),
                                 request.user).order_by("path")
             if can(request.user, "oversight.rectify", u)]
    refusal = "" if units else rule_for("oversight.rectify").refusal_for(request.user, None)
    return _page(request, title="登记廉政风险点", draft_key="riskpoint",
                 refusal=refusal, back="oversight:riskpoint_list", inputs=[
                     Input("organization", "单位", "select",
                           [(str(u.pk), u.name) for u in units], picker="organizations",
                           picker_params=f"kind={OrgKind.GOVERNMENT_UNIT.value}"),
                     *_risk_inputs(request, None),
                 ], buttons=[Button("登记")])


def risk_point_edit(request: HttpRequest, pk: int) -> HttpResponse:
    point: RiskPoint = scoped(RiskPoint, request, pk)
    return _page(request, title="修改廉政风险点", draft_key=f"riskpoint-{pk}", record=point,
                 detail="riskpoint",
                 refusal=_refusal(request, "oversight.rectify", point.organization),
                 about=[("单位", point.organization.name)],
                 inputs=_risk_inputs(request, point), buttons=[Button("保存修改")])
def _charged_units(request: HttpRequest) -> list[Organization]:
    person = getattr(request.user, "person_id", None)
    return [c.organization for c in Charge.objects.current().filter(leader_id=person)
            .select_related("organization").order_by("organization__path")] if person else []


def inspection_new(request: HttpRequest) -> HttpResponse:
    units = [(str(u.pk), u.name) for u in _charged_units(request)]
    topics = list(InspectionTopic.choices)
    results = [("", "（不填）"), *ItemResult.choices]
    items: list[Input] = []
    for n, (_topic, label) in enumerate(topics, start=1):
        items += [Input(f"item{n}_text", f"检查事项：{label}", required=False,
                        help="如：“三重一大”事项是否集体决策"),
                  Input(f"item{n}_result", f"检查结果：{label}", "select", results,
                        required=False)]
    return _page(request, title="登记督导检查", draft_key="inspection",
                 refusal=_refusal(request, "oversight.supervise"),
                 back="oversight:inspection_list",
                 about=[("依据", INSPECTION_RULE.text), ("出处", INSPECTION_RULE.citation)],
                 inputs=[
                     Input("targets", "被检查单位（本人分管）", "checks", units),
                     Input("topics", "检查内容", "checks", topics,
                           values=[value for value, _ in topics]),
                     Input("inspected_on", "检查日期", "date", value=_today()),
                     *items,
                     Input("report", "检查报告", "textarea", required=False),
                 ], buttons=[Button("登记")])


def inspection_finding(request: HttpRequest, pk: int) -> HttpResponse:
    inspection: Inspection = scoped(Inspection, request, pk)
    own = getattr(request.user, "person_id", None) == inspection.organizer_id
    refusal = "" if own else "只能为本人组织的督导检查登记问题"
    targets = [(str(t.pk), t.name) for t in inspection.targets.order_by("path")]
    return _page(request, title="登记督导检查发现的问题", draft_key=f"inspection-finding-{pk}",
                 record=inspection, detail="inspection", refusal=refusal,
                 about=[("检查内容", inspection.topics_text),
                        ("问题来源", "督导检查")],
                 inputs=[
                     Input("organization", "问题单位", "select", targets),
                     Input("category", "问题类别", "select", _terms(TermKind.CATEGORY)),
                     Input("severity", "严重程度", "select", _terms(TermKind.SEVERITY)),
                     Input("discovered_on", "发现日期", "date",
                           value=inspection.inspected_on.isoformat()),
                     Input("description", "问题描述", "textarea"),
                     Input("regulation", "违反的规定（可选）", required=False),
                 ], buttons=[Button("登记")])


def inspection_attach(request: HttpRequest, pk: int) -> HttpResponse:
    inspection: Inspection = scoped(Inspection, request, pk)
    return _page(request, title="上传检查报告", draft_key=f"inspection-attach-{pk}",
                 record=inspection, detail="inspection", multipart=True,
                 refusal=organiser_refusal(request.user, inspection, "上传检查报告"),
                 about=[("检查日期", inspection.inspected_on.isoformat()),
                        ("检查内容", inspection.topics_text)],
                 inputs=[Input("file", "检查报告文件", "file",
                               help="签字盖章的检查报告扫描件或正式文本")],
                 buttons=[Button("上传")])


def campaign_new(request: HttpRequest) -> HttpResponse:
    return _page(request, title="发起专项整治", draft_key="campaign",
                 refusal=_refusal(request, "oversight.inspect"),
                 back="oversight:campaign_list",
                 about=[("依据", CAMPAIGN_RULE.text), ("出处", CAMPAIGN_RULE.citation)],
                 inputs=[
                     Input("name", "名称"),
                     Input("starts_on", "开始日期", "date", value=_today()),
                     Input("ends_on", "结束日期", "date"),
                     Input("basis", "依据", "textarea"),
                 ], buttons=[Button("发起")])


def campaign_findings(request: HttpRequest, pk: int) -> HttpResponse:
    campaign: Campaign = scoped(Campaign, request, pk)
    findings = selectors.findings_for(request.user).filter(campaign__isnull=True).exclude(
        status__in=[FindingStatus.CLOSED, FindingStatus.WITHDRAWN]).order_by(
        "organization__path", "-discovered_on")[:300]
    return _page(request, title="列入专项整治的问题", draft_key=f"campaign-findings-{pk}",
                 record=campaign, detail="campaign",
                 refusal=_refusal(request, "oversight.inspect"),
                 inputs=[Input("findings", "问题（未列入其他专项整治、未销号）", "checks",
                               [(str(f.pk), f"{f.organization.name}：{f.description[:60]}")
                                for f in findings])],
                 buttons=[Button("列入")])


def campaign_plan(request: HttpRequest, pk: int) -> HttpResponse:
    campaign: Campaign = scoped(Campaign, request, pk)
    linked_ids = set(campaign.plan_links.values_list("plan_id", flat=True))
    plans = [(str(p.pk), p.label) for p in linked.offered(PLAN, request.user)
             if p.pk not in linked_ids]
    return _page(request, title="关联工作部署", draft_key=f"campaign-plan-{pk}",
                 record=campaign, detail="campaign",
                 refusal=_refusal(request, "oversight.inspect"),
                 inputs=[Input("plan", "工作部署", "select", plans)],
                 buttons=[Button("关联")])


ACTION_PAGES: dict[str, tuple[Callable[..., HttpResponse], Callable[..., HttpResponse]]] = {
    "finding-new": (finding_new, views.finding_new),
    "notice-new": (notice_new, views.notice_new),
    "notice-act": (notice_act, views.notice_act),
    "measure-new": (measure_new, views.measure_new),
    "measure-progress": (measure_progress, views.measure_progress),
    "measure-evidence": (measure_evidence, views.measure_evidence),
    "measure-submit": (measure_submit, views.measure_submit),
    "measure-verify": (measure_verify, views.measure_verify),
    "selfcheck-answer": (self_check_answer, views.self_check_answer),
    "selfcheck-send": (self_checks_send, views.self_checks_send),
    "accountability-decide": (accountability_decide, views.accountability_decide),
    "accountability-complete": (accountability_complete, views.accountability_complete),
    "accountability-correct": (accountability_correct, views.accountability_correct),
    "accountability-new": (accountability_new, views.accountability_new),
    "finding-correct": (finding_correct, views.finding_correct),
    "finding-withdraw": (finding_withdraw, views.finding_withdraw),
    "finding-recheck": (finding_recheck, views.finding_recheck),
    "measure-edit": (measure_edit, views.measure_edit),
    "progress-correct": (progress_correct, views.progress_correct),
    "riskpoint-new": (risk_point_new, views.risk_point_new),
    "riskpoint-edit": (risk_point_edit, views.risk_point_edit),
    "inspection-new": (inspection_new, views.inspection_new),
    "inspection-finding": (inspection_finding, views.inspection_finding),
    "inspection-attach": (inspection_attach, views.inspection_attach),
    "campaign-new": (campaign_new, views.campaign_new),
    "campaign-findings": (campaign_findings, views.campaign_findings),
    "campaign-plan": (campaign_plan, views.campaign_plan),
}


def view(name: str) -> Callable[..., HttpResponse]:
    page, post = ACTION_PAGES[name]
    return page_or_action(page, post)

