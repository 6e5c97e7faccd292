"""Import of the 任务分解表 (.xlsx): every row checked, every bad row named, nothing written
unless all rows are good.

Checking runs a slice of rows per step (``import_advance``), so the page can show a progress
bar while a long sheet is checked without a worker process; the API runs all steps at once.
"""

import re
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.imports import unknown_organization
from dangjian.core.permissions import require
from dangjian.documents.spreadsheets import SpreadsheetError, read_xlsx
from dangjian.orgs.models import Organization

from ..deadlines import suggested_due
from ..matching import COUNTY, aliases
from ..models import (
    ImportJob,
    ImportStatus,
    Plan,
    PlanKind,
    PlanRevision,
    ProgressReport,
    RevisionStatus,
    Task,
    TaskStatus,
)
from ..outline.deadlines import date_key
from ..rules import local_settings
from ..selectors import leaders_for, unit_choices
from .confirm import announce_assignments

HEADERS = ["序号", "任务", "牵头单位", "配合单位", "责任领导", "完成时限", "进展"]
LIST_SEPARATOR = re.compile(r"[、，,；;\s]+")
DATE_TEXT = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def import_start(*, actor: User, organization: Organization, title: str, year: int,
                 upload: UploadedFile) -> ImportJob:
    """Read the sheet (structure, header, size) and keep its rows for checking."""
    require(actor, "tasks.plan", organization)
    if not title.strip():
        raise ValidationError({"title": "请填写任务分解表的标题"})
    limits = local_settings()
    try:
        records = read_xlsx(upload.read(), expected_headers=HEADERS,
                            max_rows=limits.import_max_rows, actor=actor,
                            name=upload.name or "")
    except SpreadsheetError as error:
        raise ValidationError({"file": str(error)}) from error
    if not records:
        raise ValidationError({"file": "表格中没有任务行"})
    rows = [{key: _text(value) for key, value in row.items()} for row in records]
    with transaction.atomic():
        job = ImportJob.objects.create(organization=organization, title=title.strip()[:200],
                                       year=year, source_name=(upload.name or "")[:200],
                                       rows=rows, created_by=actor)
        record(actor=actor, action="plan.import_start", target=job,
               after={"rows": len(rows), "file": job.source_name})
    return job


def _text(value: object) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def import_advance(*, actor: User, job: ImportJob, rows: int | None = None) -> ImportJob:
    """Check the next slice of rows; after the last, refuse or write everything at once."""
    if job.created_by_id != actor.pk:
        raise ValidationError("只能继续本人上传的导入")
    if job.status != ImportStatus.CHECKING:
        return job
    step = rows or local_settings().import_rows_per_step
    resolver = _Resolver(actor, job.year)
    end = min(job.checked + step, job.total)
    for index in range(job.checked, end):
        resolved, problems = resolver.row(job.rows[index])
        job.resolved.append(resolved)
        job.errors += [f"第{index + 1}行（序号{job.rows[index].get('序号') or '空'}）：{p}"
                       for p in problems]
    job.checked = end
    if end < job.total:
        job.save(update_fields=["checked", "resolved", "errors"])
        return job
    if job.errors:
        job.status = ImportStatus.REFUSED
        job.save(update_fields=["checked", "resolved", "errors", "status"])
        record(actor=actor, action="plan.import_refused", target=job,
               after={"rows": job.total, "errors": len(job.errors)}, success=False)
        return job
    return _write(actor, job)


def import_run(*, actor: User, job: ImportJob) -> ImportJob:
    while job.status == ImportStatus.CHECKING:
        job = import_advance(actor=actor, job=job, rows=job.total)
    return job


class _Resolver:
    """Names in the sheet → the units and leaders the importer may choose, cached per step."""

    def __init__(self, actor: User, year: int) -> None:
        units = list(unit_choices(actor))
        counties = [m.group("county") for u in units if (m := COUNTY.match(u.name))]
        self.units: dict[str, Organization] = {}
        for unit in units:
            for alias in aliases(unit.name, counties) | {unit.name}:
                self.units.setdefault(alias, unit)
        self.leaders: dict[str, list[Any]] = {}
        for person in leaders_for(actor):
            self.leaders.setdefault(person.name, []).append(person)
        self.year = year

    def row(self, row: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
        problems: list[str] = []
        title = row.get("任务", "")
        if not title:
            problems.append("任务不能为空")
        lead = self._unit(row.get("牵头单位", ""), "牵头单位", problems, required=True)
        co_units = [self._unit(name, "配合单位", problems)
                    for name in LIST_SEPARATOR.split(row.get("配合单位", "")) if name]
        leader = self._leader(row.get("责任领导", ""), problems)
        due = self._due(row.get("完成时限", ""), problems)
        resolved = {"number": row.get("序号", ""), "title": title[:200],
                    "lead_unit": lead.pk if lead else None,
                    "co_units": [u.pk for u in co_units if u is not None and u != lead],
                    "leader": leader.pk if leader else None,
                    "due_on": due.isoformat() if due else None,
                    "deadline": row.get("完成时限", "")[:60], "progress": row.get("进展", "")}
        return resolved, problems

    def _unit(self, name: str, label: str, problems: list[str], required: bool = False
              ) -> Organization | None:
        if not name:
            if required:
                problems.append(f"{label}不能为空")
            return None
        unit = self.units.get(name)
        if unit is None:
            problems.append(unknown_organization(name, label))
        return unit

    def _leader(self, name: str, problems: list[str]) -> Any:
        if not name:
            problems.append("责任领导不能为空")
            return None
        found = self.leaders.get(name, [])
        if len(found) != 1:
            problems.append(f"责任领导“{name}”" + ("重名，请在平台上指定" if found
                                                  else "不是本范围内的领导干部"))
            return None
        return found[0]

    def _due(self, text: str, problems: list[str]) -> date | None:
        if not text:
            problems.append("完成时限不能为空")
            return None
        exact = DATE_TEXT.match(text)
        try:
            if exact:
                return date(*map(int, exact.groups()))
            if date_key(text, self.year) is not None:
                return suggested_due(text, year=self.year)
        except ValueError:
            pass
        problems.append(f"完成时限“{text}”无法识别，请填写如 2026-06-30 或“6月底前”")
        return None


def _write(actor: User, job: ImportJob) -> ImportJob:
    today = timezone.localdate()
    with transaction.atomic():
        plan = Plan.objects.create(organization=job.organization, title=job.title,
                                   kind=PlanKind.BREAKDOWN, year=job.year, created_by=actor)
        revision = PlanRevision.objects.create(
            plan=plan, number=1, source_name=job.source_name, text="", created_by=actor,
            status=RevisionStatus.CONFIRMED, confirmed_at=timezone.now())
        report_day = local_settings().report_day
        tasks = Task.objects.bulk_create([
            Task(plan=plan, number=_number(row["number"], n), title=row["title"],
                 lead_unit_id=row["lead_unit"], leader_id=row["leader"],
                 due_on=date.fromisoformat(row["due_on"]), deadline_text=row["deadline"],
                 report_day=report_day,
                 status=TaskStatus.IN_PROGRESS if row["progress"] else TaskStatus.NOT_STARTED)
            for n, row in enumerate(job.resolved, 1)
        ], batch_size=500)
        if not tasks or tasks[0].pk is None:  # backends without RETURNING
            tasks = list(plan.tasks.order_by("id"))
        links = [Task.co_units.through(task_id=task.pk, organization_id=unit)
                 for task, row in zip(tasks, job.resolved, strict=True)
                 for unit in row["co_units"]]
        Task.co_units.through.objects.bulk_create(links, batch_size=1000)
        ProgressReport.objects.bulk_create([
            ProgressReport(task=task, period=f"{today:%Y-%m}", text=row["progress"],
                           reported_by=actor, reported_on=today)
            for task, row in zip(tasks, job.resolved, strict=True) if row["progress"]
        ], batch_size=500)
        revision.changes = {"added": [t.pk for t in tasks], "changed": [], "withdrawn": [],
                            "unchanged": []}
        revision.save(update_fields=["changes"])
        job.status, job.plan = ImportStatus.IMPORTED, plan
        job.save(update_fields=["checked", "resolved", "status", "plan"])
        # One event for the sheet: thousands of per-task events would say nothing more.
        record(actor=actor, action="plan.import", target=plan,
               after={"job": job.pk, "file": job.source_name, "tasks": len(tasks)})
        announce_assignments(plan, revision)
    return job


def _number(value: str, fallback: int) -> int:
    return int(value) if value.isdecimal() and 0 < int(value) < 100000 else fallback
