"""The plans as other apps see them through ``dangjian.core.linked`` (oversight's 专项整治
counts its plans' task completion this way, without importing tasks)."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from dangjian.access.scoping import restrict
from dangjian.core.linked import LinkedRecord, register

from .models import Plan
from .models.tasks import TaskStatus

OFFERED = 200


def _records(plans: QuerySet[Plan]) -> list[LinkedRecord]:
    counted = ~Q(tasks__status=TaskStatus.WITHDRAWN)
    plans = plans.annotate(total=Count("tasks", filter=counted),
                           done=Count("tasks", filter=Q(tasks__status=TaskStatus.DONE)))
    return [LinkedRecord(pk=p.pk, label=f"{p.title}（{p.year}年）",
                         organization_id=p.organization_id,
                         url=reverse("tasks:plan_detail", args=[p.pk]),
                         done=p.done, total=p.total)  # type: ignore[attr-defined]
            for p in plans]


def read_plans(ids: Iterable[int], viewer: Any) -> dict[int, LinkedRecord]:
    plans = restrict(Plan.objects.filter(pk__in=list(ids)), viewer)
    return {record.pk: record for record in _records(plans)}


def offer_plans(viewer: Any) -> list[LinkedRecord]:
    return _records(restrict(Plan.objects.all(), viewer).order_by("-year", "-id")[:OFFERED])


def connect() -> None:
    register("tasks.plan", read_plans, offer_plans)
