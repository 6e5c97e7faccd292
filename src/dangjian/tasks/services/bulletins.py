"""督查通报: the state of supervised tasks, frozen into a numbered document when issued."""

from collections import Counter
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require
from dangjian.documents.gbt9704 import chinese_date
from dangjian.orgs.models import Organization

from ..models import Bulletin, Plan, TaskStatus
from ..selectors import lights, period_of, reported_periods, tasks_for, with_lights


def bulletin_issue(*, actor: User, organization: Organization, plan: Plan | None = None
                   ) -> Bulletin:
    """Number and freeze a bulletin on the tasks led within ``organization`` (of one plan)."""
    require(actor, "tasks.plan", organization)
    tasks = tasks_for(actor).filter(lead_unit__path__startswith=organization.path).exclude(
        status=TaskStatus.WITHDRAWN)
    if plan is not None:
        tasks = tasks.filter(plan=plan)
    rows = with_lights(tasks.order_by("lead_unit__path", "number"), lights())
    if not rows:
        raise ValidationError("范围内没有督办任务，无需通报")
    today = timezone.localdate()
    figures = _figures(rows, today)
    scope = f"《{plan.title}》" if plan else organization.name
    with transaction.atomic():
        last = Bulletin.objects.select_for_update().filter(year=today.year).aggregate(
            n=Max("sequence"))["n"] or 0
        bulletin = Bulletin.objects.create(
            organization=organization, plan=plan, year=today.year, sequence=last + 1,
            title=f"关于{scope}督办任务落实情况的通报", body=_body(scope, figures, today),
            figures=figures, issued_by=actor, issued_on=today)
        record(actor=actor, action="bulletin.issue", target=bulletin,
               after={"number": bulletin.number, **figures["totals"]})
    return bulletin


def _figures(rows: list[Any], today: date) -> dict[str, Any]:
    status = Counter(t.status for t in rows)
    light = Counter(t.light for t in rows if t.is_open)
    periods = reported_periods(rows)
    late = sorted({t.lead_unit.name for t in rows if (p := period_of(t, today)) and t.is_open
                   and p.key not in periods[t.pk] and today > p.deadline})
    return {
        "totals": {"total": len(rows), "done": status[TaskStatus.DONE],
                   "in_progress": status[TaskStatus.IN_PROGRESS],
                   "not_started": status[TaskStatus.NOT_STARTED],
                   "red": light["red"], "yellow": light["yellow"]},
        "overdue": [{"unit": t.lead_unit.name, "title": t.title, "leader": t.leader.name,
                     "due_on": t.due_on.isoformat()} for t in rows
                    if t.is_open and t.light == "red"],
        "late_reports": late,
    }


def _body(scope: str, figures: dict[str, Any], today: date) -> list[str]:
    t = figures["totals"]
    rate = round(100 * t["done"] / t["total"]) if t["total"] else 0
    body = [
        "一、总体推进情况",
        f"截至{chinese_date(today)}，{scope}共列入督办任务{t['total']}项，已完成{t['done']}项"
        f"（完成率{rate}%），推进中{t['in_progress']}项，未启动{t['not_started']}项；"
        f"其中逾期未完成{t['red']}项，临近时限{t['yellow']}项。",
        "二、逾期未完成任务",
    ]
    overdue = figures["overdue"]
    if overdue:
        body += [f"{n}.{row['unit']}牵头的“{row['title']}”，完成时限"
                 f"{chinese_date(date.fromisoformat(row['due_on']))}，责任领导{row['leader']}。"
                 for n, row in enumerate(overdue, 1)]
    else:
        body.append("无逾期未完成任务。")
    body.append("三、进展报送情况")
    late = figures["late_reports"]
    body.append(f"本期未按时报送进展的单位：{'、'.join(late)}。" if late
                else "各牵头单位均已按时报送本期进展。")
    body += [
        "四、下步要求",
        "各牵头单位要对照任务清单逐项落实，逾期任务于5个工作日内书面说明原因、提出整改措施和"
        "完成时限；各责任领导要加强督促指导，确保各项任务按期落实落细。",
    ]
    return body
