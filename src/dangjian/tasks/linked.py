"""The plans as other apps see them through ``dangjian.core.linked`` (oversight's 专项整治
counts its plans' task completion this way, without importing tasks)."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse

from dangjian.access.scoping import restrict
from dangjian.core.linked import LinkedRecord, register

from .models import Plan
from .models.tasks import TaskStatus


def read_plans(ids: Iterable[int], viewer: Any) -> dict[int, LinkedRecord]:
    counted = ~Q(tasks__status=TaskStatus.WITHDRAWN)
    plans = restrict(Plan.objects.filter(pk__in=list(ids)), viewer).annotate(
        total=Count("tasks", filter=counted),
        done=Count("tasks", filter=Q(tasks__status=TaskStatus.DONE)))
    return {p.pk: LinkedRecord(pk=p.pk, label=p.title, organization_id=p.organization_id,
                               url=reverse("tasks:plan_detail", args=[p.pk]),
                               done=p.done, total=p.total)
            for p in plans}


def connect() -> None:
    register("tasks.plan", read_plans)
