"""What a user could see go wrong on any page: read a page as text, and the objects to walk the
detail pages of (one of each kind, made through the services as users would)."""

import html
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver
from openpyxl import Workbook

from dangjian.audit.labels import ACTION_LABELS
from dangjian.duties.models import FulfilmentEvidence
from dangjian.oversight.models import Evidence
from dangjian.tasks.models import Plan, ProgressEvidence, Task
from dangjian.tasks.services.bulletins import bulletin_issue
from dangjian.tasks.services.imports import HEADERS, import_start

PDF = b"%PDF-1.4\n% walked\n"
ROLES = ["admin", "secadmin", "auditor", "county_head", "vice_head", "inspector",
         "finance_secretary", "finance_clerk", "edu_clerk", "member"]
NOT_PAGES = {"api", "schema", "healthz", "web:logout"}  # not pages, or a POST only
# What no page may show: template syntax, raw markup, framework English, research marks.
LEAKS = [
    ("template tag", re.compile(r"\{%|%\}|\{\{|\}\}|\{#|#\}")),
    ("English framework message", re.compile(
        r"This field is required|Enter a valid|Select a valid choice|-{5,}"
        r"|(?<![A-Za-z])(None|True|False)(?![A-Za-z])")),
    ("research mark", re.compile(r"待核实|凭记忆|已核实（二手来源）|相关模块接入后自动统计")),
    ("number missing", re.compile(r"(逾期|完成|待完成)\s+项")),
    ("audit code", re.compile(r"(?<![\w.])(" + "|".join(
        re.escape(code) for code in ACTION_LABELS if "." in code or "_" in code) + r")(?![\w.])")),
]


def pdf(name: str = "佐证.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def visible_text(page: str) -> str:
    """The words a user reads: no scripts, styles, tags or attribute values."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"<!--.*?-->", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]*>", " ", page))


def title_of(page: str) -> str:
    found = re.search(r"<title>(.*?)</title>", page, flags=re.S)
    assert found, "a page without a <title>"
    return html.unescape(found.group(1))


def problems(page: str) -> list[str]:
    title = title_of(page)
    found = []
    if len(title) > 60 or "<" in title or "\n" in title.strip():
        found.append(f"title is no short text: {title[:80]!r}")
    text = visible_text(page)
    for what, pattern in LEAKS:
        match = pattern.search(text) or (pattern.search(title) if what != "number missing"
                                         else None)
        if match:
            start = max(match.start() - 30, 0)
            found.append(f"{what}: …{text[start:match.end() + 30]!r}…")
    return found


def page_patterns() -> Iterator[tuple[str, URLPattern]]:
    """Every named URL of the site outside the API, as namespace:name."""

    def walk(patterns: list[Any], namespace: str) -> Iterator[tuple[str, URLPattern]]:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = entry.namespace or namespace
                if inner in NOT_PAGES:
                    continue
                yield from walk(entry.url_patterns, inner)
            elif entry.name:
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                if name not in NOT_PAGES:
                    yield name, entry

    yield from walk(get_resolver().url_patterns, "")


@dataclass
class Walked:
    """One object of each kind a detail page shows, by the URL's name and keyword."""

    ids: dict[tuple[str, str], int]


def make_objects(api_as: Any, user: Any, org: Any, deploy: Any, speech: str, today: date
                 ) -> Walked:
    inspector, clerk = api_as("inspector"), api_as("finance_clerk")
    finance = org("县财政局")
    finding = inspector.post("/api/v1/findings/", {
        "organization": finance.pk, "source": "巡察反馈", "category": "资金监管",
        "severity": "较重", "description": "专项资金拨付审批不规范",
        "discovered_on": str(today - timedelta(days=3))}, format="json").json()
    measure = clerk.post("/api/v1/measures/", {
        "finding": finding["id"], "description": "建立集体审批制度",
        "owner": user("finance_clerk").person_id, "due_on": str(today + timedelta(days=30)),
        "criterion": "制度印发"}, format="json").json()
    clerk.post(f"/api/v1/measures/{measure['id']}/evidence/", {"file": pdf()},
               format="multipart")
    notice = inspector.post("/api/v1/notices/", {
        "recipient": user("vice_head").person_id, "findings": [finding["id"]],
        "reply_due": str(today + timedelta(days=10))}, format="json").json()
    inspector.post(f"/api/v1/notices/{notice['id']}/issue/")
    clerk.post("/api/v1/risk-points/", {
        "organization": finance.pk, "post": "预算科科长", "area": "公共财政支出",
        "risk": "预算资金拨付不按程序", "level": "高", "controls": "集体研究、分级审批",
        "review_on": str(today + timedelta(days=200))}, format="json")

    plan = Plan.objects.get(pk=deploy(speech)["id"])
    task = Task.objects.filter(plan=plan, lead_unit=finance).order_by("number").first()
    assert task is not None
    clerk.post(f"/api/v1/tasks/{task.pk}/progress/", {
        "text": "已完成", "files": [pdf()], "request_completion": "true"}, format="multipart")
    draft = api_as("county_head").post("/api/v1/plans/", {
        "organization": org("示范县人民政府党组").pk, "kind": "讲话", "year": today.year,
        "text": speech}, format="json").json()
    bulletin = bulletin_issue(actor=user("county_head"), organization=org("示范县人民政府党组"),
                              plan=plan)
    job = import_start(actor=user("finance_clerk"), organization=finance, title="任务分解表",
                       year=today.year, upload=_breakdown(task, today))

    secretary = api_as("finance_secretary")
    rlist = secretary.post("/api/v1/responsibility-lists/", {
        "organization": org("县财政局党组").pk, "year": today.year,
        "person": user("finance_secretary").person_id}, format="json").json()
    item = next(i["item"] for i in rlist["items"] if i["item"]["template_key"] == "sec.ask")
    secretary.post("/api/v1/fulfilments/", {
        "item": item["id"], "done_on": str(today), "description": "听取党建工作汇报",
        "files": [pdf("会议记录.pdf")]}, format="multipart")
    return Walked({
        ("oversight:evidence", "pk"): Evidence.objects.get(measure_id=measure["id"]).pk,
        ("tasks:plan", "pk"): plan.pk, ("tasks:plan-export", "pk"): plan.pk,
        ("tasks:plan_detail", "pk"): plan.pk, ("tasks:task_detail", "pk"): task.pk,
        ("tasks:plan-revise", "pk"): plan.pk, ("tasks:milestone-new", "pk"): plan.pk,
        ("tasks:report", "pk"): task.pk, ("tasks:task-review", "pk"): task.pk,
        ("tasks:task-edit", "pk"): task.pk,
        ("tasks:review", "pk"): draft["id"],
        ("tasks:evidence", "pk"): ProgressEvidence.objects.get(report__task=task).pk,
        ("tasks:bulletin-document", "pk"): bulletin.pk, ("tasks:import-job", "pk"): job.pk,
        ("duties:list", "pk"): rlist["id"], ("duties:report", "pk"): rlist["id"],
        ("duties:evidence", "pk"): FulfilmentEvidence.objects.get(
            fulfilment__item_id=item["id"]).pk,
    })


def _breakdown(task: Task, today: date) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    sheet.append([1, task.title, task.lead_unit.name, "", task.leader.name,
                  str(today + timedelta(days=60)), ""])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("任务分解表.xlsx", buffer.getvalue())
