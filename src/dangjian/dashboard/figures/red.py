"""Today's red list (红灯清单) across every module: a registry of sources.

A source is ``(user) -> RedSource`` giving the module's red rows (each a ``RedItem`` linking to
its record) and the count of them on the module's list page, filtered. A later module adds its
overdue items with ``@register`` in a module of this package, imported at the bottom."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from dangjian.oversight import selectors as oversight
from dangjian.oversight.filtersets import MeasureFilterSet, NoticeFilterSet
from dangjian.oversight.services.lights import RED
from dangjian.tasks import selectors as tasks
from dangjian.tasks.filtersets import TaskFilterSet

from . import Cell, RedItem
from .counts import _filtered, link

SHOWN = 50  # lines per module on the page; the count links to all of them


@dataclass
class RedSource:
    module: str
    label: str  # what is red, e.g. "红灯督办任务"
    total: Cell
    items: list[RedItem]


Source = Callable[[Any], RedSource]
SOURCES: list[Source] = []


def register(source: Source) -> Source:
    SOURCES.append(source)
    return source


def red_list(user: Any) -> list[RedSource]:
    return [source(user) for source in SOURCES]


def _detail(name: str, pk: int) -> str:
    return reverse(name, args=[pk])


@register
def red_tasks(user: Any) -> RedSource:
    params = {"light": RED}
    rows = _filtered(TaskFilterSet, tasks.tasks_for(user), params, user)
    items = [RedItem("督查督办", "task", t.pk, t.title, t.lead_unit.name, RED,
                     t.next_due, _detail("tasks:task_detail", t.pk))  # type: ignore[attr-defined]
             for t in rows.order_by("next_due", "id")[:SHOWN]]
    total = Cell(rows.count(), link("tasks:task_list", params))
    return RedSource("督查督办", "红灯督办任务", total, items)


@register
def overdue_notices(user: Any) -> RedSource:
    params = {"overdue": "1"}
    rows = _filtered(NoticeFilterSet, oversight.notices_for(user), params, user)
    items = [RedItem("监督整改", "notice", n.pk, f"{n.number or n.title}（致{n.recipient.name}）",
                     n.organization.name, RED, n.reply_due,
                     _detail("oversight:notice_detail", n.pk))
             for n in rows.select_related("organization").order_by("reply_due", "id")[:SHOWN]]
    return RedSource("监督整改", "逾期未回复的提示单",
                     Cell(rows.count(), link("oversight:notice_list", params)), items)


@register
def red_measures(user: Any) -> RedSource:
    params = {"light": RED}
    rows = _filtered(MeasureFilterSet, oversight.measures_for(user), params, user)
    items = [RedItem("监督整改", "measure", m.pk, m.description[:60], m.finding.organization.name,
                     RED, m.due_on, _detail("oversight:measure_detail", m.pk))
             for m in rows.order_by("due_on", "id")[:SHOWN]]
    return RedSource("监督整改", "红灯整改措施",
                     Cell(rows.count(), link("oversight:measure_list", params)), items)
