"""The authorization matrix: every /api/v1/ endpoint × every demo role × one object inside and
one outside the role's scope, measured through the API and written as docs/authorization.md.

Endpoints come from the URL conf through drf-spectacular's enumerator (the schema's own source),
so a new endpoint appears in the table by itself, and one whose resource names no objects fails
here until it is added to ``RESOURCES``. Each request runs in a savepoint that is rolled back:
writes are probed, never kept.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Model
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from drf_spectacular.generators import EndpointEnumerator
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.access.scoping import may_enter_data
from dangjian.assessment.models import Appeal, Indicator, Result, Scheme, Score, TargetKind
from dangjian.audit.services import record
from dangjian.core.files.checks import checked_upload
from dangjian.core.files.storage import store_upload
from dangjian.demo.generator import DEMO_ACCOUNTS
from dangjian.duties.models import ResponsibilityTemplate
from dangjian.duties.services.fulfilments import fulfilment_record
from dangjian.notifications.models import Notification
from dangjian.openness.models import (
    CatalogueItem,
    Disclosure,
    DisclosureRequest,
    DisclosureStatus,
    Feedback,
)
from dangjian.orglife.models import AgendaTag
from dangjian.orglife.services.attachments import meeting_attach
from dangjian.orgs.models import Organization, OrgKind
from dangjian.oversight.models import (
    Accountability,
    Campaign,
    Inspection,
    InspectionFile,
    Notice,
    Progress,
    SelfCheck,
    Term,
)
from dangjian.oversight.services.measures import measure_add_evidence
from dangjian.people.models import Link
from dangjian.tasks.matching import charged_leader
from dangjian.tasks.services.progress import task_report_progress
from dangjian.villages.models import (
    CampaignEntry,
    CampaignStep,
    CreationCampaign,
    EntryStage,
    Income,
    Village,
)
from dangjian.villages.models import Target as VillageTarget
from tests.access import test_matrix as orgs_scope
from tests.access.matrix import BRANCH, INSIDE, MEMBERS_BRANCH, OUTSIDE, SEES, WHERE, ScopeMatrix
from tests.duties import test_scope as duties_scope
from tests.members import test_scope as members_scope
from tests.orglife import test_scope as orglife_scope
from tests.oversight import test_scope as oversight_scope
from tests.tasks import test_scope as tasks_scope

API = "/api/v1/"
DOC = Path(__file__).resolve().parents[2] / "docs" / "authorization.md"
REGENERATE = "DANGJIAN_WRITE_AUTH_DOC=1 .venv/bin/pytest tests/access/test_authorization_doc.py"
ANONYMOUS = "anonymous"
ROLES = [*SEES, ANONYMOUS]
ADMINS = ("admin", "secadmin", "auditor")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
OK, ROW_ABSENT = "✓", "○"


# --- what each resource is probed with -------------------------------------------------------

Triple = tuple[Model, Model, Model]  # (inside, in the member's branch, outside)


@dataclass(frozen=True)
class Resource:
    title: str
    objects: Callable[[], Triple] | None = None
    sees: dict[str, set[str]] = field(default_factory=lambda: SEES)
    # Query parameters for the resource's GET collection endpoints: brings the object onto the
    # list's first page, or names it (e.g. the organisation of a compliance report).
    query: Callable[[Any], dict[str, Any]] = lambda obj: {"page_size": 500}
    # Path parameters besides {pk} (e.g. {evidence}) for an object, made on demand.
    params: Callable[[Any], dict[str, Any]] = lambda obj: {}
    note: str = ""


def _only(*usernames: str) -> dict[str, set[str]]:
    return {u: (set(WHERE) if u in usernames else set()) for u in SEES}


def _triple(matrix: type[ScopeMatrix]) -> Callable[[], Triple]:
    case = matrix()
    return lambda: (case.inside(), case.branch(), case.outside())


def _matrix(title: str, matrix: type[ScopeMatrix], **more: Any) -> Resource:
    """A resource probed with the objects of its ScopeMatrix test."""
    return Resource(title, _triple(matrix), matrix.sees, matrix().search, **more)


def _clerk(org: Organization) -> User:
    """The demo clerk whose unit holds ``org``: the one who may attach evidence to its records."""
    clerks = User.objects.filter(username__in=["finance_clerk", "edu_clerk"]).order_by("pk")
    return next(clerk for clerk in clerks if may_enter_data(clerk, org))


def _pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("证明.pdf", b"%PDF-1.4\n% authz\n", content_type="application/pdf")


def _measure_evidence(measure: Any) -> dict[str, Any]:
    evidence = measure_add_evidence(actor=_clerk(measure.finding.organization), measure=measure,
                                    upload=_pdf())
    return {"evidence": evidence.pk}


def _measure_records(measure: Any) -> dict[str, Any]:
    """An evidence file and a progress entry (to correct) of the measure."""
    entry = Progress.objects.create(measure=measure, text="进展",
                                    author=_clerk(measure.finding.organization))
    return {**_measure_evidence(measure), "entry": entry.pk}


def _task_evidence(task: Any) -> dict[str, Any]:
    report = task_report_progress(actor=_clerk(task.lead_unit), task=task, text="进展",
                                  files=[_pdf()])
    return {"evidence": report.evidence.get().pk}


def _meeting_attachment(meeting: Any) -> dict[str, Any]:
    attachment = meeting_attach(actor=_clerk(meeting.organization), meeting=meeting,
                                upload=_pdf(), kind="签到表")
    return {"attachment": attachment.pk}


def _inspection_file(inspection: Any) -> dict[str, Any]:
    """A file of the inspection, stored as its organiser's upload is (the organiser of the
    outside one, 县教育局's vice head, has no demo account)."""
    upload = _pdf()
    fields = checked_upload(upload, allowed_types=["pdf"], max_bytes=1024 * 1024)
    kept = store_upload(InspectionFile(inspection=inspection, **fields), upload)
    return {"file": kept.pk}


def _fulfilments() -> Triple:
    """Records with an evidence file, of the bodies of duties' ScopeMatrix tests."""
    inside, branch, outside = (
        fulfilment_record(actor=User.objects.get(username=duties_scope.CLERKS[body]),
                          done_on=timezone.localdate().replace(month=1, day=1),
                          item=duties_scope._list(body).items.filter(
                              template_key__in=["org.study", "branch.study"]).first()
                          or duties_scope._list(body).items.first(),
                          description=f"{body}专题研究", files=[_pdf()])
        for body in ("县财政局党组", MEMBERS_BRANCH, "县教育局党组"))
    return inside, branch, outside


def _units() -> tuple[Organization, Organization, Organization]:
    inside, branch, outside = (Organization.objects.get(name=name)
                               for name in ("县财政局", MEMBERS_BRANCH, "县教育局"))
    return inside, branch, outside


def _self_checks() -> Triple:
    inside, branch, outside = (SelfCheck.objects.get_or_create(
        origin=oversight_scope._finding(unit.name), organization=unit,
        defaults={"due_on": timezone.localdate() + timedelta(days=14)})[0] for unit in _units())
    return inside, branch, outside


def _accountability() -> Triple:
    """Cases of 县财政局, of the member's branch naming a colleague, and of 县教育局."""
    colleague = User.objects.get(username="finance_clerk").person
    inside, branch, outside = (
        Accountability.objects.create(organization=unit, reason=f"{unit}的问责事由",
                                      person=colleague if unit.name == MEMBERS_BRANCH else None)
        for unit in _units())
    return inside, branch, outside


def _notices() -> Triple:
    inspector = User.objects.get(username="inspector")
    area = inspector.grants.get(role=Role.INSPECTOR).organization

    def notice(unit: Organization) -> Notice:
        made = Notice.objects.create(recipient=charged_leader(unit), organization=area,
                                     reply_due=timezone.localdate() + timedelta(days=14),
                                     created_by=inspector)
        made.findings.set([oversight_scope._finding(unit.name)])
        return made

    inside, branch, outside = (notice(unit) for unit in _units())
    return inside, branch, outside


def _inspections() -> Triple:
    """督导检查 of 县财政局, of the member's branch and of 县教育局, each by its vice head."""
    inspector = User.objects.get(username="inspector")

    def inspection(unit: Organization) -> Inspection:
        made = Inspection.objects.create(organizer=charged_leader(unit), organization=unit,
                                         topics=["执行党章"], inspected_on=timezone.localdate(),
                                         created_by=inspector)
        made.targets.set([unit])
        return made

    inside, branch, outside = (inspection(unit) for unit in _units())
    return inside, branch, outside


def _campaigns() -> Triple:
    inspector = User.objects.get(username="inspector")
    today = timezone.localdate()
    inside, branch, outside = (
        Campaign.objects.get_or_create(
            organization=unit, name=f"{unit.name}专项整治",
            defaults={"starts_on": today, "ends_on": today + timedelta(days=90),
                      "basis": "依据", "created_by": inspector})[0] for unit in _units())
    return inside, branch, outside


def _accounts() -> Triple:
    inside, branch, outside = (User.objects.get(username=name)
                               for name in ("member", "finance_clerk", "edu_clerk"))
    return inside, branch, outside


def _terms() -> Triple:
    """Three entries of the county's lists: settings, not business data, read by everyone."""
    inside, branch, outside = (Term.objects.get(kind="source", name=name)
                               for name in ("巡察反馈", "审计", "自查"))
    return inside, branch, outside


def _agenda_tags() -> Triple:
    inside, branch, outside = (AgendaTag.objects.get(key=key)
                               for key in ("discipline", "ideology", "integrity"))
    return inside, branch, outside


SETTINGS_NOTE = ("县里的可配置选项，不是业务数据，不分查看范围：所有登录用户都可读取"
                 "（表单据此提供选项），只有系统管理员（`admin`）可以新建和修改；三个对象为{what}。")
EVERYONE = {u: set(WHERE) for u in SEES}


def _grants() -> Triple:
    inside, branch, outside = (account.grants.get() for account in _accounts())
    return inside, branch, outside


def _notifications() -> Triple:
    inside, branch, outside = (Notification.objects.create(
        recipient=account, kind="authz.matrix", title="授权矩阵", dedupe_key="authz-matrix")
        for account in _accounts())
    return inside, branch, outside


def _audit_events() -> Triple:
    inside, branch, outside = (record(actor=account, action="authz.matrix", target=account)
                               for account in _accounts())
    return inside, branch, outside


def _templates() -> Triple:
    """责任清单模板: the demo county's active and earlier versions, and another county's."""
    county = Organization.objects.get(path=_units()[0].path[:Organization.steplen])
    other = (Organization.objects.filter(name="中共邻县委员会").first()
             or Organization.objects.add_root({"name": "中共邻县委员会", "kind": county.kind}))
    author = User.objects.get(username="assessor")
    inside, branch, outside = (
        ResponsibilityTemplate.objects.get_or_create(
            organization=org, version=version,
            defaults={"title": title, "active": active, "created_by": author})[0]
        for org, version, title, active in ((county, 2, "第二版", True),
                                            (county, 1, "第一版", False),
                                            (other, 1, "邻县模板", True)))
    return inside, branch, outside


def _compliance_query(org: Model) -> dict[str, Any]:
    return {"organization": org.pk, "year": timezone.localdate().year}


def _schemes() -> Triple:
    """Draft 考核方案 over 县财政局, over the member's branch and over 县教育局."""
    inside, branch, outside = (
        Scheme.objects.create(year=2026, name=f"{unit.name}考核", organization=unit,
                              target_kind=TargetKind.DEPARTMENT) for unit in _units())
    for scheme in (inside, branch, outside):
        Indicator.objects.create(scheme=scheme, code="1", name="实绩", max_points=100)
    return inside, branch, outside


def _indicators() -> Triple:
    inside, branch, outside = (scheme.indicators.get() for scheme in _schemes())
    return inside, branch, outside


def _scores() -> Triple:
    """Scores of a released county scheme: 县财政局, the member's branch, 县教育局."""
    unit = _units()[0]
    county = Organization.objects.get(path=unit.path[:Organization.steplen])
    scheme = Scheme.objects.create(year=2026, name="全县考核", organization=county,
                                   target_kind=TargetKind.DEPARTMENT,
                                   status=Scheme.Status.RELEASED)
    indicator = Indicator.objects.create(scheme=scheme, code="1", name="实绩", max_points=100)
    inside, branch, outside = (
        Score.objects.create(indicator=indicator, organization=unit, period="2026", points=60)
        for unit in _units())
    return inside, branch, outside


def _appeals() -> Triple:
    clerk = User.objects.get(username="finance_clerk")
    inside, branch, outside = (
        Appeal.objects.create(score=score, reason="复核", raised_by=clerk,
                              points_before=score.points) for score in _scores())
    return inside, branch, outside


def _results() -> Triple:
    inside, branch, outside = (
        Result.objects.create(scheme=score.indicator.scheme, organization=score.organization,
                              total=score.points, rank=1, grade="一般")
        for score in _scores())
    return inside, branch, outside


def _catalogue() -> Triple:
    clerk = User.objects.get(username="finance_clerk")
    inside, branch, outside = (CatalogueItem.objects.create(
        organization=unit, year=2026, domain="党务", content=f"{unit.name}党费收缴使用",
        audience="党内", cadence="每季", channel="会议", created_by=clerk) for unit in _units())
    return inside, branch, outside


def _disclosures(status: str = DisclosureStatus.DRAFT, audience: str = "党内") -> Triple:
    clerk = User.objects.get(username="finance_clerk")
    today = timezone.localdate()
    published = today if status == DisclosureStatus.PUBLISHED else None
    inside, branch, outside = (Disclosure.objects.create(
        organization=unit, domain="党务", title=f"{unit.name}公开事项", body="内容",
        audience=audience, channel="公开栏", matter_on=today, due_on=today, status=status,
        published_on=published, drafted_by=clerk) for unit in _units())
    return inside, branch, outside


def _public_disclosures() -> Triple:
    return _disclosures(DisclosureStatus.PUBLISHED, "向社会")


def _feedback() -> Triple:
    today = timezone.localdate()
    inside, branch, outside = (Feedback.objects.create(
        disclosure=disclosure, text="留言", address_hash="authz", answer_due=today)
        for disclosure in _public_disclosures())
    return inside, branch, outside


def _disclosure_requests() -> Triple:
    clerk = User.objects.get(username="finance_clerk")
    today = timezone.localdate()
    inside, branch, outside = (DisclosureRequest.objects.create(
        organization=unit, applicant="申请人", content="申请公开", received_on=today,
        due_on=today + timedelta(days=28), created_by=clerk) for unit in _units())
    return inside, branch, outside


OPENNESS_NOTE = ("范围内、本支部、范围外各为县财政局、`member` 所在支部、县教育局的{what}；"
                 "拟稿、公开、答复由本单位党务干事或书记办理，审批与撤回只属于本单位书记，"
                 "审核人与审批人不能是拟稿人。")
ASSESSMENT_NOTE = ("考核的写操作只属于考核管理员（`assessor`，不在本表的十个账号中）"
                   "与审定的县领导；范围内、本支部、范围外各为县财政局、`member` 所在支部、"
                   "县教育局的{what}。")
def _demo_villages() -> list[Organization]:
    """The demo's villages in tree order: ``vice_head`` is 包联 leader of the second (the demo
    village clerk's) and of the sixth; the third and the last are nobody's of this cast."""
    return list(Organization.objects.filter(kind=OrgKind.VILLAGE).order_by("path"))


def _village_triple() -> list[Organization]:
    villages = _demo_villages()
    return [villages[1], villages[2], villages[-1]]


def _village_profiles() -> Triple:
    inside, branch, outside = (Village.objects.get(organization=v) for v in _village_triple())
    return inside, branch, outside


def _village_incomes() -> Triple:
    year = timezone.localdate().year - 2
    inside, branch, outside = (Income.objects.get(organization=v, year=year)
                               for v in _village_triple())
    return inside, branch, outside


def _village_targets() -> Triple:
    county = Organization.objects.get(name="中共示范县委员会")
    year = timezone.localdate().year
    made = VillageTarget.objects.create(organization=county, year=year, threshold=10)
    inside, branch = VillageTarget.objects.filter(organization=county, year__lt=year)[:2]
    return inside, branch, made


def _links() -> Triple:
    vice_head = User.objects.get(username="vice_head").person
    villages = _village_triple()
    inside = Link.objects.get(leader=vice_head, organization=villages[0])
    branch, outside = (Link.objects.create(leader=vice_head, organization=v,
                                           start_on=date(2000, 1, 1), end_on=date(2000, 12, 31))
                       for v in villages[1:])
    return inside, branch, outside


def _campaigns_of_villages() -> Triple:
    county = Organization.objects.get(name="中共示范县委员会")
    made = []
    for village in _village_triple():
        campaign = CreationCampaign.objects.create(
            name=f"{village.name}森林管护区创建", kind="森林管护区", year=2026,
            dimensions=["管护"], organiser=county)
        campaign.participants.set([village])
        made.append(campaign)
    return made[0], made[1], made[2]


def _campaign_entries() -> Triple:
    clerk = User.objects.get(username="village_clerk")
    made = []
    for campaign in _campaigns_of_villages():
        entry = CampaignEntry.objects.create(campaign=campaign, dimension="管护",
                                             organization=campaign.participants.get(),
                                             stage=EntryStage.SELF_EVALUATED)
        CampaignStep.objects.create(entry=entry, stage=EntryStage.SELF_EVALUATED, actor=clerk,
                                    on=date(2026, 1, 5))
        made.append(entry)
    return made[0], made[1], made[2]


# 包联 reads: county-wide roles see every village; vice_head the village of his current 包联
# link only; the departments' clerks, the member and the 三员 none.
LINKED_SEES = {**_only("county_head", "inspector"), "vice_head": {INSIDE}}
VILLAGE_NOTE = ("范围内为 `vice_head` 当前包联的村（演示村务干事所在村），本支部、范围外为"
                "另两个村（本表借用这两列）。包联只读：`vice_head` 能看不能写；填报、审核、"
                "核定分属村、乡镇、县级的党务干事（`village_clerk`、`town_clerk`、"
                "`county_clerk`，不在本表的十个账号中）。")

BODY_SEES = tasks_scope.UNIT_SEES  # a member's own records hold no unit or branch business
RESOURCES: dict[str, Resource] = {
    "accountability": Resource("问责", _accountability, BODY_SEES),
    "agenda-tags": Resource("议题标签", _agenda_tags, EVERYONE,
                            note=SETTINGS_NOTE.format(what="三个议题标签")),
    "assessment/appeals": Resource("考核复核", _appeals, BODY_SEES,
                                   note=ASSESSMENT_NOTE.format(what="得分的复核申请")),
    "assessment/indicators": Resource("考核指标", _indicators, BODY_SEES,
                                      note=ASSESSMENT_NOTE.format(what="考核方案草稿的指标")),
    "assessment/results": Resource("考核结果", _results, BODY_SEES,
                                   note=ASSESSMENT_NOTE.format(what="已公布考核结果")),
    "assessment/schemes": Resource("考核方案", _schemes, BODY_SEES,
                                   note=ASSESSMENT_NOTE.format(what="考核方案草稿")),
    "assessment/scores": Resource("考核得分", _scores, BODY_SEES,
                                  note=ASSESSMENT_NOTE.format(what="考核得分")),
    "audit-events": Resource(
        "审计日志", _audit_events, _only("auditor"),
        lambda e: {"action": e.action, "username": e.username, "page_size": 500},
        note="范围内：`member` 产生的事件；本支部：`finance_clerk` 产生的事件；"
             "范围外：`edu_clerk` 产生的事件。"),
    "auth": Resource("接口令牌", note="签发令牌是唯一的公开接口；空请求体。"),
    "bulletins": _matrix("督查通报", tasks_scope.TestBulletinsMatrix),
    "candidates": _matrix("发展党员", members_scope.TestCandidatesMatrix),
    "compliance": Resource(
        "三会一课合规", _triple(orgs_scope.TestOrganizationsMatrix),
        orgs_scope.TestOrganizationsMatrix.sees, query=_compliance_query,
        note="以查询参数 `organization` 指定组织：范围内与本支部均为 `member` 所在支部，"
             "范围外为县教育局的支部。"),
    "disclosure-catalogue": Resource("公开目录", _catalogue, BODY_SEES,
                                     note=OPENNESS_NOTE.format(what="公开目录事项")),
    "disclosure-feedback": Resource("群众留言", _feedback, BODY_SEES,
                                    note=OPENNESS_NOTE.format(what="公开事项下的群众留言")),
    "disclosure-requests": Resource("依申请公开", _disclosure_requests, BODY_SEES,
                                    note=OPENNESS_NOTE.format(what="依申请公开登记")),
    "disclosures": Resource("公开事项", _disclosures, BODY_SEES,
                            note=OPENNESS_NOTE.format(what="拟稿状态的党内公开事项")),
    "public/disclosures": Resource(
        "公开网站", _public_disclosures, {**EVERYONE, ANONYMOUS: set(WHERE)},
        note="公开网站（/gongkai/）的接口，无需登录：只读出已公开且向社会公开的事项；"
             "三个对象都是已向社会公开的事项，所以人人可见。拟稿、党内、已撤回的事项一律 404"
             "（tests/openness/test_portal.py）。留言按来源地址限流。"),
    "dashboard": Resource(
        "领导驾驶舱",
        note="本人查看范围内的驾驶舱数字，只读；"
             "仅县领导、分管领导、纪检监察和单位书记可用，其他角色 403。"),
    "findings": _matrix("问题台账", oversight_scope.TestFindingsMatrix),
    "fulfilments": Resource(
        "履责记实", _fulfilments, duties_scope.TestFulfilmentsMatrix.sees,
        params=lambda f: {"evidence": f.evidence.get().pk},
        note="范围内、本支部、范围外各为县财政局党组、`member` 所在支部、县教育局党组"
             "责任清单下带一份佐证材料的记实。"),
    "grants": Resource("角色授权", _grants, _only("secadmin"), lambda g: {"user": g.user_id},
                       note="范围内：`member` 的授权；本支部：`finance_clerk` 的授权；"
                            "范围外：`edu_clerk` 的授权。"),
    "inbox": Resource("站内信", _notifications,
                      {**_only(), "member": {INSIDE}, "finance_clerk": {BRANCH},
                       "edu_clerk": {OUTSIDE}},
                      note="站内信只属于收件人：范围内发给 `member`，本支部发给 `finance_clerk`，"
                           "范围外发给 `edu_clerk`。"),
    "inspections": Resource(
        "督导检查", _inspections, BODY_SEES, params=_inspection_file,
        note="范围内、本支部、范围外各为县财政局、`member` 所在支部、县教育局的督导检查，"
             "组织者为分管该单位的领导（前两个为 `vice_head`）；登记发现问题只属于组织者本人。"),
    "lockouts": Resource("登录锁定", note="安全管理员查看并解除登录锁定；空请求体。"),
    "me": Resource("当前用户"),
    "measures": _matrix("整改措施", oversight_scope.TestMeasuresMatrix, params=_measure_records),
    "heart-talks": _matrix("谈心谈话", orglife_scope.TestHeartTalksMatrix),
    "life-meetings": _matrix("民主生活会", orglife_scope.TestLifeMeetingsMatrix),
    "meetings": _matrix("组织生活会议", orglife_scope.TestMeetingsMatrix,
                        params=_meeting_attachment),
    "members": Resource("党员花名册导入、队伍结构与走访慰问覆盖",
                        note="花名册导入：空请求体。队伍结构、走访慰问覆盖：本人查看范围内的"
                             "统计，只读；三员 403。"),
    "notices": Resource(
        "监督工作提示单", _notices,
        {**_only("county_head", "inspector"), "vice_head": {INSIDE, BRANCH}},
        note="提示单发出范围为纪检监察组的全县；范围内与本支部致分管县财政局的领导"
             "（即 `vice_head`），范围外致分管县教育局的领导。"),
    "organizations": _matrix("组织", orgs_scope.TestOrganizationsMatrix),
    "persons": _matrix("人员", orgs_scope.TestPersonsMatrix),
    "pickers": Resource("选择器", note="按名称、拼音首字母或全拼查找范围内的组织和人员"
                                      "（至多20条），只读；范围外的从不返回。"),
    "plans": _matrix("部署与任务分解", tasks_scope.TestPlansMatrix),
    "rectification-campaigns": Resource(
        "专项整治", _campaigns, BODY_SEES,
        note="范围内、本支部、范围外各为县财政局、`member` 所在支部、县教育局的专项整治；"
             "发起、列入问题和关联工作部署只属于纪检监察。"),
    "responsibility-items": _matrix("责任事项", duties_scope.TestItemsMatrix),
    "responsibility-lists": _matrix("责任清单", duties_scope.TestListsMatrix),
    "responsibility-templates": Resource(
        "责任清单模板", _templates,
        {**_only(), "county_head": {INSIDE, BRANCH}, "inspector": {INSIDE, BRANCH}},
        note="模板属于全县（县委）：范围内为本县启用的版本，本支部为本县已停用的旧版本，"
             "范围外为另一个县的模板。导入（`import/`）只属于本县考核管理员（`assessor`，"
             "不在本表的十个账号中）或县委本级的党务干事、书记；空请求体。"),
    "risk-points": _matrix("廉政风险点", oversight_scope.TestRiskPointsMatrix),
    "self-checks": Resource("举一反三自查", _self_checks, BODY_SEES),
    "study-records": _matrix("学习培训记录", members_scope.TestStudyRecordsMatrix),
    "terms": Resource("问题台账可配置选项", _terms, EVERYONE,
                      note=SETTINGS_NOTE.format(what="三个问题来源")),
    "tasks": _matrix("督办任务", tasks_scope.TestTasksMatrix, params=_task_evidence),
    "users": Resource("用户账号", _accounts, _only("admin"),
                      note="范围内：`member` 的账号；本支部：`finance_clerk` 的账号；"
                           "范围外：`edu_clerk` 的账号。"),
    "visits": _matrix("走访慰问", members_scope.TestVisitsMatrix),
    "villages": Resource("村情与村集体经济汇总", _village_profiles, LINKED_SEES,
                         query=lambda obj: {"page_size": 500, "township": obj.organization_id},
                         note=VILLAGE_NOTE + "汇总（`summary/`）以 `township` 指名该村，只统计"
                                             "各人范围内的村，范围外的单位答400。"),
    "village-incomes": Resource("村集体经济收入", _village_incomes, LINKED_SEES,
                                note=VILLAGE_NOTE),
    "village-targets": Resource(
        "村集体经济目标", _village_targets, _only("county_head", "inspector"),
        note="目标属于全县（县委）：范围内、本支部为前两年的目标，范围外为今年新设的目标；"
             "设置只属于县级党务干事或书记（`county_clerk`）。"),
    "campaigns": Resource(
        "创建活动", _campaigns_of_villages, LINKED_SEES,
        note="范围内、本支部、范围外各为只有一个参与村的创建活动，参与村依次为 `vice_head` "
             "包联的村和另两个村；活动由参与村所在的范围看到。发起只属于县级党务干事或书记。"),
    "campaign-entries": Resource(
        "创建申报", _campaign_entries, LINKED_SEES,
        note="范围内、本支部、范围外各为三个村已自评的申报；申报、自评属于村和乡镇，"
             "初验属于乡镇，验收、命名属于县级（同一人不连续办理两个环节）。"),
    "links": Resource(
        "包联关系", _links, LINKED_SEES,
        note="范围内为 `vice_head` 当前的包联关系；本支部、范围外为他已结束的两条包联"
             "（已结束的不再带来查看范围）。新增、结束只属于县级党务干事或书记。"),
}


def _fresh(obj: Any) -> Any:
    return type(obj).objects.get(pk=obj.pk)


Body = Callable[[Any], dict[str, Any]]  # the object asked about → the request body


def _bodies(today: date) -> dict[tuple[str, str], Body]:
    """Minimal valid bodies for the object actions that check the body before the role: an
    empty body would answer 400 before the role (or even the scope) is consulted. Every other
    write is sent an empty body."""
    day = str(today)
    return {
        ("POST", "/api/v1/accountability/{pk}/complete/"): lambda obj: {"on": day},
        ("POST", "/api/v1/accountability/{pk}/correct/"): lambda obj: {
            "reason": "更正", "deciding_body": "县纪委"},
        ("POST", "/api/v1/accountability/{pk}/decide/"): lambda obj: {
            "form": "通报", "decided_on": day, "deciding_body": "县纪委"},
        ("POST", "/api/v1/assessment/appeals/{pk}/decide/"): lambda obj: {
            "outcome": "维持", "answer": "依据充分"},
        ("POST", "/api/v1/candidates/{pk}/close/"): lambda obj: {
            "closed_on": day, "reason": "本人申请"},
        ("POST", "/api/v1/candidates/{pk}/extend/"): lambda obj: {
            "decided_on": day, "months": 6, "reason": "继续考察"},
        ("POST", "/api/v1/candidates/{pk}/steps/"): lambda obj: {"step": 2, "date": day},
        ("PATCH", "/api/v1/measures/{pk}/"): lambda obj: {"version": _fresh(obj).version},
        ("POST", "/api/v1/measures/{pk}/evidence/"): lambda obj: {"file": _pdf()},
        ("POST", "/api/v1/measures/{pk}/progress/"): lambda obj: {"text": "进展"},
        ("POST", "/api/v1/measures/{pk}/progress/{entry}/correct/"): lambda obj: {
            "text": "更正后的进展", "reason": "误报"},
        ("POST", "/api/v1/findings/{pk}/correct/"): lambda obj: {
            "reason": "更正", "regulation": "《中国共产党纪律处分条例》"},
        ("POST", "/api/v1/findings/{pk}/withdraw/"): lambda obj: {"reason": "误登"},
        ("POST", "/api/v1/measures/{pk}/verify/"): lambda obj: {"decision": "return"},
        ("DELETE", "/api/v1/meetings/{pk}/"): lambda obj: {"reason": "误录"},
        ("PATCH", "/api/v1/heart-talks/{pk}/"): lambda obj: {"held_on": day},
        ("POST", "/api/v1/life-meetings/{pk}/opinions/"): lambda obj: {
            "opinions_on": day, "count": 1, "opinions": "意见1条"},
        ("POST", "/api/v1/life-meetings/{pk}/materials/"): lambda obj: {
            "materials_on": day, "materials": "对照检查材料"},
        ("POST", "/api/v1/life-meetings/{pk}/report/"): lambda obj: {
            "reported_on": day, "reported_to": "县委组织部", "number": "财党组〔2026〕1号"},
        ("POST", "/api/v1/meetings/{pk}/attachments/"): lambda obj: {
            "kind": "签到表", "file": _pdf()},
        ("POST", "/api/v1/notices/{pk}/reply/"): lambda obj: {"text": "已整改"},
        ("POST", "/api/v1/self-checks/{pk}/answer/"): lambda obj: {"answer": "不存在"},
        ("POST", "/api/v1/inspections/{pk}/files/"): lambda obj: {"file": _pdf()},
        ("POST", "/api/v1/inspections/{pk}/findings/"): lambda obj: {
            "organization": obj.organization_id, "category": "组织建设", "severity": "一般",
            "description": "督导检查发现的问题"},
        ("POST", "/api/v1/rectification-campaigns/{pk}/findings/"): lambda obj: {
            "findings": [oversight_scope._finding(obj.organization.name).pk]},
        ("POST", "/api/v1/rectification-campaigns/{pk}/plans/"): lambda obj: {
            "plan": tasks_scope._plan(obj.organization.name).pk},
        ("PATCH", "/api/v1/tasks/{pk}/"): lambda obj: {"version": _fresh(obj).version},
        ("POST", "/api/v1/tasks/{pk}/milestones/"): lambda obj: {"title": "节点", "due_on": day},
        ("POST", "/api/v1/tasks/{pk}/progress/"): lambda obj: {"text": "进展"},
        ("POST", "/api/v1/tasks/{pk}/review/"): lambda obj: {"decision": "return"},
        ("POST", "/api/v1/village-incomes/{pk}/verify/"): lambda obj: {
            "decision": "return", "comment": "请补充凭证"},
        ("PATCH", "/api/v1/village-incomes/{pk}/"): lambda obj: {
            "version": _fresh(obj).version, "amounts": {}},
        ("POST", "/api/v1/links/{pk}/end/"): lambda obj: {"end_on": day},
        ("POST", "/api/v1/campaign-entries/{pk}/advance/"): lambda obj: {"decision": "pass"},
    }


# --- endpoints --------------------------------------------------------------------------------

# API prefixes grouping several resources (/api/v1/assessment/schemes/ …): each is its own.
NAMESPACES = {"assessment", "public"}


@dataclass(frozen=True, order=True)
class Endpoint:
    resource: str
    path: str
    order: int
    method: str

    @classmethod
    def of(cls, method: str, path: str) -> "Endpoint":
        parts = path.removeprefix(API).split("/")
        resource = "/".join(parts[:2]) if parts[0] in NAMESPACES else parts[0]
        return cls(resource, path, METHODS.index(method), method)

    @property
    def on_object(self) -> bool:
        return "{pk}" in self.path

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


def api_endpoints() -> list[Endpoint]:
    """Every operation under /api/v1/, as the OpenAPI schema lists it."""
    return sorted(Endpoint.of(method, path)
                  for path, _, method, _ in EndpointEnumerator().get_api_endpoints()
                  if path.startswith(API))


def urlconf_endpoints() -> set[tuple[str, str]]:
    """(method, path) of every route under /api/v1/, read from the URL resolver directly, so
    that an endpoint the schema leaves out is still noticed."""
    return {(method, path) for path, callback in _routes(get_resolver().url_patterns, "/")
            if path.startswith(API) for method in _methods(callback)}


def _routes(patterns: list[Any], prefix: str) -> Iterator[tuple[str, Any]]:
    for pattern in patterns:
        route = prefix + _route(str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern.callback


def _route(pattern: str) -> str:
    pattern = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", pattern.removeprefix("^").removesuffix("$"))
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", pattern).replace("\\.", ".")


def _methods(callback: Any) -> set[str]:
    view = getattr(callback, "cls", None)
    if view is None:
        return set()
    allowed = {m.upper() for m in view.http_method_names} & set(METHODS)
    actions = getattr(callback, "actions", None)
    if actions:
        return {m.upper() for m in actions} & allowed
    return {m for m in allowed if hasattr(view, m.lower())}


# --- measuring --------------------------------------------------------------------------------

Cell = tuple[str, ...]  # one outcome, or (inside, outside)


@dataclass
class Matrix:
    rows: list[tuple[Endpoint, dict[str, Cell]]]
    requests: int = 0


PAGE = {"count", "next", "previous", "results"}  # dangjian.core.api.Pagination's answer


def _outcome(response: Any, obj: Model | None) -> str:
    if response.status_code // 100 != 2:
        return str(response.status_code)
    page = response.json() if obj is not None and \
        response.get("Content-Type", "").startswith("application/json") else None
    if isinstance(page, dict) and set(page) >= PAGE and \
            obj.pk not in {row["id"] for row in page["results"]}:
        return ROW_ABSENT
    return OK


def _client(username: str) -> APIClient:
    client = APIClient()
    client.raise_request_exception = False  # a 500 is recorded (and failed on), not raised
    if username != ANONYMOUS:
        client.force_authenticate(User.objects.get(username=username))
    return client


@dataclass(frozen=True)
class Target:
    """An object asked about, with the values of the path parameters that name it."""

    obj: Model
    values: dict[str, Any]


def _path(endpoint: Endpoint, target: Target | None) -> str:
    values = target.values if target else {}

    def value(match: re.Match[str]) -> str:
        if match[1] not in values:
            raise LookupError(f"{endpoint}: give resource {endpoint.resource!r} a value for "
                              f"{{{match[1]}}} (Resource.params in tests/access/authorization.py)")
        return str(values[match[1]])

    return re.sub(r"\{(\w+)\}", value, endpoint.path)


def _ask(client: APIClient, endpoint: Endpoint, target: Target | None, resource: Resource,
         body: Body | None) -> str:
    path = _path(endpoint, target)
    obj = target.obj if target else None
    with transaction.atomic():
        if endpoint.method == "GET":
            query = resource.query(obj) if obj is not None and not endpoint.on_object else {}
            response = client.get(path, query)
        else:
            data = body(obj) if body else {}
            # multipart when empty too: the upload-only endpoints would answer 415 to JSON
            fmt = "multipart" if not data or any(isinstance(v, SimpleUploadedFile)
                                                 for v in data.values()) else "json"
            response = getattr(client, endpoint.method.lower())(path, data, format=fmt)
        transaction.set_rollback(True)
    return _outcome(response, obj if endpoint.method == "GET" else None)


def _probes(endpoint: Endpoint, pair: list[Target] | None) -> list[Target | None]:
    """The objects an endpoint is asked about: both for object and GET collection endpoints of
    a resource with objects; none for other collection writes and plain endpoints."""
    if pair is not None and (endpoint.on_object or endpoint.method == "GET"):
        return list(pair)
    return [None]  # an object endpoint of a resource without objects fails in _path


def measure() -> Matrix:
    """Ask every endpoint as every role; nothing persists (one rolled-back transaction)."""
    endpoints = api_endpoints()
    missing = sorted({e.resource for e in endpoints} - set(RESOURCES))
    assert not missing, f"resources without an entry in tests/access/authorization.py: {missing}"
    bodies = _bodies(timezone.localdate())
    stale = set(bodies) - {(e.method, e.path) for e in endpoints}
    assert not stale, f"bodies for endpoints that no longer exist: {sorted(stale)}"
    matrix = Matrix([])
    with transaction.atomic():
        pairs = {key: [Target(obj, {"pk": obj.pk, **r.params(obj)}) for obj in r.objects()]
                 if r.objects else None for key, r in RESOURCES.items()}
        clients = {username: _client(username) for username in ROLES}
        for endpoint in endpoints:
            resource = RESOURCES[endpoint.resource]
            probes = _probes(endpoint, pairs[endpoint.resource])
            body = bodies.get((endpoint.method, endpoint.path))
            cells = {username: tuple(_ask(client, endpoint, target, resource, body)
                                     for target in probes)
                     for username, client in clients.items()}
            matrix.rows.append((endpoint, cells))
            matrix.requests += len(probes) * len(clients)
        transaction.set_rollback(True)
    return matrix


# --- the document -----------------------------------------------------------------------------

ROLE_NAMES = {**{a.username: str(a.role) for a in DEMO_ACCOUNTS}, ANONYMOUS: "未登录"}
INTRO = f"""\
# 授权矩阵（角色 × 接口 × 范围内/范围外对象）

> 本文件由测试生成，请勿手工修改。接口或权限变化后重新生成：
>
>     {REGENERATE}
>
> `tests/access/test_authorization_doc.py` 在 SQLite 与 PostgreSQL 上各生成一次并与本文件比对，
> 不一致即失败；同时检查：任何角色都拿不到其查看范围以外的对象，三员（系统管理员、安全管理员、
> 审计管理员）拿不到业务数据，未登录只能访问签发令牌接口与公开网站接口，
> URL 配置中的每个接口都在表中，没有接口出现 5xx。

本表对 `/api/v1/` 下的**每一个接口**（含 issue/acknowledge/verify/progress/evidence 等动作、
document.docx / tasks.xlsx 等文件、/me/、/auth/token/、/compliance/orglife/ 等非对象接口），
以十个演示账号和未登录客户端，在演示县数据上真实发出请求（DRF 测试客户端），记录结果。
“范围内”对象属于县财政局（有归属人的属于 `member`，县财政局机关第一党支部的正式党员），
“本支部”对象属于 `member` 所在的县财政局机关第一党支部但不是 `member` 本人的记录（同事的、支部的），
“范围外”对象属于县教育局；个别资源的取法在其表下注明。普通党员只看到本人的记录，以及各模型声明
对党员所在支部开放的内容（组织、会议、学习培训），看不到支部的监督、督办与责任清单。写操作在回滚的事务中执行，不留下任何数据。
对象上的写操作发送能通过格式校验的最小请求体，使请求确实经过范围与角色检查；新建操作发送空请求体，
只说明角色能否进入该接口（请求体中的每个 id 由 `dangjian.core.scoped_ids.ScopedId`
在调用者的查看范围内解析，超出范围与不存在答同一个 400，不暴露对象是否存在；
`tests/access/test_write_matrix.py` 对每个写接口的每个 id 逐一验证）。

| 符号 | 含义 |
|---|---|
| ✓ | 可访问（2xx）；列表中表示该对象出现在结果中 |
| ○ | 列表可访问，但该对象不在结果中（范围外的行被过滤） |
| 404 | 范围外：对象不存在或不在查看范围内（不暴露其存在） |
| 403 | 无权限：角色不允许该操作 |
| 401 | 未认证 |
| 400 | 通过了范围检查，但请求体或业务规则未通过（空请求体的新建操作不代表该角色可以新建） |
| 409 | 通过了范围检查，但与对象当前状态冲突 |

单元格 `范围内/本支部/范围外`：对象接口与带对象的列表各三个结果；不涉及对象的接口一个结果。
"""


def _column(username: str) -> str:
    return f"{ROLE_NAMES[username]}<br>`{username}`"


def render(matrix: Matrix) -> str:
    endpoints = [e for e, _ in matrix.rows]
    lines = [INTRO, f"共 {len(endpoints)} 个接口、{len(SEES)} 个角色（另加未登录），"
                    f"发出 {matrix.requests} 次请求。", ""]
    last = None
    for endpoint, cells in matrix.rows:
        resource = RESOURCES[endpoint.resource]
        if endpoint.resource != last:
            last = endpoint.resource
            lines += ["", f"## {resource.title}（`{API}{endpoint.resource}/`）", ""]
            if resource.note:
                lines += [resource.note, ""]
            lines += ["| 接口 | " + " | ".join(_column(u) for u in ROLES) + " |",
                      "|---" * (len(ROLES) + 1) + "|"]
        lines.append(f"| `{endpoint}` | " + " | ".join("/".join(cells[u]) for u in ROLES) + " |")
    return "\n".join(lines) + "\n"
