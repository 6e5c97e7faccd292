"""The 监督工作提示单 and the 督导检查情况报告 as GB/T 9704-2012 Word documents
(documents.gbt9704 renders them)."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from dangjian.documents.gbt9704 import OfficialDocument, chinese_date, render_docx

from . import selectors
from .models import Inspection, InspectionItem, ItemResult, Notice
from .models.findings import FindingStatus

ISSUER = getattr(settings, "DANGJIAN_INSPECTION_ISSUER", "中共示范县纪委监委派驻纪检监察组")
# The prefix of the 督导检查情况报告's serial.
REPORT_PREFIX = getattr(settings, "DANGJIAN_INSPECTION_REPORT_PREFIX", "督查")
CHINESE_NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    return CHINESE_NUMERALS[n - 1] if n <= 10 else str(n)


def notice_document(notice: Notice) -> OfficialDocument:
    if not notice.number:
        raise ValidationError("提示单签发后才有文号，才能生成正式公文")
    body = [
        "在日常监督、巡察反馈和派驻监督中，发现您分管领域存在以下问题，现予以提示，"
        "请督促相关单位举一反三、抓好整改落实：",
    ]
    for n, finding in enumerate(notice.findings.select_related("organization", "category"), 1):
        body.append(f"{_numeral(n)}、{finding.organization.name}（{finding.category.name}）")
        body.append(finding.description)
    body.append(
        f"请于{notice.reply_due.year}年{notice.reply_due.month}月{notice.reply_due.day}日前"
        "将整改落实情况（约谈提醒、批评教育、组织处理、纪律处分建议等）书面回复。"
    )
    return OfficialDocument(
        issuer=ISSUER,
        number=notice.number,
        title=notice.title,
        recipient=f"{notice.recipient.name}同志：",
        body=body,
        signer=ISSUER,
        date=notice.issued_on,
    )


def notice_docx(notice: Notice) -> bytes:
    return render_docx(notice_document(notice))


def inspection_number(inspection: Inspection) -> str:
    """督查〔2026〕3号: the inspection's place among the year's inspections, stable without a
    counter (the platform's serial of the report, as 述责 reports are numbered)."""
    year = inspection.inspected_on.year
    place = Inspection.objects.filter(inspected_on__year=year, pk__lte=inspection.pk).count()
    return f"{REPORT_PREFIX}〔{year}〕{place}号"


def _named(names: list[str]) -> str:
    return "、".join(names) if len(names) <= 3 else f"{names[0]}等{len(names)}个单位"


def _checklist(items: list[InspectionItem]) -> list[str]:
    if not items:
        return ["本次检查未登记检查清单。"]
    counts = {result: sum(i.result == result for i in items) for result in ItemResult.values}
    lines = [f"共检查{len(items)}项，其中" + "、".join(f"{r}{n}项" for r, n in counts.items())
             + "："]
    lines += [f"{n}.{item.get_topic_display()}：{item.text}——{item.result}"
              + (f"（{item.note}）" if item.note else "") + "。"
              for n, item in enumerate(items, 1)]
    return lines


def _findings(inspection: Inspection, viewer: Any) -> list[str]:
    """The findings registered from the inspection that ``viewer`` sees (a withdrawn one was
    registered in error and is left out)."""
    found = (selectors.findings_for(viewer).filter(inspection=inspection)
             .exclude(status=FindingStatus.WITHDRAWN).order_by("organization__path", "pk"))
    if not found:
        return ["本次检查未登记发现问题。"]
    lines = [f"共发现问题{len(found)}个，已列入问题台账跟踪整改销号："]
    lines += [f"{n}.{f.organization.name}（{f.category.name}，{f.severity.name}）：{f.description}"
              f"（{f.get_status_display()}）" for n, f in enumerate(found, 1)]
    return lines


def inspection_document(inspection: Inspection, viewer: Any) -> OfficialDocument:
    """The report in the name of the organiser's body (the 党组 whose member he is), signed by
    him; no 主送: it is the body's own record of its member's inspection."""
    organizer = inspection.organizer
    issuer = organizer.organization.name
    targets = [t.name for t in inspection.targets.order_by("path")]
    body = [f"{organizer.name}同志于{chinese_date(inspection.inspected_on)}对"
            f"{'、'.join(targets)}开展督导检查，检查内容为{inspection.topics_text}。"
            "现将有关情况报告如下：",
            "一、检查清单及结果", *_checklist(list(inspection.items.all())),
            "二、发现的问题", *_findings(inspection, viewer),
            "三、检查情况"]
    report = [line.strip() for line in inspection.report.splitlines() if line.strip()]
    body += report or ["未登记检查报告正文。"]
    body.append("特此报告。")
    return OfficialDocument(
        issuer=issuer, number=inspection_number(inspection),
        title=f"关于对{_named(targets)}\n开展督导检查情况的报告", recipient="",
        body=body, signer=organizer.name, date=timezone.localdate())


def inspection_docx(inspection: Inspection, viewer: Any) -> bytes:
    return render_docx(inspection_document(inspection, viewer))


def inspection_docx_name(inspection: Inspection) -> str:
    targets = [t.name for t in inspection.targets.order_by("path")]
    return f"{_named(targets)}督导检查情况报告（{inspection.inspected_on:%Y-%m-%d}）.docx"
