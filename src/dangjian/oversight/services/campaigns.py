"""专项整治: campaigns launched by the discipline side (纪检监察), with the findings, their
measures and the tasks-app plans that belong to them, and the campaign's own progress.

Plans are linked by id and read through ``dangjian.core.linked`` (oversight and tasks are
sibling apps and do not import each other; see ``models.campaigns``)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.access.scoping import restrict
from dangjian.audit.services import record
from dangjian.core import linked
from dangjian.core.permissions import require

from ..models import Campaign, CampaignPlan, Finding, Measure, MeasureStatus
from ..models.findings import FindingStatus

PLAN = "tasks.plan"
MAX_FINDINGS = 200


def campaign_create(*, actor: User, name: str, starts_on: date, ends_on: date,
                    basis: str) -> Campaign:
    """Launch a campaign in the inspector's area (the organisation of the grant)."""
    require(actor, "oversight.inspect")
    organization = actor.grants.get(role=Role.INSPECTOR).organization
    if organization is None:  # ROLE_RULES give every inspector grant its area
        raise ValidationError("纪检监察授权缺少监督范围，请联系安全管理员")
    errors = {}
    name, basis = name.strip(), basis.strip()
    if not name:
        errors["name"] = "名称不能为空"
    elif len(name) > 100:
        errors["name"] = "名称不能超过100字"
    if not basis:
        errors["basis"] = "请写明依据"
    if ends_on < starts_on:
        errors["ends_on"] = "结束日期不能早于开始日期"
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            campaign = Campaign.objects.create(organization=organization, name=name,
                                               starts_on=starts_on, ends_on=ends_on,
                                               basis=basis, created_by=actor)
            record(actor=actor, action="campaign.create", target=campaign,
                   after={"name": name, "starts_on": starts_on, "ends_on": ends_on})
    except IntegrityError:
        raise ValidationError({"name": f"已有名为“{name}”的专项整治"}) from None
    return campaign


def campaign_add_findings(*, actor: User, campaign: Campaign,
                          findings: list[Finding]) -> Campaign:
    """Count findings in the campaign; a finding belongs to one campaign at most."""
    require(actor, "oversight.inspect")
    if not findings:
        raise ValidationError({"findings": "请选择问题"})
    if len(findings) > MAX_FINDINGS:
        raise ValidationError({"findings": f"一次最多{MAX_FINDINGS}个问题"})
    with transaction.atomic():
        rows = list(Finding.objects.select_for_update().filter(
            pk__in=[f.pk for f in findings]).order_by("pk"))
        taken = [f for f in rows if f.campaign_id is not None]
        if taken:
            same = all(f.campaign_id == campaign.pk for f in taken)
            raise ValidationError({"findings": "所选问题已列入本专项整治" if same
                                   else "所选问题已列入其他专项整治"})
        if any(f.status == FindingStatus.WITHDRAWN for f in rows):
            raise ValidationError({"findings": "已撤销的问题不能列入专项整治"})
        Finding.objects.filter(pk__in=[f.pk for f in rows]).update(campaign=campaign)
        record(actor=actor, action="campaign.add_findings", target=campaign,
               after={"findings": [f.pk for f in rows]})
    return campaign


def campaign_link_plan(*, actor: User, campaign: Campaign, plan_id: int) -> CampaignPlan:
    """Count a plan (工作部署) of the tasks app in the campaign: one the inspector may see."""
    require(actor, "oversight.inspect")
    found = linked.read(PLAN, [plan_id], actor)
    if plan_id not in found:
        raise ValidationError({"plan": "工作部署不存在或不在您的查看范围内"})
    try:
        with transaction.atomic():
            link = CampaignPlan.objects.create(campaign=campaign, plan_id=plan_id,
                                               linked_by=actor)
            record(actor=actor, action="campaign.link_plan", target=campaign,
                   after={"plan": plan_id, "title": found[plan_id].label})
    except IntegrityError:
        raise ValidationError({"plan": "该工作部署已关联本专项整治"}) from None
    return link


@dataclass(frozen=True)
class CampaignProgress:
    """A campaign's figures (进度): findings open/closed, measures on time/overdue, and the
    linked plans' tasks done out of all."""

    findings_open: int
    findings_closed: int
    measures_closed_on_time: int
    measures_closed_late: int
    measures_open_on_time: int
    measures_overdue: int
    plans: int
    tasks_done: int
    tasks_total: int

    @property
    def task_rate(self) -> str:
        return f"{100 * self.tasks_done // self.tasks_total}%" if self.tasks_total else "—"


def campaign_progress(campaign: Campaign, viewer: Any, today: date | None = None
                      ) -> CampaignProgress:
    """The figures over what ``viewer`` may see of the campaign."""
    today = today or timezone.localdate()
    findings = restrict(Finding.objects.filter(campaign=campaign), viewer).exclude(
        status=FindingStatus.WITHDRAWN)
    by_status = findings.aggregate(closed=Count("pk", filter=Q(status=FindingStatus.CLOSED)),
                                   all=Count("pk"))
    closed = Q(status=MeasureStatus.CLOSED)
    measures = restrict(Measure.objects.filter(finding__campaign=campaign), viewer).aggregate(
        closed_on_time=Count("pk", filter=closed & Q(closed_on__lte=F("due_on"))),
        closed_late=Count("pk", filter=closed & Q(closed_on__gt=F("due_on"))),
        open_on_time=Count("pk", filter=~closed & Q(due_on__gte=today)),
        overdue=Count("pk", filter=~closed & Q(due_on__lt=today)))
    plan_ids = campaign.plan_links.values_list("plan_id", flat=True)
    plans = linked.read(PLAN, plan_ids, viewer)
    return CampaignProgress(
        findings_open=by_status["all"] - by_status["closed"],
        findings_closed=by_status["closed"],
        measures_closed_on_time=measures["closed_on_time"],
        measures_closed_late=measures["closed_late"],
        measures_open_on_time=measures["open_on_time"], measures_overdue=measures["overdue"],
        plans=len(plans), tasks_done=sum(p.done for p in plans.values()),
        tasks_total=sum(p.total for p in plans.values()))


def linked_plans(campaign: Campaign, viewer: Any) -> list[linked.LinkedRecord]:
    ids = campaign.plan_links.values_list("plan_id", flat=True)
    return sorted(linked.read(PLAN, ids, viewer).values(), key=lambda p: p.pk)
